import type { Client } from '@libsql/client/web';

// sqld answers SQLITE_BUSY ("database is locked") when concurrent writes contend for its write
// lock, instead of waiting as busy_timeout does for the embedded file. A statement that got
// SQLITE_BUSY did not run, so sending it again is safe; the app never holds an interactive
// transaction open, so each retry is one whole statement (or one whole batch).

const ATTEMPTS = 10;
const BASE_DELAY_MS = 5;

export function isBusy(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY' || /SQLITE_BUSY|database is locked/.test(e.message)) return true;
  }
  return false;
}

/** Runs `send`, again after a short randomised back-off while the database answers "busy". */
export async function retryWhileBusy<T>(send: () => Promise<T>, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= ATTEMPTS || !isBusy(err)) throw err;
      await sleep(BASE_DELAY_MS * 2 ** Math.min(attempt, 6) * (0.5 + Math.random()));
    }
  }
}

/** The client, with `execute` and `batch` retried while busy (what drizzle calls for queries). */
export function withBusyRetry(client: Client): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === 'execute' || property === 'batch') {
        return (...args: unknown[]) => retryWhileBusy(() => method.apply(target, args) as Promise<unknown>);
      }
      return method.bind(target);
    },
  });
}
