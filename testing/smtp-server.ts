// A real SMTP server on loopback (npm smtp-server, parsed with mailparser) for the mail tests and
// every production server the tests start: it accepts each message and stores it, parsed (to,
// subject, text, html, links), as one JSON file in a folder, where tests read it (readMailbox,
// waitForMail) from any process. Plain SMTP, no TLS; AUTH when `auth` is given.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { linksIn } from '@/lib/mail/links';

export type ReceivedMail = {
  /** The envelope's recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  receivedAt: number;
};

export type SmtpTestServer = {
  /** For SMTP_URL: smtp://[user:pass@]127.0.0.1:<port>. */
  url: string;
  port: number;
  directory: string;
  stop(): Promise<void>;
};

type Options = { port?: number; directory?: string; auth?: { user: string; pass: string } };

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? ''));

export async function startSmtpServer(options: Options = {}): Promise<SmtpTestServer> {
  const temporary = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'cookiegram-smtp-'));
  mkdirSync(directory, { recursive: true });
  const { auth } = options;
  const server = new SMTPServer({
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(session, _s, callback) {
      if (auth && session.username === auth.user && session.password === auth.pass) callback(null, { user: auth.user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? '';
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: addresses(parsed.from ? [parsed.from] : undefined).join(', '),
            subject: parsed.subject ?? '',
            text,
            html: typeof parsed.html === 'string' ? parsed.html : '',
            links: linksIn(text),
            receivedAt: Date.now(),
          };
          // Written then renamed, so a reader never sees half a file.
          const name = `${String(mail.receivedAt).padStart(15, '0')}-${randomBytes(4).toString('hex')}.json`;
          writeFileSync(join(directory, `${name}.tmp`), JSON.stringify(mail));
          renameSync(join(directory, `${name}.tmp`), join(directory, name));
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('smtp-server did not listen on a port');
  const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : '';
  return {
    url: `smtp://${credentials}127.0.0.1:${address.port}`,
    port: address.port,
    directory,
    stop: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          if (temporary) rmSync(directory, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/** Every message the server in `directory` accepted, oldest first. */
export function readMailbox(directory: string): ReceivedMail[] {
  let names: string[];
  try {
    names = readdirSync(directory).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((n) => JSON.parse(readFileSync(join(directory, n), 'utf8')) as ReceivedMail);
}

/** The newest message to `to` whose subject is `subject`, received at or after `since`; waits for it. */
export async function waitForMail(directory: string, to: string, subject: string, { since = 0, timeoutMs = 10_000 } = {}): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readMailbox(directory)
      .filter((m) => m.to.includes(to.toLowerCase()) && m.subject === subject && m.receivedAt >= since)
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Messages to `to` (any subject) received at or after `since`. */
export const mailTo = (directory: string, to: string, since = 0) =>
  readMailbox(directory).filter((m) => m.to.includes(to.toLowerCase()) && m.receivedAt >= since);
