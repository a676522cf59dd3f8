// Deleting an account, changing a password and the data export, run against each driver by
// account.test.ts (an SQLite file, a media folder, the JWT strategy) and account.libsql.test.ts
// (a real sqld, a real S3 server, the session strategy): same code, same answers.
import { randomUUID } from 'node:crypto';
import { eq, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getViewer } from '@/lib/auth/dal';
import { hashPassword } from '@/lib/auth/password';
import { activeStrategy } from '@/lib/auth/strategies';
import type { Db } from '@/lib/db/client';
import { comments, follows, likes, loginHistory, notifications, pendingMedia, posts, sessions, users } from '@/lib/db/schema';
import { newMediaKey } from '@/lib/media/keys';
import { getMediaStore } from '@/lib/media/storage';
import { photoKeys } from '@/lib/media/stored-photo';
import { createUser } from '@/lib/users/queries';
import type { TestDatabase } from '@/testing/database';
import { inRequest } from '@/testing/next-request';
import { loginCookies } from '@/testing/viewer';
import { changePassword } from './change-password';
import { deleteMyAccount } from './delete-account';
import { exportStream } from './export';
import { findAccount } from './queries';
import { SAME_PASSWORD, WRONG_PASSWORD } from './validation';

type User = { id: number; username: string; email: string; password: string };
const PASSWORD = 'correct horse battery staple';

/** Every count the triggers keep, next to the rows it counts; all pairs must be equal. */
async function countsAndRows(db: Db) {
  const postCounts = await db.all<{ id: number; likes: number; likeRows: number; comments: number; commentRows: number }>(sql`
    select id, like_count as likes, (select count(*) from likes where post_id = posts.id) as likeRows,
           comment_count as comments, (select count(*) from comments where post_id = posts.id) as commentRows
    from posts`);
  const userCounts = await db.all<{ id: number; posts: number; postRows: number; followers: number; followerRows: number; following: number; followingRows: number }>(sql`
    select id, post_count as posts, (select count(*) from posts where author_id = users.id) as postRows,
           follower_count as followers, (select count(*) from follows where followee_id = users.id) as followerRows,
           following_count as following, (select count(*) from follows where follower_id = users.id) as followingRows
    from users`);
  return { postCounts, userCounts };
}

function expectCountsEqualRows(state: Awaited<ReturnType<typeof countsAndRows>>) {
  for (const p of state.postCounts) expect([p.likes, p.comments], `post ${p.id}`).toEqual([p.likeRows, p.commentRows]);
  for (const u of state.userCounts) {
    expect([u.posts, u.followers, u.following], `user ${u.id}`).toEqual([u.postRows, u.followerRows, u.followingRows]);
  }
}

