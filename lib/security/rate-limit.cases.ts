// Rate-limit counters against each driver (rate-limit.test.ts: an SQLite file;
// rate-limit.libsql.test.ts: a real libSQL server, where parallel statements really overlap).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';
import type { TestDatabase } from '@/testing/database';
import { type RateLimit, counterKey, releaseAttempts, reserveAttempt, reserveAttempts, resetLimit } from './rate-limit';

const limit = (name: string, max = 5): RateLimit => ({ name, max, windowMs: 60_000 });

export function describeRateLimits(open: () => Promise<TestDatabase>) {
  let database: TestDatabase | undefined;
  let db: Db;
  const countOf = async (l: RateLimit, subject: string) =>
    (await db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, counterKey(l, subject))))[0]?.count;

  beforeAll(async () => {
    database = await open();
    db = database.db;
  });
  afterAll(async () => {
    await database?.stop();
  });

  describe('rate limits', () => {
    it('lets exactly `max` of 100 attempts sent at once through, and says when to retry', async () => {
      const l = limit('burst');
      const results = await Promise.all(Array.from({ length: 100 }, () => reserveAttempt(l, 'victim@example.com')));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      for (const refused of results.filter((r) => !r.ok)) {
        expect(refused).toEqual({ ok: false, reason: 'rate-limited', retryAfterSeconds: expect.any(Number) as unknown });
        expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
        expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
    });

    it('starts a new window once the old one is over', async () => {
      const l = limit('window', 2);
      const t = 1_800_000_000_000;
      expect((await reserveAttempt(l, 's', t)).ok).toBe(true);
      expect((await reserveAttempt(l, 's', t + 1)).ok).toBe(true);
      expect(await reserveAttempt(l, 's', t + 59_999)).toEqual({ ok: false, reason: 'rate-limited', retryAfterSeconds: 1 });
      expect((await reserveAttempt(l, 's', t + 60_000)).ok).toBe(true);
      expect(await countOf(l, 's')).toBe(1);
    });

    it('gives back a reservation in its own window only, never below zero', async () => {
      const l = limit('release', 1);
      const t = 1_800_000_000_000;
      const first = await reserveAttempt(l, 's', t);
      if (!first.ok) throw new Error('refused');
      expect((await reserveAttempt(l, 's', t + 1)).ok).toBe(false);
      await releaseAttempts(first.reservations);
      await releaseAttempts(first.reservations);
      expect(await countOf(l, 's')).toBe(0);
      // A reservation of an old window does not touch the new one.
      const next = await reserveAttempt(l, 's', t + 60_000);
      await releaseAttempts(first.reservations);
      expect(next.ok).toBe(true);
      expect(await countOf(l, 's')).toBe(1);
    });

    it('refuses on the first counter used up and gives back the ones it already took', async () => {
      const account = limit('account', 3);
      const client = limit('client', 1);
      expect((await reserveAttempts([[account, 'a'], [client, 'c']])).ok).toBe(true);
      expect((await reserveAttempts([[account, 'a'], [client, 'c']])).ok).toBe(false);
      expect(await countOf(account, 'a')).toBe(1); // the refused attempt's reservation was given back
    });

    it('keys counters by a hash, never the subject itself', async () => {
      const l = limit('hashed');
      await reserveAttempt(l, 'someone@example.com');
      const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
      expect(keys.some((k) => k.includes('someone'))).toBe(false);
      await resetLimit(l, 'someone@example.com');
      expect(await countOf(l, 'someone@example.com')).toBeUndefined();
    });

    it('lets the next attempt through once the one in flight is given back, however many were refused meanwhile', async () => {
      const l = limit('refused-meanwhile', 1);
      const t = 1_800_000_000_000;
      const admitted = await reserveAttempt(l, 's', t);
      if (!admitted.ok) throw new Error('refused');
      for (let i = 1; i <= 3; i++) expect((await reserveAttempt(l, 's', t + i)).ok).toBe(false);
      await releaseAttempts(admitted.reservations); // a right password: it does not count
      expect((await reserveAttempt(l, 's', t + 4)).ok).toBe(true);
    });

    it('holds exactly the attempts it let through after a burst, and stays used up', async () => {
      const l = limit('burst-count');
      await Promise.all(Array.from({ length: 50 }, () => reserveAttempt(l, 'victim@example.com')));
      expect(await countOf(l, 'victim@example.com')).toBe(5);
      expect((await reserveAttempt(l, 'victim@example.com')).ok).toBe(false);
      expect(await countOf(l, 'victim@example.com')).toBe(5);
    });
  });
}
