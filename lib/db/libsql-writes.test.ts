import type { Client, ResultSet } from '@libsql/client/web';
import { describe, expect, it, vi } from 'vitest';
import { isReadOnly, SerialQueue, serializeWrites, writeWithRetry } from './libsql-writes';

const busy = () => Object.assign(new Error('SQLITE_BUSY: SQLite error: database is locked'), { code: 'SQLITE_BUSY' });
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/** A stand-in client that records how many statements of each kind are in flight at once. */
function fakeClient(answer: (sql: string) => Promise<void> = tick) {
  const seen = { reads: 0, writes: 0, maxReads: 0, maxWrites: 0, sent: [] as string[] };
  const run = async (sql: string, write: boolean) => {
    seen.sent.push(sql);
    if (write) seen.maxWrites = Math.max(seen.maxWrites, ++seen.writes);
    else seen.maxReads = Math.max(seen.maxReads, ++seen.reads);
    try {
      await answer(sql);
    } finally {
      if (write) seen.writes--;
      else seen.reads--;
    }
    return { rows: [] } as unknown as ResultSet;
  };
  const client = {
    execute: (s: string | { sql: string }) => {
      const sql = typeof s === 'string' ? s : s.sql;
      return run(sql, !sql.startsWith('select'));
    },
    batch: (stmts: { sql: string }[]) => run(stmts.map((s) => s.sql).join('; '), stmts.some((s) => !s.sql.startsWith('select'))),
    close: () => undefined,
    closed: false,
  } as unknown as Client;
  return { client, seen };
}

describe('isReadOnly', () => {
  it('takes only a plain SELECT for a read', () => {
    expect(isReadOnly('select "id" from "posts" where "id" = ?')).toBe(true);
    expect(isReadOnly('  \n-- a comment\n/* another */ SELECT 1')).toBe(true);
    expect(isReadOnly('insert into "likes" select ?, "id", ? from "posts"')).toBe(false);
    expect(isReadOnly('update "sessions" set "last_seen_at" = ?')).toBe(false);
    expect(isReadOnly('with x as (select 1) delete from likes')).toBe(false);
    expect(isReadOnly('selected')).toBe(false);
  });
});

describe('serializeWrites', () => {
  it('sends writes one at a time and reads in parallel', async () => {
    const { client, seen } = fakeClient();
    const db = serializeWrites(client);
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => db.execute({ sql: `insert into likes values (${i})`, args: [] })),
      ...Array.from({ length: 20 }, () => db.execute('select 1')),
      db.batch([{ sql: 'select 1', args: [] }, { sql: 'delete from likes', args: [] }]),
    ]);
    expect(seen.sent).toHaveLength(41);
    expect(seen.maxWrites).toBe(1);
    expect(seen.maxReads).toBeGreaterThan(1);
  });

  it('sends a busy write again; other writes go on while it waits', async () => {
    let busyAnswers = 2;
    const { client, seen } = fakeClient(async (sql) => {
      await tick();
      if (sql === 'insert a' && busyAnswers-- > 0) throw busy();
    });
    const db = serializeWrites(client);
    await Promise.all([db.execute('insert a'), db.execute('insert b')]);
    expect(seen.sent).toEqual(['insert a', 'insert b', 'insert a', 'insert a']);
    expect(seen.maxWrites).toBe(1);
  });

  it('does not retry a read, or a write that failed for another reason', async () => {
    const { client, seen } = fakeClient(async (sql) => {
      await tick();
      throw sql.startsWith('select') ? busy() : Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT' });
    });
    const db = serializeWrites(client);
    await expect(db.execute('select 1')).rejects.toThrow('database is locked');
    await expect(db.execute('insert x')).rejects.toThrow('UNIQUE');
    expect(seen.sent).toEqual(['select 1', 'insert x']);
  });
});

describe('writeWithRetry', () => {
  it('gives up with the busy error once the time budget is spent', async () => {
    let clock = 0;
    let sends = 0;
    const pauses: number[] = [];
    const write = () => {
      sends++;
      return Promise.reject(busy());
    };
    const options = {
      budgetMs: 1_000,
      now: () => clock,
      random: () => 1,
      sleep: (ms: number) => {
        pauses.push(ms);
        clock += ms;
        return Promise.resolve();
      },
    };
    await expect(writeWithRetry(new SerialQueue(), write, options)).rejects.toThrow('database is locked');
    // 10, 20, 40, 80, 160, then 250 at most each, the last cut to what is left of the budget.
    expect(pauses.slice(0, 6)).toEqual([10, 20, 40, 80, 160, 250]);
    expect(pauses.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(sends).toBe(pauses.length + 1);
  });

  it('keeps the queue going after a failed write', async () => {
    const queue = new SerialQueue();
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('SerialQueue', () => {
  it('lets the next write go when one has held the queue too long, and still answers the slow one', async () => {
    vi.useFakeTimers();
    try {
      const queue = new SerialQueue(1_000);
      let answerSlow: (value: string) => void = () => undefined;
      const slow = queue.run(() => new Promise<string>((resolve) => (answerSlow = resolve)));
      let nextDone = false;
      const next = queue.run(() => Promise.resolve('next')).then((value) => {
        nextDone = true;
        return value;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(nextDone).toBe(false); // still the slow write's turn
      await vi.advanceTimersByTimeAsync(1);
      await expect(next).resolves.toBe('next');
      answerSlow('slow');
      await expect(slow).resolves.toBe('slow');
      } finally {
      vi.useRealTimers();
    }
  });
});