export function describeAccount(open: () => Promise<TestDatabase>) {
  let database: TestDatabase | undefined;
  let db: Db;
  let passwordHash: string;
  const requester = () => ({ client: `198.18.0.${Math.floor(Math.random() * 250) + 1}`, device: null });

  async function newUser(prefix: string): Promise<User> {
    const username = `${prefix}_${randomUUID().slice(0, 6)}`;
    const email = `${username}@example.com`;
    const created = await createUser({ username, email, passwordHash });
    if (!created.ok) throw new Error(`could not create ${username}`);
    return { id: created.user.id, username, email, password: PASSWORD };
  }

  /** A post whose three renditions really are in the store. */
  async function newPost(author: User, createdAt = Date.now()) {
    const store = getMediaStore();
    const keys = { imageKey: newMediaKey('webp'), mediumKey: newMediaKey('webp'), thumbnailKey: newMediaKey('webp') };
    for (const key of photoKeys(keys)) await store.put(key, new Uint8Array([1, 2, 3]), 'image/webp');
    const [row] = await db
      .insert(posts)
      .values({ authorId: author.id, ...keys, width: 1080, height: 1080, caption: `by ${author.username}`, createdAt })
      .returning({ id: posts.id });
    if (!row) throw new Error('no post');
    return { id: row.id, keys: photoKeys(keys) };
  }

  const isStored = async (key: string) => {
    const object = await getMediaStore().get(key);
    await object?.body.cancel();
    return object !== null;
  };

  const as = async <T>(user: Pick<User, 'id' | 'username'>, fn: () => Promise<T>) => inRequest({ cookies: await loginCookies(user) }, fn);

  beforeAll(async () => {
    process.env.BCRYPT_COST = '4';
    database = await open();
    db = database.db;
    passwordHash = await hashPassword(PASSWORD, 4);
  });

  afterAll(async () => {
    await database?.stop();
  });

  describe('deleting an account', () => {
    let alice: User;
    let bob: User;
    let carol: User;
    let alicePosts: { id: number; keys: string[] }[];
    let bobPosts: { id: number; keys: string[] }[];
    let avatarKey: string;

    beforeAll(async () => {
      [alice, bob, carol] = [await newUser('alice'), await newUser('bob'), await newUser('carol')];
      alicePosts = [await newPost(alice), await newPost(alice), await newPost(alice)];
      bobPosts = [await newPost(bob), await newPost(bob)];
      avatarKey = newMediaKey('webp');
      await getMediaStore().put(avatarKey, new Uint8Array([4]), 'image/webp');
      await db.update(users).set({ avatarKey }).where(eq(users.id, alice.id));
      const [a1, a2] = alicePosts;
      const [b1, b2] = bobPosts;
      if (!a1 || !a2 || !b1 || !b2) throw new Error('no posts');
      await db.insert(likes).values([
        { userId: alice.id, postId: b1.id },
        { userId: alice.id, postId: b2.id },
        { userId: carol.id, postId: b1.id },
        { userId: bob.id, postId: a1.id },
        { userId: carol.id, postId: a1.id },
      ]);
      await db.insert(comments).values([
        { postId: b1.id, authorId: alice.id, text: 'nice' },
        { postId: b1.id, authorId: alice.id, text: 'really' },
        { postId: b1.id, authorId: carol.id, text: 'agreed' },
        { postId: a2.id, authorId: bob.id, text: 'thanks' },
      ]);
      await db.insert(follows).values([
        { followerId: alice.id, followeeId: bob.id },
        { followerId: alice.id, followeeId: carol.id },
        { followerId: bob.id, followeeId: alice.id },
        { followerId: carol.id, followeeId: bob.id },
      ]);
      await db.insert(sessions).values({ id: randomUUID(), userId: alice.id, expiresAt: Date.now() + 60_000, lastSeenAt: Date.now() });
    });

    it('refuses a wrong password, and deletes nothing', async () => {
      const before = await countsAndRows(db);
      const { result } = await as(alice, () => deleteMyAccount('not my password at all', requester()));
      expect(result).toEqual({ ok: false, reason: 'invalid' });
      expect(await countsAndRows(db)).toEqual(before);
      expect(await findAccount(alice.id)).toBeDefined();
      expect(await isStored(avatarKey)).toBe(true);
    });

    it('removes the user and all their rows and images; every count of others stays equal to its rows', async () => {
      const oldCookies = await loginCookies(alice);
      const [b1, b2] = bobPosts;
      const likesOf = async (postId: number | undefined) => (await db.select({ n: posts.likeCount }).from(posts).where(eq(posts.id, postId ?? 0)))[0]?.n;
      const bobBefore = await findAccount(bob.id);
      expect([await likesOf(b1?.id), await likesOf(b2?.id)]).toEqual([2, 1]);

      const { result, jar } = await inRequest({ cookies: oldCookies }, () => deleteMyAccount(PASSWORD, requester()));
      expect(result).toEqual({ ok: true, account: { email: alice.email, username: alice.username } });
      // Nothing is written to the cookies here: the action clears them (lib/account/actions.ts).
      expect(jar.written).toEqual([]);

      expect(await findAccount(alice.id)).toBeUndefined();
      const mine = (table: 'posts' | 'likes' | 'comments' | 'follows' | 'notifications' | 'sessions') =>
        ({
          posts: db.select().from(posts).where(eq(posts.authorId, alice.id)),
          likes: db.select().from(likes).where(or(eq(likes.userId, alice.id), ...alicePosts.map((p) => eq(likes.postId, p.id)))),
          comments: db.select().from(comments).where(or(eq(comments.authorId, alice.id), ...alicePosts.map((p) => eq(comments.postId, p.id)))),
          follows: db.select().from(follows).where(or(eq(follows.followerId, alice.id), eq(follows.followeeId, alice.id))),
          notifications: db.select().from(notifications).where(or(eq(notifications.actorId, alice.id), eq(notifications.recipientId, alice.id))),
          sessions: db.select().from(sessions).where(eq(sessions.userId, alice.id)),
        })[table];
      for (const table of ['posts', 'likes', 'comments', 'follows', 'notifications', 'sessions'] as const) {
        expect(await mine(table), table).toEqual([]);
      }
      expectCountsEqualRows(await countsAndRows(db));
      expect([await likesOf(b1?.id), await likesOf(b2?.id)]).toEqual([1, 0]);
      const bobAfter = await findAccount(bob.id);
      expect(bobAfter).toMatchObject({ followerCount: (bobBefore?.followerCount ?? 0) - 1, followingCount: (bobBefore?.followingCount ?? 0) - 1 });
      expect((await db.select({ n: posts.commentCount }).from(posts).where(eq(posts.id, b1?.id ?? 0)))[0]?.n).toBe(1);

      for (const key of [...alicePosts.flatMap((p) => p.keys), avatarKey]) expect(await isStored(key), key).toBe(false);
      for (const key of bobPosts.flatMap((p) => p.keys)) expect(await isStored(key), key).toBe(true);
      expect(await db.select().from(pendingMedia)).toEqual([]);

      // The deleted user's cookie is refused, now and after someone signs up with the same name.
      const viewerWith = async (cookies: Record<string, string>) => (await inRequest({ cookies }, getViewer)).result;
      expect(await viewerWith(oldCookies)).toBeNull();
      const again = await createUser({ username: alice.username, email: alice.email, passwordHash });
      if (!again.ok) throw new Error(`could not register ${alice.username} again: ${again.taken}`);
      // AUTOINCREMENT: ids are never reused, so a token naming the old id can never mean the new user.
      expect(again.user.id).toBeGreaterThan(alice.id);
      expect(await viewerWith(oldCookies)).toBeNull();
      expect(await viewerWith(await loginCookies(again.user))).toEqual({ id: again.user.id, username: alice.username });
    });

    it('lets exactly one of several simultaneous deletes of one account succeed', async () => {
      const dave = await newUser('dave');
      const post = await newPost(dave);
      const cookies = await loginCookies(dave);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, () => inRequest({ cookies }, () => deleteMyAccount(PASSWORD, requester()))),
      );
      const answers = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.result : { threw: (o.reason as Error).name }));
      expect(answers.filter((a) => 'ok' in a && a.ok)).toHaveLength(1);
      // The others found it gone: before the password check, at it, or at the delete.
      for (const answer of answers.filter((a) => !('ok' in a && a.ok))) {
        expect([{ ok: false, reason: 'gone' }, { ok: false, reason: 'invalid' }, { threw: 'UnauthenticatedError' }]).toContainEqual(answer);
      }
      expect(await findAccount(dave.id)).toBeUndefined();
      for (const key of post.keys) expect(await isStored(key)).toBe(false);
      expectCountsEqualRows(await countsAndRows(db));
    });

    it('counts wrong passwords as failed logins: after five, even the right one waits', async () => {
      const erin = await newUser('erin');
      const from = requester();
      for (let i = 0; i < 5; i++) expect((await as(erin, () => deleteMyAccount(`wrong-${i}`, from))).result).toEqual({ ok: false, reason: 'invalid' });
      expect((await as(erin, () => deleteMyAccount(PASSWORD, requester()))).result).toMatchObject({ ok: false, reason: 'rate-limited' });
      expect(await findAccount(erin.id)).toBeDefined();
    });
  });

  describe('changing the password', () => {
    it('refuses a wrong current password, the same password, and a guessable one; changes nothing', async () => {
      const frank = await newUser('frank');
      const change = (currentPassword: string, newPassword: string) => as(frank, () => changePassword({ currentPassword, newPassword }, requester()));
      expect((await change('wrong password here', 'a brand new passphrase')).result).toEqual({ ok: false, reason: 'field', field: 'currentPassword', message: WRONG_PASSWORD });
      expect((await change(PASSWORD, PASSWORD)).result).toEqual({ ok: false, reason: 'field', field: 'newPassword', message: SAME_PASSWORD });
      expect((await change(PASSWORD, 'password1')).result).toMatchObject({ ok: false, reason: 'field', field: 'newPassword' });
      expect((await change(PASSWORD, `${frank.username}1`)).result).toMatchObject({ ok: false, reason: 'field', field: 'newPassword' });
      const [row] = await db.select({ hash: users.passwordHash, epoch: users.tokenEpoch }).from(users).where(eq(users.id, frank.id));
      expect(row).toEqual({ hash: passwordHash, epoch: 0 });
    });

    it('ends every other login, keeps this one with a fresh credential', async () => {
      const grace = await newUser('grace');
      const here = await loginCookies(grace);
      const elsewhere = await loginCookies(grace);
      const { result, jar } = await inRequest({ cookies: here }, () => changePassword({ currentPassword: PASSWORD, newPassword: 'plum tart under moonlight' }, requester()));
      expect(result).toMatchObject({ ok: true });
      const name = activeStrategy().cookie.name;
      const fresh = jar.written.find((c) => c.name === name)?.value;
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(here[name]);

      const viewerWith = async (cookies: Record<string, string>) => (await inRequest({ cookies }, getViewer)).result;
      expect(await viewerWith(elsewhere)).toBeNull();
      expect(await viewerWith(here)).toBeNull();
      expect(await viewerWith({ [name]: fresh ?? '' })).toEqual({ id: grace.id, username: grace.username });
      expect(await db.select().from(sessions).where(eq(sessions.userId, grace.id))).toHaveLength(activeStrategy().name === 'session' ? 1 : 0);
    });
  });

  describe('the export', () => {
    const read = async (stream: ReadableStream<Uint8Array>) => {
      const chunks: string[] = [];
      const decoder = new TextDecoder();
      const reader = stream.getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(decoder.decode(part.value, { stream: true }));
      return { chunks, text: chunks.join('') };
    };

    type Exported = {
      profile: Record<string, unknown>;
      posts: { id: number; caption: string; media: { full: string }; likes: number }[];
      comments: { id: number; postId: number; text: string }[];
      likes: { postId: number }[];
      following: { username: string }[];
      followers: { username: string }[];
      sessions: unknown[];
      loginHistory: { at: string; userAgent: string; address: string }[];
    };

    let henry: User;
    let others: User[];
    const POSTS = 230;

    beforeAll(async () => {
      henry = await newUser('henry');
      others = [];
      for (let i = 0; i < 3; i++) others.push(await newUser(`other${i}`));
      // Many rows share timestamps, so the keyset's tie-breaker is what keeps pages apart.
      const base = 1_700_000_000_000;
      const keys = () => ({ imageKey: newMediaKey('webp'), mediumKey: newMediaKey('webp'), thumbnailKey: newMediaKey('webp') });
      await db.insert(posts).values(
        Array.from({ length: POSTS }, (_, i) => ({ authorId: henry.id, ...keys(), width: 1, height: 1, caption: `henry ${i}`, createdAt: base + Math.floor(i / 3) })),
      );
      const [other] = others;
      if (!other) throw new Error('no other user');
      const otherPosts = await db
        .insert(posts)
        .values(Array.from({ length: 210 }, (_, i) => ({ authorId: other.id, ...keys(), width: 1, height: 1, caption: `secret ${i}`, createdAt: base })))
        .returning({ id: posts.id });
      await db.insert(likes).values(otherPosts.map((p) => ({ userId: henry.id, postId: p.id, createdAt: base })));
      await db.insert(comments).values(otherPosts.map((p, i) => ({ postId: p.id, authorId: henry.id, text: `henry says ${i}`, createdAt: base })));
      // Others' comments on henry's posts and on others' posts: never in henry's export.
      const [firstOfHenry] = await db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, henry.id)).limit(1);
      await db.insert(comments).values({ postId: firstOfHenry?.id ?? 0, authorId: other.id, text: 'a comment of someone else' });
      const crowd = [];
      for (let i = 0; i < 6; i++) crowd.push(await newUser(`fan${i}`));
      await db.insert(follows).values([
        ...crowd.map((u) => ({ followerId: u.id, followeeId: henry.id, createdAt: base })),
        ...others.map((u) => ({ followerId: henry.id, followeeId: u.id, createdAt: base })),
      ]);
      await db.insert(sessions).values({ id: randomUUID(), userId: henry.id, expiresAt: Date.now() + 60_000, lastSeenAt: Date.now(), userAgent: 'Firefox' });
      await db.insert(loginHistory).values(Array.from({ length: 15 }, (_, i) => ({ userId: henry.id, deviceHash: `device-${i % 2}`, userAgent: 'Firefox', address: '198.18.0.0', createdAt: base })));
      await db.insert(loginHistory).values({ userId: other.id, deviceHash: 'elsewhere', userAgent: 'secret browser', address: '203.0.113.0' });
    });

    for (const pageSize of [200, 7]) {
      it(`is valid JSON holding every row of the user's, page by page (pages of ${pageSize})`, async () => {
        const account = await findAccount(henry.id);
        if (!account) throw new Error('no henry');
        const { chunks, text } = await read(exportStream(db, account, { pageSize }));
        const data = JSON.parse(text) as Exported;
        expect(data.profile).toMatchObject({ username: henry.username, email: henry.email, posts: POSTS, followers: 6, following: 3 });
        expect(data.posts).toHaveLength(POSTS);
        expect(new Set(data.posts.map((p) => p.caption))).toEqual(new Set(Array.from({ length: POSTS }, (_, i) => `henry ${i}`)));
        expect(data.posts[0]?.media.full).toMatch(/^https?:\/\/[^/]+\/media\/[\w-]+\.webp$/);
        expect(data.likes).toHaveLength(210);
        expect(new Set(data.likes.map((l) => l.postId)).size).toBe(210);
        expect(data.comments).toHaveLength(210);
        expect(data.comments.every((c) => c.text.startsWith('henry says'))).toBe(true);
        expect(data.followers.map((f) => f.username).sort()).toHaveLength(6);
        expect(data.following.map((f) => f.username).sort()).toEqual(others.map((u) => u.username).sort());
        expect(data.sessions).toHaveLength(1);
        expect(data.loginHistory).toHaveLength(15);
        expect(data.loginHistory[0]).toEqual({ at: new Date(1_700_000_000_000).toISOString(), userAgent: 'Firefox', address: '198.18.0.0' });
        expect(text).not.toContain('203.0.113.0');
        // Of other people: their usernames, nothing else.
        for (const other of others) expect(text).not.toContain(other.email);
        expect(text).not.toContain('secret');
        expect(text).not.toContain('someone else');
        expect(text).not.toContain(passwordHash);
        // Written as read: at least one chunk per page of the biggest table.
        expect(chunks.length).toBeGreaterThan(Math.ceil(POSTS / pageSize));
      });
    }

    it('reads no further than the reader asks', async () => {
      const account = await findAccount(henry.id);
      if (!account) throw new Error('no henry');
      const reader = exportStream(db, account, { pageSize: 7 }).getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toMatch(/^\{"exportedAt":/);
      await reader.cancel();
    });
  });
}
