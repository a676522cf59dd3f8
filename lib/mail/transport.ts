// How a composed mail leaves: over SMTP (SMTP_URL, nodemailer) when configured, else, in
// development only, into the dev mailbox and the server log. Awaitable, for tests and for
// sendMail's queue; requests never wait on it (lib/mail/send.ts).
import 'server-only';
import nodemailer from 'nodemailer';
import { type MailConfig, getConfig } from '@/lib/config';
import type { MailMessage } from './compose';
import { storeInDevMailbox } from './dev-mailbox';

type Transporter = ReturnType<typeof nodemailer.createTransport>;
const transporters = new Map<string, Transporter>();

function transporterFor(smtpUrl: string): Transporter {
  let transporter = transporters.get(smtpUrl);
  if (!transporter) {
    // Bounded waits: a provider that hangs must not keep a function (or a worker) alive for minutes.
    transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as Parameters<typeof nodemailer.createTransport>[0]);
    transporters.set(smtpUrl, transporter);
  }
  return transporter;
}

export async function deliver(message: MailMessage, config: MailConfig = getConfig().mail): Promise<void> {
  if (config.smtpUrl) {
    await transporterFor(config.smtpUrl).sendMail({ from: config.from, ...message });
    return;
  }
  const stored = storeInDevMailbox(message, config.from);
  // Development only (production has SMTP): the link in the log saves opening the mailbox.
  console.info(`[mail] to ${message.to}: "${message.subject}" ${stored.links.join(' ')} (all mail: /dev/mailbox)`);
}
