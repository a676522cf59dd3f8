// Profiles, their grids, follow lists and profile editing, run against each driver by
// profiles.test.ts (an SQLite file) and profiles.libsql.test.ts (a real libSQL server).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '@/lib/auth/dal';
import type { Db } from '@/lib/db/client';
import { follows, pendingMedia, posts, users } from '@/lib/db/schema';
import { newMediaKey } from '@/lib/media/keys';
import { getMediaStore } from '@/lib/media/storage';
import { decodeCursor } from '@/lib/posts/cursor';
import { GRID_PAGE_SIZE, type GridPost } from '@/lib/posts/grid';
import { sweepPendingMedia } from '@/lib/posts/post-photos';
import { type TestDatabase, testPostRows } from '@/testing/database';
import { plainJpeg } from '@/testing/images';
import { inRequest } from '@/testing/next-request';
import { asViewer } from '@/testing/viewer';
import { updateProfile } from './profile-edit';
import { PEOPLE_PAGE_SIZE, type Person, getPeople, getProfile, getProfileGrid } from './profiles';

type User = { id: number; username: string };

export function describeProfiles(open: () => Promise<TestDatabase>) {
  let db: Db;
  let database: TestDatabase | undefined;
  let alice: User;
  let bob: User;
  let crowd: User[];

  const newUsers = (prefix: string, n: number) =>
    db
      .insert(users)
      .values(Array.from({ length: n }, (_, i) => ({ username: `${prefix}${i}`, email: `${prefix}${i}@example.com`, passwordHash: 'x' })))
      .returning({ id: users.id, username: users.username });
  const avatarOf = async (user: User) => (await db.select({ key: users.avatarKey }).from(users).where(eq(users.id, user.id)))[0]?.key ?? null;
  const photo = async () => new File([new Uint8Array(await plainJpeg(500, 400))], 'me.jpg');

  beforeAll(async () => {
    database = await open();
    db = database.db;
    [alice, bob] = (await newUsers('person', 2)) as [User, User];
    crowd = await newUsers('crowd', 45);
    // 30 posts by alice, pairs sharing a timestamp so the id must break ties.
    await db.insert(posts).values(await testPostRows(30, () => alice.id));
    // The crowd follows alice, in pairs sharing a timestamp; alice follows the first 5 of them.
    await db.insert(follows).values(crowd.map((c, i) => ({ followerId: c.id, followeeId: alice.id, createdAt: 1_700_000_000_000 + Math.floor(i / 2) * 1000 })));
    await db.insert(follows).values(crowd.slice(0, 5).map((c, i) => ({ followerId: alice.id, followeeId: c.id, createdAt: 1_700_000_000_000 + i })));
  });

  afterAll(async () => {
    await database?.stop();
  });

  describe('getProfile', () => {
    it('gives exactly the public fields, whatever the case of the username', async () => {
      await db.update(users).set({ displayName: 'Alice A.', bio: 'line one\nline two' }).where(eq(users.id, alice.id));
      const seen = await asViewer(bob, () => getProfile(alice.username.toUpperCase()));
      expect(seen).toEqual({
        username: alice.username,
        displayName: 'Alice A.',
        bio: 'line one\nline two',
        avatar: null,
        postCount: 30,
        followerCount: 45,
        followingCount: 5,
        followedByMe: false,
        isMe: false,
      });
      expect(await asViewer(crowd[0] as User, () => getProfile(alice.username))).toMatchObject({ followedByMe: true, isMe: false });
      expect(await asViewer(alice, () => getProfile(alice.username))).toMatchObject({ isMe: true, followedByMe: false });
      expect(await asViewer(alice, () => getProfile('no_such_person'))).toBeNull();
    });

    it('needs a logged-in viewer', async () => {
      await expect(inRequest({}, () => getProfile(alice.username))).rejects.toThrow(UnauthenticatedError);
      await expect(inRequest({}, () => getProfileGrid(alice.username, null))).rejects.toThrow(UnauthenticatedError);
      await expect(inRequest({}, () => getPeople(alice.username, 'followers', null))).rejects.toThrow(UnauthenticatedError);
    });
  });

  describe('getProfileGrid', () => {
    it("walks the user's posts once, newest first, in full pages", async () => {
      const seen: GridPost[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof getProfileGrid>> = await asViewer(bob, () => getProfileGrid(alice.username, cursor === null ? null : decodeCursor(cursor)));
        expect(page.posts.length).toBeLessThanOrEqual(GRID_PAGE_SIZE);
        seen.push(...page.posts);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null);
      expect(pages).toBe(Math.ceil(30 / GRID_PAGE_SIZE));
      expect(new Set(seen.map((p) => p.id)).size).toBe(30);
      expect(seen.map((p) => p.id)).toEqual([...seen.map((p) => p.id)].sort((a, b) => b - a));
      expect(seen[0]).toMatchObject({ alt: `Photo by ${alice.username}: post 29`, width: 320, height: 400, likeCount: 0, commentCount: 0 });
      expect(Object.keys(seen[0] ?? {}).sort()).toEqual(['alt', 'commentCount', 'height', 'id', 'likeCount', 'thumbnail', 'width']);
    });

    it('is empty for someone with no posts, or nobody', async () => {
      expect(await asViewer(alice, () => getProfileGrid(bob.username, null))).toEqual({ posts: [], nextCursor: null });
      expect(await asViewer(alice, () => getProfileGrid('no_such_person', null))).toEqual({ posts: [], nextCursor: null });
    });
  });

  describe('getPeople', () => {
    async function walk(viewer: User, username: string, side: 'followers' | 'following') {
      const seen: Person[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof getPeople>> = await asViewer(viewer, () => getPeople(username, side, cursor === null ? null : decodeCursor(cursor)));
        expect(page.people.length).toBeLessThanOrEqual(PEOPLE_PAGE_SIZE);
        seen.push(...page.people);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return seen;
    }

    it('lists every follower once, newest follow first, with "followed by me" and "is me"', async () => {
      const seen = await walk(crowd[3] as User, alice.username, 'followers');
      expect(seen).toHaveLength(45);
      // Newest first; within a shared timestamp, the later follow (the larger rowid) first.
      expect(seen.map((p) => p.username)).toEqual([...crowd].reverse().map((c) => c.username));
      expect(seen.find((p) => p.username === crowd[3]?.username)).toMatchObject({ isMe: true });
      expect(seen.filter((p) => p.isMe)).toHaveLength(1);
      expect(seen[0]).toEqual({ username: crowd[44]?.username, displayName: '', avatar: null, followedByMe: false, isMe: false });
    });

    it('lists whom someone follows, and who of them the viewer follows', async () => {
      const seen = await walk(alice, alice.username, 'following');
      expect(seen.map((p) => p.username)).toEqual(crowd.slice(0, 5).reverse().map((c) => c.username));
      expect(seen.every((p) => p.followedByMe)).toBe(true);
      expect(await walk(bob, 'no_such_person', 'followers')).toEqual([]);
    });
  });

  describe('updateProfile', () => {
    const store = () => getMediaStore();
    const exists = async (key: string) => {
      const object = await store().get(key);
      await object?.body.cancel();
      return object !== null;
    };

    it("changes only the viewer's own row", async () => {
      const before = await db.select().from(users).where(eq(users.id, alice.id));
      expect(await asViewer(bob, () => updateProfile({ displayName: 'Bob B.', bio: 'hi', photo: 'keep' }))).toEqual({ ok: true });
      expect(await db.select().from(users).where(eq(users.id, alice.id))).toEqual(before);
      expect(await asViewer(alice, () => getProfile(bob.username))).toMatchObject({ displayName: 'Bob B.', bio: 'hi' });
      await expect(inRequest({}, () => updateProfile({ displayName: 'x', bio: '', photo: 'keep' }))).rejects.toThrow(UnauthenticatedError);
    });

    it('stores a new photo before the row names it, deletes the old one after, and removes it on request', async () => {
      expect(await asViewer(bob, async () => updateProfile({ displayName: 'Bob', bio: '', photo: await photo() }))).toEqual({ ok: true });
      const first = await avatarOf(bob);
      expect(first).toMatch(/\.webp$/);
      expect(await exists(first ?? '')).toBe(true);
      const profile = await asViewer(alice, () => getProfile(bob.username));
      expect(profile?.avatar).toContain(first);

      expect(await asViewer(bob, async () => updateProfile({ displayName: 'Bob', bio: '', photo: await photo() }))).toEqual({ ok: true });
      const second = await avatarOf(bob);
      expect(second).not.toBe(first);
      expect(await exists(first ?? '')).toBe(false);
      expect(await exists(second ?? '')).toBe(true);

      expect(await asViewer(bob, () => updateProfile({ displayName: 'Bob', bio: '', photo: 'remove' }))).toEqual({ ok: true });
      expect(await avatarOf(bob)).toBeNull();
      expect(await exists(second ?? '')).toBe(false);
      expect(await db.select().from(pendingMedia)).toEqual([]);
    });

    it('refuses what is not a photo, and changes nothing', async () => {
      const before = await db.select().from(users).where(eq(users.id, bob.id));
      const refused = await asViewer(bob, () => updateProfile({ displayName: 'Changed', bio: '', photo: new File([Buffer.from('<svg/>')], 'x.jpg') }));
      expect(refused).toMatchObject({ ok: false, field: 'photo', message: expect.stringMatching(/JPEG, PNG/) });
      expect(await db.select().from(users).where(eq(users.id, bob.id))).toEqual(before);
    });

    it('leaves exactly one photo, none orphaned, when saves race', async () => {
      const [racer] = (await newUsers('racer', 1)) as [User];
      const results = await Promise.all(Array.from({ length: 4 }, () => asViewer(racer, async () => updateProfile({ displayName: 'R', bio: '', photo: await photo() }))));
      expect(results.every((r) => r.ok)).toBe(true);
      const kept = await avatarOf(racer);
      expect(kept && (await exists(kept))).toBe(true);
      // Every replaced photo is gone or left pending for the sweep, which keeps the one the row names.
      expect(await sweepPendingMedia(db, store(), Date.now() + 2 * 60 * 60 * 1000)).toMatchObject({ removed: 0 });
      expect(await avatarOf(racer)).toBe(kept);
      expect(kept && (await exists(kept))).toBe(true);
    });

    it('the media sweep keeps a pending key a profile names, and removes one nobody does', async () => {
      const [owner] = (await newUsers('owner', 1)) as [User];
      await asViewer(owner, async () => updateProfile({ displayName: '', bio: '', photo: await photo() }));
      const named = (await avatarOf(owner)) ?? '';
      const orphan = newMediaKey('webp');
      await store().put(orphan, new Uint8Array([1]), 'image/webp');
      const old = Date.now() - 2 * 60 * 60 * 1000;
      await db.insert(pendingMedia).values([
        { key: named, createdAt: old },
        { key: orphan, createdAt: old },
      ]);
      expect(await sweepPendingMedia(db, store())).toEqual({ removed: 1, kept: 1 });
      expect(await exists(named)).toBe(true);
      expect(await exists(orphan)).toBe(false);
    });
  });
}
