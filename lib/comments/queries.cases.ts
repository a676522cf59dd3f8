// Comments and the notifications their triggers keep, run against each driver by queries.test.ts
// (an SQLite file) and queries.libsql.test.ts (a real libSQL server over HTTP): same code, same answers.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '@/lib/auth/dal';
import type { Db } from '@/lib/db/client';
import { comments, follows, likes, notifications, posts } from '@/lib/db/schema';
import { newMediaKey } from '@/lib/media/keys';
import { getNotificationsPage, markAllRead, unreadCount } from '@/lib/notifications/queries';
import { decodeCursor } from '@/lib/posts/cursor';
import { setLike } from '@/lib/posts/queries';
import { LIMITS } from '@/lib/security/limits';
import { createUser } from '@/lib/users/queries';
import type { TestDatabase } from '@/testing/database';
import { inRequest } from '@/testing/next-request';
import { asViewer } from '@/testing/viewer';
import { addComment, admitComment, commentPreviews, deleteComment, getCommentsPage } from './queries';
import { COMMENT_PAGE_SIZE } from './statements';

type User = { id: number; username: string };
// Hundreds of writes, one at a time over HTTP on libSQL (lib/db/libsql-writes.ts), on a shared machine.
const MANY_WRITES = { timeout: 60_000 };

