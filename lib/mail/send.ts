// The app's one way to send mail: queued after the answer (Next's after(): on Vercel the function
// stays alive for it), so no request waits on an SMTP server and the time of an answer never
// depends on whether a mail went out, which would tell whether an address has an account.
import 'server-only';
import { after } from 'next/server';
import type { MailMessage } from './compose';
import { deliver } from './transport';

export type { MailMessage };

/** Runs `task` once the answer has gone; a failure is logged (with no token in it), never thrown at anyone. */
export function afterResponse(label: string, task: () => Promise<void>): void {
  after(async () => {
    try {
      await task();
    } catch (err) {
      console.error(`Cookiegram: ${label} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

/** Sends `message` after the answer. */
export function sendMail(message: MailMessage): void {
  afterResponse(`sending "${message.subject}"`, () => deliver(message));
}
