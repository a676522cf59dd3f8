// Changing the email, run against each driver by change-email.test.ts (an SQLite file) and
// change-email.libsql.test.ts (a real libSQL server over HTTP). Each test file mocks the transport.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { accountTokens, users } from '@/lib/db/schema';
import type { MailMessage } from '@/lib/mail/compose';
import { deliver } from '@/lib/mail/transport';
import { createUser } from '@/lib/users/queries';
import type { TestDatabase } from '@/testing/database';
import { confirmEmailChange, mailEmailChange } from './change-email';
import { issueToken } from './tokens';

export function describeEmailChange(open: () => Promise<TestDatabase>) {
  let db: Db;
  let database: TestDatabase | undefined;
  let n = 0;
  async function newUser() {
    n += 1;
    const result = await createUser({ username: `chg_${n}`, email: `chg_${n}@example.com`, passwordHash: 'x' });
    if (!result.ok) throw new Error('could not create a user');
    return { ...result.user, email: `chg_${n}@example.com` };
  }
  const emailOf = async (id: number) => (await db.select({ email: users.email, verified: users.emailVerifiedAt }).from(users).where(eq(users.id, id)))[0];
  const sent = () => vi.mocked(deliver).mock.calls.map(([m]) => m as MailMessage);
  const context = { at: Date.now(), browser: 'Firefox on Linux', address: '203.0.113.0/24' };

  beforeAll(async () => {
    database = await open();
    db = database.db;
  }, 30_000);
  afterAll(() => database?.stop());
  beforeEach(() => vi.mocked(deliver).mockClear());

  describe('change email: the mails', () => {
    it('a free address gets a link, the old one a notice; the email stays until the link is used', async () => {
      const user = await newUser();
      await mailEmailChange(user, `new_${user.id}@example.com`, context);
      const mails = sent();
      expect(mails.map((m) => [m.to, m.subject])).toEqual([
        [`new_${user.id}@example.com`, 'Confirm your new email'],
        [user.email, 'Your email is being changed'],
      ]);
      expect(mails[0]?.text).toMatch(/\/verify-email\?token=[\w-]{43}/);
      expect((await emailOf(user.id))?.email).toBe(user.email);
    });

    it("a taken address gets no link: its owner is told, the old address gets the same notice", async () => {
      const user = await newUser();
      const owner = await newUser();
      await mailEmailChange(user, owner.email, context);
      expect(sent().map((m) => [m.to, m.subject])).toEqual([
        [owner.email, 'Someone tried to use your email'],
        [user.email, 'Your email is being changed'],
      ]);
      expect(await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id))).toEqual([]);
    });
  });

  describe('change email: the link', () => {
    it('switches the email, marks it confirmed, and works once', async () => {
      const user = await newUser();
      const token = await issueToken(user.id, 'change-email', `moved_${user.id}@example.com`);
      expect(await confirmEmailChange(token, 1234)).toEqual({ ok: true, userId: user.id, username: user.username, oldEmail: user.email, newEmail: `moved_${user.id}@example.com` });
      expect(await emailOf(user.id)).toEqual({ email: `moved_${user.id}@example.com`, verified: 1234 });
      expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('an address taken after the link was sent: a clear refusal, nothing changed, the link spent', async () => {
      const user = await newUser();
      const token = await issueToken(user.id, 'change-email', `contested_${user.id}@example.com`);
      const rival = await createUser({ username: `rival_${user.id}`, email: `contested_${user.id}@example.com`, passwordHash: 'x' });
      expect(rival.ok).toBe(true);
      expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: 'taken' });
      expect((await emailOf(user.id))?.email).toBe(user.email);
      expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('of 10 parallel uses exactly one switches; a stale or other-kind link does nothing', async () => {
      const user = await newUser();
      const token = await issueToken(user.id, 'change-email', `par_${user.id}@example.com`);
      const results = await Promise.all(Array.from({ length: 10 }, () => confirmEmailChange(token)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);

      const other = await newUser();
      const now = Date.now();
      const stale = await issueToken(other.id, 'change-email', `stale_${other.id}@example.com`, now);
      expect(await confirmEmailChange(stale, now + 24 * 60 * 60_000)).toEqual({ ok: false, reason: 'expired' });
      const verify = await issueToken(other.id, 'verify-email', `kind_${other.id}@example.com`);
      expect(await confirmEmailChange(verify)).toEqual({ ok: false, reason: 'invalid' });
      expect((await emailOf(other.id))?.email).toBe(other.email);
    });
  });
}
