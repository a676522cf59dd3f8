// Database errors, read the same way whichever driver raised them. drizzle wraps a libSQL error
// in a DrizzleQueryError ("Failed query: …") whose `cause` holds the server's answer.
import { ConfigError } from '@/lib/config';

/** The error and its causes, outermost first. */
export function causeChain(err: unknown): Error[] {
  const chain: Error[] = [];
  for (let e = err; e instanceof Error && chain.length < 10; e = e.cause) chain.push(e);
  return chain;
}

/** For "UNIQUE constraint failed: users.email", `users.email`; otherwise undefined. */
export function uniqueViolation(err: unknown): string | undefined {
  for (const e of causeChain(err)) {
    const match = /UNIQUE constraint failed: ([\w.]+)/.exec(e.message);
    if (match) return match[1];
  }
  return undefined;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'HRANA_WEBSOCKET_ERROR',
]);

const codeOf = (e: Error) => ('code' in e && typeof e.code === 'string' ? e.code : undefined);

/** SQLITE_BUSY ("database is locked") however deep drizzle wraps it: the statement did not run. */
export function isBusy(err: unknown): boolean {
  return causeChain(err).some((e) => codeOf(e) === 'SQLITE_BUSY' || codeOf(e) === 'SQLITE_BUSY_SNAPSHOT');
}

/** The database did not answer (refused, reset, timed out): the same request may work in a moment. */
export function isDatabaseUnreachable(err: unknown): boolean {
  return causeChain(err).some((e) => NETWORK_CODES.has(codeOf(e) ?? ''));
}

const statusOf = (e: Error) => ('status' in e && typeof e.status === 'number' ? e.status : undefined);

/**
 * Turns "cannot reach the server" and "the server refused our token" into a ConfigError that
 * says what to fix; any other error is returned as it is.
 */
export function describeDatabaseError(err: unknown, where: { name: string }): unknown {
  if (err instanceof ConfigError) return err;
  const chain = causeChain(err);
  const network = chain.find((e) => NETWORK_CODES.has(codeOf(e) ?? ''));
  if (network) {
    const reason = network.message.replace(/^HRANA_WEBSOCKET_ERROR: /, '');
    // The cause stays, so a request that meets this still knows the database was unreachable.
    return new ConfigError(`Cannot reach the database at ${where.name} (${reason}). Check DATABASE_URL and that the server is up.`, { cause: err });
  }
  const status = chain.map(statusOf).find((s) => s !== undefined);
  if (status === 401 || status === 403) {
    return new ConfigError(
      `The database at ${where.name} refused the connection (HTTP ${status}). Check DATABASE_AUTH_TOKEN ` +
        '(for Turso: turso db tokens create <database>).',
    );
  }
  return err;
}
