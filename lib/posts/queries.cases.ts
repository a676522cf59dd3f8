// The feed, like and user queries, run against each driver by queries.test.ts (an SQLite file)
// and queries.libsql.test.ts (a real libSQL server over HTTP): same code, same answers.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { follows, likes, pendingMedia, posts, rateLimits } from '@/lib/db/schema';
import { LIMITS, counterKey } from '@/lib/security/rate-limit';
import { newMediaKey } from '@/lib/media/keys';
import { createUser } from '@/lib/users/queries';
import { type TestDatabase, testPostRows } from '@/testing/database';
import { inRequest } from '@/testing/next-request';
import { asViewer } from '@/testing/viewer';
import { FEED_PAGE_SIZE, decodeFeedCursor } from './cursor';
import { UnauthenticatedError } from '@/lib/auth/dal';
import { getMediaStore } from '@/lib/media/storage';
import { photoKeys } from '@/lib/media/stored-photo';
import { plainJpeg } from '@/testing/images';
import { sweepPendingMedia } from './post-photos';
import { admitUpload, deletePost, editPost } from './publishing';
import { type FeedPost, getFeedPage, getPost, setLike } from './queries';

export function describeQueries(open: () => Promise<TestDatabase>) {
  let db: Db;
  let database: TestDatabase | undefined;
  type User = { id: number; username: string };
  let alice: User;
  let bob: User;

  async function newUser(username: string): Promise<User> {
    const result = await createUser({ username, email: `${username}@example.com`, passwordHash: 'x' });
    if (!result.ok) throw new Error(`could not create ${username}`);
    return result.user;
  }

  const feedOf = (user: User, cursor: string | null = null) =>
    asViewer(user, () => getFeedPage(cursor === null ? null : decodeFeedCursor(cursor)));
  const like = (user: User, postId: number, liked: boolean) => asViewer(user, () => setLike(postId, liked));

  const rowsFor = async (postId: number) =>
    (await db.select({ n: count() }).from(likes).where(eq(likes.postId, postId)))[0]?.n;
  const countFor = async (postId: number) =>
    (await db.select({ n: posts.likeCount }).from(posts).where(eq(posts.id, postId)))[0]?.n;

  beforeAll(async () => {
    database = await open();
    db = database.db;
    alice = await newUser('alice');
    bob = await newUser('bob');
    // 45 posts; pairs share a timestamp so the id must break ties.
    await db.insert(posts).values(await testPostRows(45, (i) => (i % 2 ? alice.id : bob.id)));
  });

  afterAll(async () => {
    await database?.stop();
  });

  describe('createUser', () => {
    it('reports which unique field is taken', async () => {
      expect(await createUser({ username: 'alice', email: 'new@example.com', passwordHash: 'x' })).toEqual({
        ok: false,
        taken: 'username',
      });
      expect(await createUser({ username: 'newname', email: 'alice@example.com', passwordHash: 'x' })).toEqual({
        ok: false,
        taken: 'email',
      });
    });

    it('lets exactly one of three simultaneous sign-ups with one email succeed', async () => {
      const results = await Promise.all(
        ['racer_a', 'racer_b', 'racer_c'].map((username) =>
          createUser({ username, email: 'racer@example.com', passwordHash: 'x' }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([
        { ok: false, taken: 'email' },
        { ok: false, taken: 'email' },
      ]);
    });
  });

  describe('the data access layer', () => {
    it('refuses to read the feed or like without a logged-in viewer', async () => {
      await expect(inRequest({}, () => getFeedPage(null))).rejects.toThrow(UnauthenticatedError);
      await expect(inRequest({ cookies: { token: 'forged', session: 'A'.repeat(43) } }, () => setLike(10, true))).rejects.toThrow(
        UnauthenticatedError,
      );
      expect(await rowsFor(10)).toBe(0);
    });
  });

  /** Every page of a viewer's feed: the following section, then the suggested one. */
  async function wholeFeed(user: User) {
    const following: FeedPost[] = [];
    const suggested: FeedPost[] = [];
    const accounts: string[][] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof getFeedPage>> = await feedOf(user, cursor);
      expect(page.posts.length).toBeLessThanOrEqual(FEED_PAGE_SIZE);
      expect(page.suggested.length).toBeLessThanOrEqual(FEED_PAGE_SIZE);
      if (suggested.length > 0) expect(page.posts).toEqual([]);
      following.push(...page.posts);
      suggested.push(...page.suggested);
      if (page.accounts) accounts.push(page.accounts.map((a) => a.username));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    return { following, suggested, accounts, pages };
  }
  const newestFirst = (posts: FeedPost[]) => {
    const order = posts.map((p) => [p.createdAt, p.id] as const);
    return order.every((key, i) => i === 0 || (order[i - 1] ?? key)[0] > key[0] || ((order[i - 1] ?? key)[0] === key[0] && (order[i - 1] ?? key)[1] > key[1]));
  };
  const follow = (follower: User, followee: User) => db.insert(follows).values({ followerId: follower.id, followeeId: followee.id });
  const unfollow = (follower: User, followee: User) =>
    db.delete(follows).where(and(eq(follows.followerId, follower.id), eq(follows.followeeId, followee.id)));

  describe('getFeedPage', () => {
    it('shows the viewer\'s own posts, then everyone else\'s under "Suggested for you", each once, newest first', async () => {
      const { following, suggested, accounts, pages } = await wholeFeed(alice);
      expect(following.map((p) => p.author)).toEqual(Array(22).fill('alice'));
      expect(suggested.map((p) => p.author)).toEqual(Array(23).fill('bob'));
      expect(new Set([...following, ...suggested].map((p) => p.id)).size).toBe(45);
      expect(newestFirst(following) && newestFirst(suggested)).toBe(true);
      // The suggestions begin on the page where the following feed ends, once.
      expect(accounts).toHaveLength(1);
      expect(accounts[0]).toContain('bob');
      expect(accounts[0]).not.toContain('alice');
      // The last following page carries the first page of suggestions too.
      expect(pages).toBe(Math.ceil(22 / FEED_PAGE_SIZE) + Math.ceil((23 - FEED_PAGE_SIZE) / FEED_PAGE_SIZE));
    });

    it('includes the posts of whom the viewer follows, across pages with tied timestamps, and drops them on unfollow', async () => {
      await follow(alice, bob);
      try {
        const { following, suggested, accounts } = await wholeFeed(alice);
        expect(following).toHaveLength(45);
        expect(new Set(following.map((p) => p.id)).size).toBe(45);
        expect(newestFirst(following)).toBe(true);
        expect(following[0]).toMatchObject({ author: 'bob', caption: 'post 44', likeCount: 0, likedByMe: false });
        // Suggestions never repeat a followed account's posts, nor offer a followed account.
        expect(suggested.filter((p) => p.author === 'bob' || p.author === 'alice')).toEqual([]);
        for (const list of accounts) expect(list).not.toContain('bob');
      } finally {
        await unfollow(alice, bob);
      }
      const after = await wholeFeed(alice);
      expect(after.following.every((p) => p.author === 'alice')).toBe(true);
    });

    it('says which posts the viewer liked', async () => {
      const [first] = (await wholeFeed(alice)).following;
      if (!first) throw new Error('no posts');
      await like(bob, first.id, true);
      const seenByBob = (await wholeFeed(bob)).suggested.find((p) => p.id === first.id);
      expect(seenByBob).toMatchObject({ likedByMe: true, likeCount: 1 });
      expect((await feedOf(alice)).posts[0]).toMatchObject({ id: first.id, likedByMe: false, likeCount: 1 });
      await like(bob, first.id, false);
    });

    it('refuses a malformed cursor', async () => {
      for (const bad of ['', 's', 'x1.2', 's1.', '1.2.3', 's-1.2']) expect(decodeFeedCursor(bad), bad).toBeNull();
      expect(decodeFeedCursor('s5.6')).toEqual({ section: 'suggested', after: { createdAt: 5, id: 6 } });
    });
  });

  describe('setLike', () => {
    it('is idempotent and keeps the count equal to the rows', async () => {
      const postId = 10;
      expect(await like(alice, postId, true)).toEqual({ liked: true, likeCount: 1 });
      expect(await like(alice, postId, true)).toEqual({ liked: true, likeCount: 1 });
      expect(await like(bob, postId, true)).toEqual({ liked: true, likeCount: 2 });
      expect(await like(alice, postId, false)).toEqual({ liked: false, likeCount: 1 });
      expect(await like(alice, postId, false)).toEqual({ liked: false, likeCount: 1 });
      expect(await rowsFor(postId)).toBe(1);
      expect(await countFor(postId)).toBe(1);
    });

    it('makes one like of many overlapping likes by one user', async () => {
      const postId = 11;
      const results = await Promise.all(Array.from({ length: 50 }, () => like(alice, postId, true)));
      expect(results.every((r) => r?.liked)).toBe(true);
      expect(await rowsFor(postId)).toBe(1);
      expect(await countFor(postId)).toBe(1);
    });

    it('keeps the count equal to the rows over interleaved likes and unlikes by many users', async () => {
      const postId = 12;
      const users = await Promise.all(Array.from({ length: 30 }, (_, i) => newUser(`crowd_${i}`)));
      await Promise.all(users.map((u) => like(u, postId, true)));
      expect(await rowsFor(postId)).toBe(30);
      expect(await countFor(postId)).toBe(30);

      // Half of them unlike while the others like again: a mix of inserts, no-ops and deletes.
      // (Truly parallel requests against the running server: e2e/security/concurrency.spec.ts.)
      await Promise.all(users.map((u, i) => like(u, postId, i % 2 === 0)));
      expect(await rowsFor(postId)).toBe(15);
      expect(await countFor(postId)).toBe(15);
    });

    it('returns null for a post that does not exist, and writes nothing', async () => {
      const before = (await db.select({ n: count() }).from(likes))[0]?.n;
      expect(await like(alice, 999_999, true)).toBeNull();
      expect(await like(alice, 999_999, false)).toBeNull();
      expect((await db.select({ n: count() }).from(likes))[0]?.n).toBe(before);
    });
  });

  describe('publishing', () => {
    /** As POST /api/posts does it: admitted, then published, then released. */
    const upload = (user: User, photo: Uint8Array, caption = 'a photo') =>
      asViewer(user, async () => {
        const admitted = await admitUpload();
        if (!admitted.ok) throw new Error(`not admitted: ${admitted.response.status}`);
        try {
          return await admitted.ticket.publish({ photo: new File([new Uint8Array(photo)], 'photo.jpg'), caption, alt: '' });
        } finally {
          await admitted.release();
        }
      });
    const publish = async (user: User, caption?: string) => upload(user, await plainJpeg(900, 700), caption);

    it('stores the renditions, then the row; the author edits; another user cannot', async () => {
      const created = await publish(alice, 'first caption');
      if (!created.ok) throw new Error(`not published: ${created.reason}`);
      const found = await asViewer(bob, () => getPost(created.id));
      expect(found?.post).toMatchObject({ author: 'alice', caption: 'first caption', photo: { width: 900, height: 700 } });

      expect(await asViewer(bob, () => editPost(created.id, { caption: 'hijacked' }))).toEqual({ ok: false, reason: 'forbidden' });
      expect(await asViewer(bob, () => deletePost(created.id))).toEqual({ ok: false, reason: 'forbidden' });
      expect(await asViewer(alice, () => editPost(999_999, { caption: 'x' }))).toEqual({ ok: false, reason: 'not-found' });
      const edited = await asViewer(alice, () => editPost(created.id, { alt: 'A brown rectangle' }));
      expect(edited).toMatchObject({ ok: true, post: { caption: 'first caption', alt: 'A brown rectangle' } });
    });

    it('deletes the row, its likes and its images', async () => {
      const created = await publish(bob);
      if (!created.ok) throw new Error(`not published: ${created.reason}`);
      await like(alice, created.id, true);
      const [row] = await db.select().from(posts).where(eq(posts.id, created.id));
      if (!row) throw new Error('no row');
      const store = getMediaStore();
      expect(await store.get(row.imageKey)).not.toBeNull();

      expect(await asViewer(bob, () => deletePost(created.id))).toEqual({ ok: true });
      expect(await rowsFor(created.id)).toBe(0);
      for (const key of photoKeys(row)) expect(await store.get(key)).toBeNull();
      expect(await db.select().from(pendingMedia)).toEqual([]);
      expect(await asViewer(bob, () => deletePost(created.id))).toEqual({ ok: false, reason: 'not-found' });
    });

    it('lets one user have two uploads in flight, not three', async () => {
      const refusal = await asViewer(bob, async () => {
        const [first, second, third] = [await admitUpload(), await admitUpload(), await admitUpload()];
        for (const admitted of [first, second]) if (admitted.ok) await admitted.release();
        const fourth = await admitUpload();
        if (fourth.ok) await fourth.release();
        return { held: [first.ok, second.ok], third: third.ok ? 'admitted' : third.response.status, fourth: fourth.ok };
      });
      expect(refusal).toEqual({ held: [true, true], third: 429, fourth: true });
    });

    it('refuses what is not a photo, and does not count it against the hourly limit', async () => {
      const counted = async () =>
        (await db.select({ n: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, counterKey(LIMITS.postsPerUser, String(alice.id)))))[0]?.n;
      const before = await counted();
      const refused = await upload(alice, Buffer.from('not a photo'));
      expect(refused).toMatchObject({ ok: false, reason: 'rejected', status: 415 });
      expect(await counted()).toBe(before);
      expect(await db.select().from(pendingMedia)).toEqual([]);
      await expect(inRequest({}, () => admitUpload())).rejects.toThrow(UnauthenticatedError);
    });
  });

  describe('the media sweep', () => {
    const HOUR = 60 * 60 * 1000;
    const put = async (store: ReturnType<typeof getMediaStore>) => {
      const key = newMediaKey('webp');
      await store.put(key, new Uint8Array([1, 2, 3]), 'image/webp');
      return key;
    };

    it('removes only what this database left pending, once it is an hour old and no post names it', async () => {
      const store = getMediaStore();
      await db.delete(pendingMedia);
      const [abandoned, young, named, foreign] = [await put(store), await put(store), await put(store), await put(store)];
      const [post] = await db.select().from(posts).limit(1);
      if (!post) throw new Error('no post');
      await db.update(posts).set({ thumbnailKey: named }).where(eq(posts.id, post.id));
      const now = Date.now();
      await db.insert(pendingMedia).values([
        { key: abandoned, createdAt: now - 2 * HOUR },
        { key: named, createdAt: now - 2 * HOUR },
        { key: young, createdAt: now - HOUR / 2 },
      ]);

      expect(await sweepPendingMedia(db, store, now)).toEqual({ removed: 1, kept: 1 });
      expect(await store.get(abandoned)).toBeNull();
      for (const key of [young, named, foreign]) {
        const object = await store.get(key);
        expect(object, key).not.toBeNull();
        await object?.body.cancel();
      }
      // `foreign` was never recorded here (another deployment's, in a shared bucket): never touched.
      expect((await db.select({ key: pendingMedia.key }).from(pendingMedia)).map((r) => r.key)).toEqual([young]);
    });
  });
}
