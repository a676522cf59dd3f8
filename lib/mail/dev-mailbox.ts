// Development without SMTP_URL: every mail lands here instead, one JSON file per message under
// .data/dev-mailbox (so it survives restarts and every worker sees it), listed at /dev/mailbox.
// Never used in production, which refuses to start without SMTP (lib/startup.ts).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDirectory } from '@/lib/private-files';
import type { MailMessage } from './compose';
import { linksIn } from './links';

export type StoredMail = MailMessage & { from: string; sentAt: number; links: string[] };

const KEEP = 200;

export const DEV_MAILBOX_DIRECTORY = join(process.cwd(), '.data', 'dev-mailbox');

export function storeInDevMailbox(message: MailMessage, from: string, directory = DEV_MAILBOX_DIRECTORY, now = Date.now()): StoredMail {
  makePrivateDirectory(directory);
  const stored: StoredMail = { ...message, from, sentAt: now, links: linksIn(message.text) };
  // Time first, so names sort oldest to newest; random after, so two at once never collide.
  const name = `${String(now).padStart(15, '0')}-${randomBytes(4).toString('hex')}.json`;
  writeFileSync(join(directory, name), JSON.stringify(stored), { mode: 0o600 });
  for (const old of mailFiles(directory).slice(0, -KEEP)) rmSync(join(directory, old), { force: true });
  return stored;
}

/** Newest first. */
export function readDevMailbox(directory = DEV_MAILBOX_DIRECTORY): StoredMail[] {
  return mailFiles(directory)
    .reverse()
    .flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(directory, name), 'utf8')) as StoredMail];
      } catch {
        return []; // half-written by another worker right now, or removed meanwhile
      }
    });
}

function mailFiles(directory: string): string[] {
  try {
    return readdirSync(directory).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
}
