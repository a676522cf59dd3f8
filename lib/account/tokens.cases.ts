// Mailed links and the login history, run against each driver by tokens.test.ts (an SQLite file)
// and tokens.libsql.test.ts (a real libSQL server over HTTP).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { accountTokens, users } from '@/lib/db/schema';
import { createUser } from '@/lib/users/queries';
import type { TestDatabase } from '@/testing/database';
import { recordLogin } from './login-history';
import { consumeToken, hashToken, issueToken, peekToken } from './tokens';

export function describeAccountTokens(open: () => Promise<TestDatabase>) {
  let db: Db;
  let database: TestDatabase | undefined;
  let n = 0;
  async function newUser() {
    n += 1;
    const result = await createUser({ username: `tok_${n}`, email: `tok_${n}@example.com`, passwordHash: 'x' });
    if (!result.ok) throw new Error('could not create a user');
    return result.user;
  }

  beforeAll(async () => {
    database = await open();
    db = database.db;
  }, 30_000);
  afterAll(() => database?.stop());

  describe('account tokens', () => {
    it('are 256 random bits, stored only as their SHA-256, and work exactly once', async () => {
      const user = await newUser();
      const token = await issueToken(user.id, 'reset-password', 'tok@example.com');
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const rows = await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
      expect(rows.map((r) => r.id)).toEqual([await hashToken(token)]);
      expect(JSON.stringify(rows)).not.toContain(token);

      expect(await peekToken(token, 'reset-password')).toEqual({ ok: true, userId: user.id, email: 'tok@example.com' });
      expect(await consumeToken(token, 'reset-password')).toEqual({ ok: true, userId: user.id, email: 'tok@example.com' });
      expect(await consumeToken(token, 'reset-password')).toEqual({ ok: false, reason: 'invalid' });
      expect(await peekToken(token, 'reset-password')).toEqual({ ok: false, reason: 'invalid' });
    });

    it('are refused for another kind, malformed, or once a newer link of the kind was sent', async () => {
      const user = await newUser();
      const first = await issueToken(user.id, 'verify-email', 'a@example.com');
      const reset = await issueToken(user.id, 'reset-password', 'a@example.com');
      expect(await consumeToken(first, 'reset-password')).toEqual({ ok: false, reason: 'invalid' });
      expect(await consumeToken('x'.repeat(42), 'verify-email')).toEqual({ ok: false, reason: 'invalid' });
      expect(await consumeToken(`${first.slice(0, 42)}!`, 'verify-email')).toEqual({ ok: false, reason: 'invalid' });
      const second = await issueToken(user.id, 'verify-email', 'a@example.com');
      expect(await peekToken(first, 'verify-email')).toEqual({ ok: false, reason: 'invalid' });
      expect((await peekToken(second, 'verify-email')).ok).toBe(true);
      expect((await peekToken(reset, 'reset-password')).ok).toBe(true); // another kind stays
    });

    it('expire: a stale link says so, and is gone after use', async () => {
      const user = await newUser();
      const now = Date.now();
      const token = await issueToken(user.id, 'reset-password', 'a@example.com', now);
      expect((await peekToken(token, 'reset-password', now + 29 * 60_000)).ok).toBe(true);
      expect(await peekToken(token, 'reset-password', now + 30 * 60_000)).toEqual({ ok: false, reason: 'expired' });
      expect(await consumeToken(token, 'reset-password', now + 31 * 60_000)).toEqual({ ok: false, reason: 'expired' });
      expect(await consumeToken(token, 'reset-password', now)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('of 20 parallel uses of one link, exactly one succeeds', async () => {
      const user = await newUser();
      const token = await issueToken(user.id, 'verify-email', 'a@example.com');
      const results = await Promise.all(Array.from({ length: 20 }, () => consumeToken(token, 'verify-email')));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    });

    it('a new password voids reset links (trigger), whatever changed it', async () => {
      const user = await newUser();
      const token = await issueToken(user.id, 'reset-password', 'a@example.com');
      await db.update(users).set({ passwordHash: 'new' }).where(eq(users.id, user.id));
      expect(await peekToken(token, 'reset-password')).toEqual({ ok: false, reason: 'invalid' });
    });
  });

  describe('login history', () => {
    const context = (at: number) => ({ at, browser: 'Firefox on Linux', address: '203.0.113.0/24' });

    it('tells a first login, a known device and a new device apart', async () => {
      const user = await newUser();
      expect(await recordLogin(user.id, 'device-a', 'UA', context(1))).toEqual({ knownDevice: false, earlierLogins: false });
      expect(await recordLogin(user.id, 'device-a', 'UA', context(2))).toEqual({ knownDevice: true, earlierLogins: true });
      expect(await recordLogin(user.id, 'device-b', 'UA', context(3))).toEqual({ knownDevice: false, earlierLogins: true });
      expect(await recordLogin(user.id, 'device-b', 'UA', context(4))).toEqual({ knownDevice: true, earlierLogins: true });
      const other = await newUser();
      expect(await recordLogin(other.id, 'device-a', 'UA', context(5))).toEqual({ knownDevice: false, earlierLogins: false });
    });
  });
}
