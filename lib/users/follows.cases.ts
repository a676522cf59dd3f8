// Follows, run against each driver by follows.test.ts (an SQLite file) and follows.libsql.test.ts
// (a real libSQL server over HTTP): the counts are the triggers', so they must equal the rows
// however many requests race, and the hourly limit must hold under parallel attempts.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UnauthenticatedError } from '@/lib/auth/dal';
import type { Db } from '@/lib/db/client';
import { follows, notifications, rateLimits, users } from '@/lib/db/schema';
import { LIMITS, counterKey } from '@/lib/security/rate-limit';
import type { TestDatabase } from '@/testing/database';
import { inRequest } from '@/testing/next-request';
import { asViewer } from '@/testing/viewer';
import { setFollow } from './follows';

type User = { id: number; username: string };

export function describeFollows(open: () => Promise<TestDatabase>) {
  let db: Db;
  let database: TestDatabase | undefined;
  let alice: User;
  let bob: User;

  const newUsers = (prefix: string, n: number) =>
    db
      .insert(users)
      .values(Array.from({ length: n }, (_, i) => ({ username: `${prefix}${i}`, email: `${prefix}${i}@example.com`, passwordHash: 'x' })))
      .returning({ id: users.id, username: users.username });
  const follow = (user: User, username: string, following = true) => asViewer(user, () => setFollow(username, following));

  async function countsOf(user: User) {
    const [row] = await db.select({ followers: users.followerCount, following: users.followingCount }).from(users).where(eq(users.id, user.id));
    const [followers] = await db.select({ n: count() }).from(follows).where(eq(follows.followeeId, user.id));
    const [following] = await db.select({ n: count() }).from(follows).where(eq(follows.followerId, user.id));
    return { counted: row, rows: { followers: followers?.n, following: following?.n } };
  }

  beforeAll(async () => {
    database = await open();
    db = database.db;
    [alice, bob] = (await newUsers('pair', 2)) as [User, User];
  });

  afterAll(async () => {
    await database?.stop();
  });

  it('follows and unfollows idempotently, counts on both sides, one notification while it lasts', async () => {
    expect(await follow(bob, alice.username)).toEqual({ ok: true, following: true, followerCount: 1 });
    expect(await follow(bob, alice.username.toUpperCase())).toEqual({ ok: true, following: true, followerCount: 1 });
    expect(await countsOf(alice)).toEqual({ counted: { followers: 1, following: 0 }, rows: { followers: 1, following: 0 } });
    expect(await countsOf(bob)).toEqual({ counted: { followers: 0, following: 1 }, rows: { followers: 0, following: 1 } });
    const notified = () =>
      db.select({ n: count() }).from(notifications).where(and(eq(notifications.recipientId, alice.id), eq(notifications.kind, 'follow')));
    expect((await notified())[0]?.n).toBe(1);

    expect(await follow(bob, alice.username, false)).toEqual({ ok: true, following: false, followerCount: 0 });
    expect(await follow(bob, alice.username, false)).toEqual({ ok: true, following: false, followerCount: 0 });
    expect(await countsOf(bob)).toEqual({ counted: { followers: 0, following: 0 }, rows: { followers: 0, following: 0 } });
    expect((await notified())[0]?.n).toBe(0);
  });

  it('refuses yourself and unknown people, and writes nothing', async () => {
    expect(await follow(alice, alice.username)).toEqual({ ok: false, reason: 'yourself' });
    expect(await follow(alice, 'nobody_here')).toEqual({ ok: false, reason: 'not-found' });
    expect(await follow(alice, 'nobody_here', false)).toEqual({ ok: false, reason: 'not-found' });
    expect((await db.select({ n: count() }).from(follows).where(eq(follows.followerId, alice.id)))[0]?.n).toBe(0);
  });

  it('refuses a request with no valid login', async () => {
    await expect(inRequest({}, () => setFollow(alice.username, true))).rejects.toThrow(UnauthenticatedError);
    await expect(inRequest({ cookies: { token: 'forged', session: 'A'.repeat(43) } }, () => setFollow(alice.username, true))).rejects.toThrow(UnauthenticatedError);
  });

  it('200 people following one at once make follower_count exactly 200', { timeout: 60_000 }, async () => {
    const [star] = (await newUsers('star', 1)) as [User];
    const crowd = await newUsers('fan', 200);
    const results = await Promise.all(crowd.map((fan) => follow(fan, star.username)));
    expect(results.every((r) => r.ok && r.following)).toBe(true);
    expect(await countsOf(star)).toEqual({ counted: { followers: 200, following: 0 }, rows: { followers: 200, following: 0 } });

    // Every fan follows again, unfollows, or follows again, all at once: counts stay equal to rows.
    await Promise.all(crowd.flatMap((fan, i) => [follow(fan, star.username, i % 3 !== 0), follow(fan, star.username, i % 2 === 0)]));
    const after = await countsOf(star);
    expect(after.counted?.followers).toBe(after.rows.followers);
    for (const fan of crowd.slice(0, 10)) {
      const counts = await countsOf(fan);
      expect(counts.counted?.following).toBe(counts.rows.following);
    }
  });

  it('lets one user make 200 follow attempts an hour, however many arrive at once', { timeout: 60_000 }, async () => {
    const [eager] = (await newUsers('eager', 1)) as [User];
    const targets = await newUsers('target', 210);
    const results = await Promise.all(targets.map((t) => follow(eager, t.username)));
    const refused = results.filter((r) => !r.ok);
    expect(results.filter((r) => r.ok)).toHaveLength(LIMITS.followsPerUser.max);
    expect(refused).toHaveLength(10);
    expect(refused[0]).toMatchObject({ ok: false, reason: 'rate-limited', retryAfterSeconds: expect.any(Number) });
    // Refused attempts gave their increment back: the counter says 200, not 210.
    const [counter] = await db.select({ n: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, counterKey(LIMITS.followsPerUser, String(eager.id))));
    expect(counter?.n).toBe(LIMITS.followsPerUser.max);
    expect((await countsOf(eager)).counted?.following).toBe(LIMITS.followsPerUser.max);
    // Unfollowing is never limited.
    expect(await follow(eager, targets[0]?.username ?? '', false)).toMatchObject({ ok: true, following: false });
  });
}
