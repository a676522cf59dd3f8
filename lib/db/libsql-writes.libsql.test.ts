// The fault lib/db/libsql-writes.ts exists for: a burst of concurrent writes from one client can
// make sqld fail writes with SQLITE_BUSY or stop answering altogether (without the write queue,
// `tsx scripts/sqld-write-burst.ts --mode=plain` hung sqld in 2 runs of 10). Through the app's
// client, every write of the burst succeeds, the counts stay equal to the rows, and sqld answers.
// Bounded: each round may take 20 s, the whole test 90 s.
import { describe, expect, it } from 'vitest';
import { sqldWriteBurst } from '@/testing/sqld-write-burst';

describe('libSQL writes under a burst', () => {
  it('200 users like and unlike one post at once, 4 rounds: no failed write, no hang, counts = rows', { timeout: 90_000 }, async () => {
    const result = await sqldWriteBurst({ users: 200, rounds: 4, mode: 'app' });
    expect(result.hung).toBe(false);
    expect(result.answersAfter).toBe(true);
    expect(result.rounds.map((r) => [r.errors, r.rows, r.count])).toEqual([
      [0, 200, 200],
      [0, 0, 0],
      [0, 200, 200],
      [0, 0, 0],
    ]);
  });
});