export function describeCommentQueries(open: () => Promise<TestDatabase>) {
  let db: Db;
  let database: TestDatabase | undefined;
  let ann: User;
  let ben: User;
  let cat: User;

  async function newUser(username: string): Promise<User> {
    const result = await createUser({ username, email: `${username}@example.com`, passwordHash: 'x' });
    if (!result.ok) throw new Error(`could not create ${username}`);
    return result.user;
  }

  async function newPost(author: User): Promise<number> {
    const [row] = await db
      .insert(posts)
      .values({ authorId: author.id, imageKey: newMediaKey('webp'), mediumKey: newMediaKey('webp'), thumbnailKey: newMediaKey('webp'), width: 1080, height: 1080 })
      .returning({ id: posts.id });
    if (!row) throw new Error('no post');
    return row.id;
  }

  const comment = (user: User, postId: number, text: string) => asViewer(user, () => addComment(postId, text));
  const remove = (user: User, commentId: number) => asViewer(user, () => deleteComment(commentId));
  const countsOf = async (postId: number) => {
    const [post] = await db.select({ n: posts.commentCount }).from(posts).where(eq(posts.id, postId));
    const [rows] = await db.select({ n: count() }).from(comments).where(eq(comments.postId, postId));
    return { count: post?.n, rows: rows?.n };
  };
  const notificationsOf = (user: User) => asViewer(user, () => getNotificationsPage(null));

  beforeAll(async () => {
    database = await open();
    db = database.db;
    [ann, ben, cat] = await Promise.all(['ann', 'ben', 'cat'].map(newUser)) as [User, User, User];
  });

  afterAll(async () => {
    await database?.stop();
  });

  it('refuses every read and write without a logged-in viewer', async () => {
    const postId = await newPost(ann);
    await expect(inRequest({}, () => addComment(postId, 'hi'))).rejects.toThrow(UnauthenticatedError);
    await expect(inRequest({}, () => getCommentsPage(postId, null))).rejects.toThrow(UnauthenticatedError);
    await expect(inRequest({}, () => unreadCount())).rejects.toThrow(UnauthenticatedError);
    expect(await countsOf(postId)).toEqual({ count: 0, rows: 0 });
  });

  it('pages through a post\'s comments oldest first, each once, ties broken by id', async () => {
    const postId = await newPost(ann);
    const at = 1_700_000_000_000;
    await db.insert(comments).values(
      Array.from({ length: 45 }, (_, i) => ({ postId, authorId: i % 2 ? ben.id : cat.id, text: `c${i}`, createdAt: at + Math.floor(i / 3) })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await asViewer(ann, () => getCommentsPage(postId, cursor === null ? null : decodeCursor(cursor)));
      if (!page) throw new Error('no page');
      expect(page.comments.length).toBeLessThanOrEqual(COMMENT_PAGE_SIZE);
      seen.push(...page.comments.map((c) => c.text));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => `c${i}`));
    const first = (await asViewer(ben, () => getCommentsPage(postId, null)))?.comments[0];
    // Exactly the public fields: no author id, no email.
    expect(first && Object.keys(first).sort()).toEqual(['author', 'createdAt', 'id', 'text']);
    expect(first).toMatchObject({ author: 'cat', text: 'c0', createdAt: at });
    expect(await asViewer(ann, () => getCommentsPage(999_999, null))).toBeNull();
  });

  it('writes nothing for a post that does not exist', async () => {
    expect(await comment(ben, 999_999, 'hello')).toBeNull();
    expect((await db.select({ n: count() }).from(comments).where(eq(comments.postId, 999_999)))[0]?.n).toBe(0);
  });

  it('lets the author and the post\'s owner delete a comment, nobody else', async () => {
    const postId = await newPost(ann);
    const byBen = await comment(ben, postId, 'from ben');
    const another = await comment(ben, postId, 'also from ben');
    if (!byBen || !another) throw new Error('no comment');
    expect(await remove(cat, byBen.id)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await countsOf(postId)).toEqual({ count: 2, rows: 2 });
    expect(await remove(ben, byBen.id)).toEqual({ ok: true });
    expect(await remove(ann, another.id)).toEqual({ ok: true });
    expect(await remove(ann, another.id)).toEqual({ ok: false, reason: 'not-found' });
    expect(await countsOf(postId)).toEqual({ count: 0, rows: 0 });
  });

  it('keeps the count equal to the rows over 200 concurrent comments and deletes', MANY_WRITES, async () => {
    const postId = await newPost(ann);
    const first = await Promise.all(Array.from({ length: 100 }, (_, i) => comment(i % 2 ? ben : cat, postId, `n${i}`)));
    const ids = first.map((c) => c?.id ?? 0);
    // 100 more comments while the first 100 are deleted, all at once, by their authors or the owner.
    await Promise.all([
      ...ids.map((id, i) => remove(i % 3 ? ann : i % 2 ? ben : cat, id)),
      ...Array.from({ length: 100 }, (_, i) => comment(ben, postId, `m${i}`)),
    ]);
    expect(await countsOf(postId)).toEqual({ count: 100, rows: 100 });
    const [withdrawn] = await db.select({ n: count() }).from(notifications).where(eq(notifications.postId, postId));
    expect(withdrawn?.n).toBe(100); // ben's 100 new ones; the deleted comments' went with them
  });

  it('shows the newest two comments of each post of a page, from one query', async () => {
    const [p1, p2, p3] = [await newPost(ann), await newPost(ben), await newPost(cat)];
    const at = 1_800_000_000_000;
    await db.insert(comments).values([
      { postId: p1, authorId: ben.id, text: 'old', createdAt: at },
      { postId: p1, authorId: cat.id, text: 'middle', createdAt: at + 1 },
      { postId: p1, authorId: ben.id, text: 'tie a', createdAt: at + 2 },
      { postId: p1, authorId: ann.id, text: 'tie b', createdAt: at + 2 },
      { postId: p2, authorId: ann.id, text: 'only', createdAt: at },
    ]);
    const previews = await asViewer(ann, () => commentPreviews([p1, p2, p3]));
    expect(previews.get(p1)?.map((c) => c.text)).toEqual(['tie a', 'tie b']);
    expect(previews.get(p2)).toEqual([expect.objectContaining({ text: 'only', author: 'ann' })]);
    expect(previews.has(p3)).toBe(false);
  });

  it('lets 60 of 70 parallel comments in an hour through, and gives back what was not written', MANY_WRITES, async () => {
    const dan = await newUser('dan');
    const postId = await newPost(ann);
    const attempts = await Promise.all(
      Array.from({ length: 70 }, () =>
        asViewer(dan, async () => {
          const admitted = await admitComment();
          if (!admitted.ok) return admitted.response.status;
          try {
            return (await admitted.ticket.add(postId, 'spam')) ? 201 : 404;
          } finally {
            await admitted.release();
          }
        }),
      ),
    );
    expect(attempts.filter((s) => s === 201)).toHaveLength(LIMITS.commentsPerUser.max);
    expect(attempts.filter((s) => s === 429)).toHaveLength(10);
    expect(await countsOf(postId)).toEqual({ count: 60, rows: 60 });
  });

  describe('notifications (kept by the triggers)', () => {
    it('tells the owner of a comment, a like and a follow, never of their own, and withdraws each', async () => {
      const eve = await newUser('eve');
      const fay = await newUser('fay');
      const postId = await newPost(eve);
      await comment(eve, postId, 'my own');
      await asViewer(eve, () => setLike(postId, true));
      expect(await asViewer(eve, () => unreadCount())).toBe(0);

      const said = await comment(fay, postId, 'nice one');
      await asViewer(fay, () => setLike(postId, true));
      await db.insert(follows).values({ followerId: fay.id, followeeId: eve.id });
      const page = await notificationsOf(eve);
      expect(page.notifications.map((n) => [n.kind, n.actor, n.postId, n.commentText, n.unread])).toEqual([
        ['follow', 'fay', null, null, true],
        ['like', 'fay', postId, null, true],
        ['comment', 'fay', postId, 'nice one', true],
      ]);
      expect(await asViewer(eve, () => unreadCount())).toBe(3);

      if (!said) throw new Error('no comment');
      await remove(fay, said.id);
      await asViewer(fay, () => setLike(postId, false));
      await db.delete(follows).where(and(eq(follows.followerId, fay.id), eq(follows.followeeId, eve.id)));
      expect((await notificationsOf(eve)).notifications).toEqual([]);
      expect(await asViewer(eve, () => unreadCount())).toBe(0);
    });

    it('marks read up to the newest shown: one that arrives later stays unread', async () => {
      const gus = await newUser('gus');
      const postId = await newPost(gus);
      await asViewer(ben, () => setLike(postId, true));
      const shown = await notificationsOf(gus);
      await comment(cat, postId, 'arrived while the page rendered');
      await asViewer(gus, () => markAllRead(shown.notifications[0]?.id ?? 0));
      const after = await notificationsOf(gus);
      expect(after.notifications.map((n) => [n.kind, n.unread])).toEqual([
        ['comment', true],
        ['like', false],
      ]);
      expect(await asViewer(gus, () => unreadCount())).toBe(1);
      // Nobody else's are touched.
      await asViewer(ben, () => markAllRead(Number.MAX_SAFE_INTEGER));
      expect(await asViewer(gus, () => unreadCount())).toBe(1);
    });

    it('pages newest first, each once', MANY_WRITES, async () => {
      const hal = await newUser('hal');
      const postIds = await Promise.all(Array.from({ length: 25 }, () => newPost(hal)));
      for (const postId of postIds) await db.insert(likes).values({ userId: ben.id, postId, createdAt: 1_900_000_000_000 });
      const first = await notificationsOf(hal);
      expect(first.notifications).toHaveLength(20);
      const second = await asViewer(hal, () => getNotificationsPage(decodeCursor(first.nextCursor)));
      expect(second.nextCursor).toBeNull();
      const all = [...first.notifications, ...second.notifications].map((n) => n.postId);
      expect(all).toEqual([...postIds].reverse());
    });
  });
}
