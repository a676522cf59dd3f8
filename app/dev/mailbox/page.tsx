import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getConfig } from '@/lib/config';
import { readDevMailbox } from '@/lib/mail/dev-mailbox';
import { mailTime } from '@/lib/mail/compose';

export const metadata: Metadata = { title: 'Dev mailbox', referrer: 'no-referrer' };

/**
 * Development without SMTP_URL: the mail the app would have sent, newest first, with its links.
 * It holds live reset links, so it does not exist in production (404), nor when SMTP is set.
 */
export default async function DevMailboxPage() {
  await connection();
  const { isProduction, mail } = getConfig();
  if (isProduction || mail.smtpUrl) notFound();
  const messages = readDevMailbox();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-xl font-semibold">Dev mailbox</h1>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        Development only: with no <code className="font-mono">SMTP_URL</code>, every mail lands here (files in{' '}
        <code className="font-mono">.data/dev-mailbox/</code>) instead of being sent.
      </p>
      {messages.length === 0 ? <p className="mt-6">No mail yet.</p> : null}
      <ol className="mt-6 flex flex-col gap-4">
        {messages.map((m) => (
          <li key={`${m.sentAt}-${m.to}-${m.subject}`} className="rounded-xl border border-neutral-200 p-4 dark:border-neutral-800">
            <article aria-label={`${m.subject} to ${m.to}`}>
              <h2 className="font-semibold">{m.subject}</h2>
              <p className="text-sm text-neutral-600 dark:text-neutral-400">
                To {m.to} · {mailTime(m.sentAt)}
              </p>
              {m.links.length > 0 ? (
                <ul className="mt-2 flex flex-col gap-1 text-sm">
                  {m.links.map((link) => (
                    <li key={link}>
                      <a href={link} className="break-all font-medium text-brand hover:underline dark:text-orange-400">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{m.text}</pre>
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}
