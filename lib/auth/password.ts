import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';

/** Passwords are compared as NFKC, so the same text typed on different keyboards matches. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

// bcrypt costs ~85 ms of CPU per hash at cost 10, and bcryptjs's async API still holds the event
// loop for most of it, so a burst of logins would stall every other request. The pool runs it on
// worker threads instead: one per core but one, which leaves a core to the event loop. The
// threads also run at a lower CPU priority (nice +10, through piscina's niceIncrement), so pages
// and the API win when logins and pages compete for a core; logins queue instead.
const WORKER_FILE = join(process.cwd(), 'lib', 'auth', 'password-worker.mjs');
const PASSWORD_THREADS = Math.max(1, availableParallelism() - 1);

/**
 * How many hashes may wait for a thread: about two seconds of work at cost 10. A flood beyond it
 * is refused at once (the routes answer 503 with Retry-After) instead of queueing for minutes.
 */
export const PASSWORD_QUEUE_LIMIT = PASSWORD_THREADS * 24;

/** The password pool is saturated: the request should be retried in a moment. */
export class PasswordPoolBusyError extends Error {
  override name = 'PasswordPoolBusyError';
  readonly retryAfterSeconds = 2;
}

// One pool per process; kept on globalThis so dev hot reloads don't start another.
const globalForPool = globalThis as typeof globalThis & { cookiegramPasswordPool?: Piscina };

/** Created on first use, so building and importing the app start no threads. */
function passwordPool(): Piscina {
  globalForPool.cookiegramPasswordPool ??= new Piscina({
    filename: WORKER_FILE,
    minThreads: 1,
    maxThreads: PASSWORD_THREADS,
    idleTimeout: 60_000,
    niceIncrement: 10,
    maxQueue: PASSWORD_QUEUE_LIMIT,
  });
  return globalForPool.cookiegramPasswordPool;
}

function runInPool<T>(task: object, name: 'hash' | 'compare'): Promise<T> {
  const pool = passwordPool();
  if (pool.queueSize >= PASSWORD_QUEUE_LIMIT) return Promise.reject(new PasswordPoolBusyError('Too many logins at once.'));
  return pool.run(task, { name }) as Promise<T>;
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return runInPool({ password: normalizePassword(password), cost }, 'hash');
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return runInPool({ password: normalizePassword(password), hash }, 'compare');
}

/** The cost a bcrypt hash was made with ("$2b$10$…" → 10). */
export function hashCost(hash: string): number | undefined {
  const cost = /^\$2[abxy]\$(\d{2})\$/.exec(hash)?.[1];
  return cost === undefined ? undefined : Number(cost);
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * A hash to compare against when the account does not exist, so that an unknown email costs
 * the same bcrypt work as a wrong password and response time does not reveal which it was.
 */
export function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = hashPassword(crypto.randomUUID(), cost);
    dummyHashes.set(cost, hash);
    hash.catch(() => dummyHashes.delete(cost)); // a busy pool must not be remembered for ever
  }
  return hash;
}
