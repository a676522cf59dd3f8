import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { PURGE_BATCH } from '@/lib/db/purge';
import { sessions } from '@/lib/db/schema';
import { createTestUser, useTestDatabase } from '@/testing/database';
import { createSession, deleteUserSession, listUserSessions, sessionStrategy, validateSessionToken } from './session';
import { LAST_SEEN_RESOLUTION_MS, SESSION_ABSOLUTE_TTL_MS, SESSION_TTL_MS, hashSessionToken } from './session-token';

const DAY = 24 * 60 * 60 * 1000;
let db: Db;
let alice: number;
let bob: number;

const rowOf = async (id: string) => (await db.select().from(sessions).where(eq(sessions.id, id)))[0];
const rowsOf = async (userId: number) => (await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0]?.n;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  alice = await createTestUser('alice');
  bob = await createTestUser('bob');
});

describe('the session strategy', () => {
  it('stores the SHA-256 of a random 256-bit token, never the token', async () => {
    const { token, row } = await createSession(alice, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.id).toBe(await hashSessionToken(token));
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    const stored = await rowOf(row.id);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored).toMatchObject({ userId: alice, expiresAt: row.createdAt + SESSION_TTL_MS });
    expect((await createSession(alice, '')).token).not.toBe(token);
  });

  it('validates a live token and refuses unknown or malformed ones', async () => {
    const { token } = await createSession(alice, 'ua');
    expect(await validateSessionToken(token)).toMatchObject({ strategy: 'session', viewer: { id: alice, username: 'alice' } });
    expect(await validateSessionToken('A'.repeat(43))).toBeNull();
    for (const bad of [undefined, '', 'short', `${token}x`, token.replace(/^./, '!')]) {
      expect(await validateSessionToken(bad)).toBeNull();
    }
  });

  it('refuses and deletes an expired session', async () => {
    const { token, row } = await createSession(alice, 'ua', Date.now() - 8 * DAY);
    expect(await validateSessionToken(token)).toBeNull();
    expect(await rowOf(row.id)).toBeUndefined();
  });

  it('renews a session to a full life only in the second half of it', async () => {
    const start = Date.now();
    const { token, row } = await createSession(alice, 'ua', start);

    const early = await validateSessionToken(token, start + 2 * DAY);
    expect(early?.expiresAt).toBe(start + SESSION_TTL_MS);

    const late = start + 4 * DAY;
    const renewed = await validateSessionToken(token, late);
    expect(renewed?.expiresAt).toBe(late + SESSION_TTL_MS);
    expect((await rowOf(row.id))?.expiresAt).toBe(late + SESSION_TTL_MS);
  });

  it('ends a session used every few days once it is 30 days old, however often it was renewed', async () => {
    const start = Date.now();
    const { token, row } = await createSession(alice, 'ua', start);
    let now = start;
    for (; now < start + SESSION_ABSOLUTE_TTL_MS - 5 * DAY; now += 5 * DAY) {
      expect(await validateSessionToken(token, now), `day ${(now - start) / DAY}`).not.toBeNull();
    }
    // Renewal never reaches past the absolute limit…
    expect((await validateSessionToken(token, start + 26 * DAY))?.expiresAt).toBe(start + SESSION_ABSOLUTE_TTL_MS);
    expect((await rowOf(row.id))?.expiresAt).toBe(start + SESSION_ABSOLUTE_TTL_MS);
    expect((await validateSessionToken(token, start + SESSION_ABSOLUTE_TTL_MS - 1))?.absoluteExpiresAt).toBe(start + SESSION_ABSOLUTE_TTL_MS);
    // …and at the limit the session is over.
    expect(await validateSessionToken(token, start + SESSION_ABSOLUTE_TTL_MS)).toBeNull();
    expect(await rowOf(row.id)).toBeUndefined();
  });

  it('writes last_seen_at at most once a minute', async () => {
    const start = Date.now();
    const { token, row } = await createSession(alice, 'ua', start);
    await validateSessionToken(token, start + LAST_SEEN_RESOLUTION_MS / 2);
    expect((await rowOf(row.id))?.lastSeenAt).toBe(start);
    await validateSessionToken(token, start + LAST_SEEN_RESOLUTION_MS);
    expect((await rowOf(row.id))?.lastSeenAt).toBe(start + LAST_SEEN_RESOLUTION_MS);
  });

  it('replaces the row of the browser that logs in again instead of leaving it alive', async () => {
    const carol = await createTestUser('carol');
    const user = { id: carol, username: 'carol', tokenEpoch: 0 };
    const first = await sessionStrategy.issue(user, { userAgent: 'ua', previous: undefined });
    const second = await sessionStrategy.issue(user, { userAgent: 'ua', previous: first });
    expect(await validateSessionToken(first)).toBeNull();
    expect(await validateSessionToken(second)).not.toBeNull();
    expect(await rowsOf(carol)).toBe(1);
  });

  it("lists a user's live sessions and lets only the owner revoke one", async () => {
    const { row: bobs } = await createSession(bob, 'bob-1');
    await createSession(bob, 'bob-2');
    await createSession(bob, 'bob-old', Date.now() - 8 * DAY);
    expect((await listUserSessions(bob)).map((s) => s.userAgent)).toEqual(['bob-1', 'bob-2']);

    expect(await deleteUserSession(alice, bobs.id)).toBe(false);
    expect(await rowOf(bobs.id)).toBeDefined();
    expect(await deleteUserSession(bob, bobs.id)).toBe(true);
    expect((await listUserSessions(bob)).map((s) => s.userAgent)).toEqual(['bob-2']);

    await sessionStrategy.revokeAll(bob);
    expect(await listUserSessions(bob)).toEqual([]);
    expect((await listUserSessions(alice)).length).toBeGreaterThan(0);
  });

  it('purges expired rows as new sessions are made, a bounded batch at a time', async () => {
    const dave = await createTestUser('dave');
    const long = Date.now() - 40 * DAY;
    await db.insert(sessions).values(
      Array.from({ length: PURGE_BATCH + 20 }, (_, i) => ({
        id: `expired-${i}`,
        userId: dave,
        createdAt: long,
        expiresAt: long + SESSION_TTL_MS,
        lastSeenAt: long,
      })),
    );
    await createSession(dave, 'new');
    expect(await rowsOf(dave)).toBe(21); // one batch gone, 20 expired left, plus the new one
    await createSession(dave, 'newer');
    expect(await rowsOf(dave)).toBe(2);
  });
});
