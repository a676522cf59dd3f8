import type { Client, InArgs, InStatement } from '@libsql/client/web';
import { isBusy } from './errors';

// Why this exists. A libSQL server (sqld, Turso) runs one write at a time and queues the others
// itself. Under a burst of concurrent writes from one client, sqld 0.24 answers some of them
// SQLITE_BUSY ("database is locked"): a queued write whose read snapshot went stale while it
// waited fails with SQLITE_BUSY_SNAPSHOT, sqld retries it a few times and then gives up. Worse,
// the same queue can lose a waiter when an auto-checkpoint runs at the wrong moment, after which
// every later write spins on a slot nobody will take and the server stops answering (seen with
// and without any client retry). Both need two of our writes waiting inside sqld at once.
//
// So: this process sends one write at a time (writes run one at a time on the server anyway, so
// this costs a network round trip per write, not throughput of the database), and a write that
// still gets SQLITE_BUSY — contention from another process or instance — is sent again after a
// short randomised pause, for at most BUSY_RETRY_BUDGET_MS in all. A statement answered with
// SQLITE_BUSY did not run, so sending it again is safe. Reads are neither queued nor retried.

/** Total time one write may spend waiting for "busy" to clear before its error is returned. */
const BUSY_RETRY_BUDGET_MS = 2_000;
const FIRST_PAUSE_MS = 10;
const MAX_PAUSE_MS = 250;

type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

type Statement = InStatement | [string, InArgs?];

function sqlOf(statement: Statement): string {
  if (typeof statement === 'string') return statement;
  if (Array.isArray(statement)) return statement[0];
  return statement.sql;
}

/**
 * True for a statement that cannot write: a plain SELECT. Anything else (INSERT, UPDATE, DELETE,
 * WITH … (which may hide a write), PRAGMA, DDL) counts as a write; a read taken for a write only
 * waits its turn.
 */
export function isReadOnly(sql: string): boolean {
  const text = sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, '');
  return /^select\b/i.test(text);
}

/**
 * How long one write may hold the queue. A write that never answers (a hung connection) must not
 * stop every later write of the process: after this the next one goes, and the slow write's
 * caller still gets its own answer (or error) when it comes.
 */
const MAX_WRITE_TURN_MS = 5_000;

/** Resolves when `promise` settles, or after `ms`, whichever is first. */
function settledOrAfter(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}

/** One at a time, in arrival order; a turn lasts until the task settles or `maxTurnMs` passes. */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly maxTurnMs = MAX_WRITE_TURN_MS) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.#tail;
    const result = turn.then(task);
    this.#tail = turn.then(() => settledOrAfter(result, this.maxTurnMs));
    return result;
  }
}

/**
 * Sends `write` through the queue; while it comes back SQLITE_BUSY, pauses (outside the queue, so
 * other writes go on) and sends it again, until the budget is spent.
 */
export async function writeWithRetry<T>(
  queue: SerialQueue,
  write: () => Promise<T>,
  options: { budgetMs?: number; sleep?: Sleep; now?: () => number; random?: () => number } = {},
): Promise<T> {
  const { budgetMs = BUSY_RETRY_BUDGET_MS, sleep: pause = sleep, now = Date.now, random = Math.random } = options;
  const deadline = now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await queue.run(write);
    } catch (err) {
      const left = deadline - now();
      if (!isBusy(err) || left <= 0) throw err;
      const ceiling = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt);
      await pause(Math.min(left, ceiling * (0.5 + random() / 2)));
    }
  }
}

/**
 * The client with `execute` and `batch` (what drizzle's queries call) sending writes one at a
 * time, retried while busy. Reads, `transaction` and everything else pass straight through.
 */
export function serializeWrites(client: Client, queue = new SerialQueue()): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (property === 'execute') {
        return (statement: InStatement, ...rest: unknown[]) =>
          isReadOnly(sqlOf(statement))
            ? method.call(target, statement, ...rest)
            : writeWithRetry(queue, () => method.call(target, statement, ...rest));
      }
      if (property === 'batch') {
        return (statements: Statement[], ...rest: unknown[]) =>
          statements.every((s) => isReadOnly(sqlOf(s)))
            ? method.call(target, statements, ...rest)
            : writeWithRetry(queue, () => method.call(target, statements, ...rest));
      }
      return method.bind(target);
    },
  });
}
