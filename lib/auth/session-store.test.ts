import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { sessions } from '@/lib/db/schema';
import { createTestUser, useTestDatabase } from '@/testing/database';
import {
  createSession,
  deleteAllUserSessions,
  deleteUserSession,
  listUserSessions,
  purgeExpiredSessions,
  validateSessionToken,
} from './session-store';
import { LAST_SEEN_RESOLUTION_MS, SESSION_TTL_MS, hashSessionToken } from './session-token';

const DAY = 24 * 60 * 60 * 1000;
let db: Db;
let alice: number;
let bob: number;

const rowOf = async (id: string) => (await db.select().from(sessions).where(eq(sessions.id, id)))[0];

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  alice = await createTestUser('alice');
  bob = await createTestUser('bob');
});

describe('session store', () => {
  it('stores the SHA-256 of a random 256-bit token, never the token', async () => {
    const { token, session } = await createSession(alice, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.id).toBe(await hashSessionToken(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const row = await rowOf(session.id);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ userId: alice, expiresAt: session.createdAt + SESSION_TTL_MS });
    expect((await createSession(alice, '')).token).not.toBe(token);
  });

  it('validates a live token and refuses unknown or malformed ones', async () => {
    const { token } = await createSession(alice, 'ua');
    expect(await validateSessionToken(token)).toMatchObject({ user: { id: alice, username: 'alice' } });
    expect(await validateSessionToken('A'.repeat(43))).toBeNull();
    for (const bad of [undefined, '', 'short', `${token}x`, token.replace(/^./, '!')]) {
      expect(await validateSessionToken(bad)).toBeNull();
    }
  });

  it('refuses and deletes an expired session', async () => {
    const created = Date.now() - 8 * DAY;
    const { token, session } = await createSession(alice, 'ua', created);
    expect(await validateSessionToken(token)).toBeNull();
    expect(await rowOf(session.id)).toBeUndefined();
  });

  it('renews a session to a full life only in the second half of it', async () => {
    const start = Date.now();
    const { token, session } = await createSession(alice, 'ua', start);

    const early = await validateSessionToken(token, start + 2 * DAY);
    expect(early?.session.expiresAt).toBe(start + SESSION_TTL_MS);

    const late = start + 4 * DAY;
    const renewed = await validateSessionToken(token, late);
    expect(renewed?.session.expiresAt).toBe(late + SESSION_TTL_MS);
    expect((await rowOf(session.id))?.expiresAt).toBe(late + SESSION_TTL_MS);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const start = Date.now();
    const { token, session } = await createSession(alice, 'ua', start);
    await validateSessionToken(token, start + LAST_SEEN_RESOLUTION_MS / 2);
    expect((await rowOf(session.id))?.lastSeenAt).toBe(start);
    await validateSessionToken(token, start + LAST_SEEN_RESOLUTION_MS);
    expect((await rowOf(session.id))?.lastSeenAt).toBe(start + LAST_SEEN_RESOLUTION_MS);
  });

  it("lists a user's live sessions and lets only the owner revoke one", async () => {
    const { session: bobs } = await createSession(bob, 'bob-1');
    await createSession(bob, 'bob-2');
    await createSession(bob, 'bob-old', Date.now() - 8 * DAY);
    expect((await listUserSessions(bob)).map((s) => s.userAgent)).toEqual(['bob-1', 'bob-2']);

    expect(await deleteUserSession(alice, bobs.id)).toBe(false);
    expect(await rowOf(bobs.id)).toBeDefined();
    expect(await deleteUserSession(bob, bobs.id)).toBe(true);
    expect((await listUserSessions(bob)).map((s) => s.userAgent)).toEqual(['bob-2']);

    await deleteAllUserSessions(bob);
    expect(await listUserSessions(bob)).toEqual([]);
    expect((await listUserSessions(alice)).length).toBeGreaterThan(0);
  });

  it('purges expired rows', async () => {
    const { session } = await createSession(alice, 'old', Date.now() - 8 * DAY);
    await purgeExpiredSessions();
    expect(await rowOf(session.id)).toBeUndefined();
  });
});
