import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpTestServer, readMailbox, startSmtpServer, waitForMail } from '@/testing/smtp-server';
import { composeMail } from './compose';
import { readDevMailbox, storeInDevMailbox } from './dev-mailbox';
import { deliver } from './transport';

const context = { at: Date.UTC(2026, 11, 3, 15, 18, 33), browser: 'Firefox on Windows', address: '203.0.113.0/24' };
const message = composeMail({
  to: 'Someone@Example.com',
  subject: 'Reset your password',
  paragraphs: ['Hello <b>"friend"</b> & co.'],
  action: { label: 'Reset password', url: 'http://127.0.0.1:3000/reset-password?token=abc_DEF-123' },
  after: ['The link works once, for 30 minutes.'],
  context,
});

describe('deliver over SMTP (a real smtp-server on loopback)', () => {
  let server: SmtpTestServer;
  beforeAll(async () => {
    server = await startSmtpServer({ auth: { user: 'mailer', pass: 'p@ss:word' } });
  });
  afterAll(() => server.stop());

  it('logs in, sends text and escaped HTML from MAIL_FROM, and the link arrives intact', async () => {
    await deliver(message, { smtpUrl: server.url, from: 'Cookiegram <no-reply@cookiegram.example>', requireVerifiedEmail: false });
    const mail = await waitForMail(server.directory, 'someone@example.com', 'Reset your password');
    expect(mail.from).toBe('no-reply@cookiegram.example');
    expect(mail.links).toEqual(['http://127.0.0.1:3000/reset-password?token=abc_DEF-123']);
    expect(mail.text).toContain('Hello <b>"friend"</b> & co.');
    expect(mail.text).toContain('Requested Thu, 03 Dec 2026 15:18:33 UTC from Firefox on Windows, near 203.0.113.0/24.');
    expect(mail.html).toContain('Hello &lt;b&gt;&quot;friend&quot;&lt;/b&gt; &amp; co.');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('href="http://127.0.0.1:3000/reset-password?token=abc_DEF-123"');
  });

  it('fails loudly on wrong credentials, and nothing arrives', async () => {
    const before = readMailbox(server.directory).length;
    const wrong = server.url.replace('p%40ss%3Aword', 'nope');
    await expect(deliver(message, { smtpUrl: wrong, from: 'a@b.example', requireVerifiedEmail: false })).rejects.toThrow(/Invalid username or password/);
    expect(readMailbox(server.directory)).toHaveLength(before);
  });
});

describe('the dev mailbox', () => {
  it('keeps messages as files, newest first, with their links', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cookiegram-dev-mailbox-'));
    storeInDevMailbox({ ...message, subject: 'first' }, 'a@b.example', directory, 1);
    storeInDevMailbox({ ...message, subject: 'second' }, 'a@b.example', directory, 2);
    const mails = readDevMailbox(directory);
    expect(mails.map((m) => m.subject)).toEqual(['second', 'first']);
    expect(mails[0]?.links).toEqual(['http://127.0.0.1:3000/reset-password?token=abc_DEF-123']);
  });
});
