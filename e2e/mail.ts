// The messages an e2e server sent, as its SMTP server (scripts/with-smtp-server.ts) received them.
import { type ReceivedMail, mailTo, waitForMail } from '../testing/smtp-server';
import type { ServerOptions } from './fixtures';
import { e2eServer } from './server-env';

export type { ReceivedMail };

/** Waits for, and returns, the newest message to `to` with this subject (received since `since`). */
export function readMail(server: ServerOptions['server'], to: string, subject: string, since = 0): Promise<ReceivedMail> {
  return waitForMail(e2eServer(server).mail.directory, to, subject, { since });
}

/** Every message to `to` so far (since `since`). */
export const mailsTo = (server: ServerOptions['server'], to: string, since = 0) => mailTo(e2eServer(server).mail.directory, to, since);

/** The link in a message that starts with `prefix` (e.g. the reset link), as a path for page.goto. */
export function linkPath(mail: ReceivedMail, prefix: string): string {
  const link = mail.links.find((l) => new URL(l).pathname === prefix);
  if (!link) throw new Error(`no ${prefix} link in "${mail.subject}": ${mail.links.join(' ')}`);
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}
