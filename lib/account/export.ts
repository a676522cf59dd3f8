import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { UnauthenticatedError, requireViewer } from '@/lib/auth/dal';
import { getConfig } from '@/lib/config';
import { type Db, getDb } from '@/lib/db/client';
import { comments, follows, likes, loginHistory, posts, sessions, users } from '@/lib/db/schema';
import { mediaUrl } from '@/lib/media/storage';
import { type Account, findAccount } from './queries';

// "Download your data": everything the app holds of one person, as one JSON document, written
// while it is read. Each table is walked a page at a time by keyset queries on an index that
// starts with the user's id, and each page is sent before the next is read, so memory stays one
// page however much there is. Of other people it names only their usernames.

/** Rows per query: one page of each table is all the export ever holds. */
export const EXPORT_PAGE_SIZE = 200;

const iso = (ms: number) => new Date(ms).toISOString();

/** Pages of a keyset query: `next(after)` returns the rows after the last one of the previous page. */
async function* keyset<R>(next: (after: R | undefined) => Promise<R[]>, pageSize: number): AsyncGenerator<R[]> {
  let after: R | undefined;
  for (;;) {
    const page = await next(after);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}

/** `"name":[…]`, one chunk per page. */
async function* jsonArray<R>(name: string, pages: AsyncIterable<R[]>, shape: (row: R) => unknown): AsyncGenerator<string> {
  yield `,\n${JSON.stringify(name)}:[`;
  let first = true;
  for await (const page of pages) {
    yield (first ? '\n' : ',\n') + page.map((row) => JSON.stringify(shape(row))).join(',\n');
    first = false;
  }
  yield ']';
}

const sinceKey = <R extends { createdAt: number }>(after: R | undefined, key: (r: R) => number, columns: { createdAt: unknown; id: unknown }) =>
  after ? sql`(${columns.createdAt}, ${columns.id}) > (${after.createdAt}, ${key(after)})` : undefined;

function documentOf(db: Db, account: Account, pageSize: number, now: number): AsyncGenerator<string> {
  const { appOrigin } = getConfig();
  const absolute = (key: string) => new URL(mediaUrl(key), appOrigin).toString();
  const id = account.id;

  return (async function* () {
    yield `{${JSON.stringify('exportedAt')}:${JSON.stringify(iso(now))}`;
    yield `,\n"profile":${JSON.stringify({
      username: account.username,
      email: account.email,
      displayName: account.displayName,
      bio: account.bio,
      avatarUrl: account.avatarKey ? absolute(account.avatarKey) : null,
      createdAt: iso(account.createdAt),
      posts: account.postCount,
      followers: account.followerCount,
      following: account.followingCount,
    })}`;

    // posts_author_idx: (author_id, created_at, id).
    const postColumns = {
      id: posts.id,
      caption: posts.caption,
      alt: posts.alt,
      imageKey: posts.imageKey,
      mediumKey: posts.mediumKey,
      thumbnailKey: posts.thumbnailKey,
      width: posts.width,
      height: posts.height,
      likeCount: posts.likeCount,
      commentCount: posts.commentCount,
      createdAt: posts.createdAt,
    };
    type PostRow = { [K in keyof typeof postColumns]: (typeof postColumns)[K]['_']['data'] };
    yield* jsonArray(
      'posts',
      keyset<PostRow>(
        (after) =>
          db
            .select(postColumns)
            .from(posts)
            .where(and(eq(posts.authorId, id), sinceKey(after, (r) => r.id, { createdAt: posts.createdAt, id: posts.id })))
            .orderBy(asc(posts.createdAt), asc(posts.id))
            .limit(pageSize),
        pageSize,
      ),
      (p) => ({
        id: p.id,
        caption: p.caption,
        alt: p.alt,
        media: { full: absolute(p.imageKey), medium: absolute(p.mediumKey), thumbnail: absolute(p.thumbnailKey) },
        width: p.width,
        height: p.height,
        likes: p.likeCount,
        comments: p.commentCount,
        createdAt: iso(p.createdAt),
      }),
    );

    // comments_author_idx: (author_id), rowid = id.
    yield* jsonArray(
      'comments',
      keyset(
        (after?: { id: number; postId: number; text: string; createdAt: number }) =>
          db
            .select({ id: comments.id, postId: comments.postId, text: comments.text, createdAt: comments.createdAt })
            .from(comments)
            .where(and(eq(comments.authorId, id), after ? gt(comments.id, after.id) : undefined))
            .orderBy(asc(comments.id))
            .limit(pageSize),
        pageSize,
      ),
      (c) => ({ id: c.id, postId: c.postId, text: c.text, createdAt: iso(c.createdAt) }),
    );

    // The likes primary key: (user_id, post_id).
    yield* jsonArray(
      'likes',
      keyset(
        (after?: { postId: number; createdAt: number }) =>
          db
            .select({ postId: likes.postId, createdAt: likes.createdAt })
            .from(likes)
            .where(and(eq(likes.userId, id), after ? gt(likes.postId, after.postId) : undefined))
            .orderBy(asc(likes.postId))
            .limit(pageSize),
        pageSize,
      ),
      (l) => ({ postId: l.postId, likedAt: iso(l.createdAt) }),
    );

    // The follows primary key: (follower_id, followee_id).
    yield* jsonArray(
      'following',
      keyset(
        (after?: { userId: number; username: string; createdAt: number }) =>
          db
            .select({ userId: follows.followeeId, username: users.username, createdAt: follows.createdAt })
            .from(follows)
            .innerJoin(users, eq(users.id, follows.followeeId))
            .where(and(eq(follows.followerId, id), after ? gt(follows.followeeId, after.userId) : undefined))
            .orderBy(asc(follows.followeeId))
            .limit(pageSize),
        pageSize,
      ),
      (f) => ({ username: f.username, since: iso(f.createdAt) }),
    );

    // follows_followee_idx: (followee_id, created_at); the follower's id breaks ties.
    yield* jsonArray(
      'followers',
      keyset(
        (after?: { userId: number; username: string; createdAt: number }) =>
          db
            .select({ userId: follows.followerId, username: users.username, createdAt: follows.createdAt })
            .from(follows)
            .innerJoin(users, eq(users.id, follows.followerId))
            .where(and(eq(follows.followeeId, id), sinceKey(after, (r) => r.userId, { createdAt: follows.createdAt, id: follows.followerId })))
            .orderBy(asc(follows.createdAt), asc(follows.followerId))
            .limit(pageSize),
        pageSize,
      ),
      (f) => ({ username: f.username, since: iso(f.createdAt) }),
    );

    // sessions_user_idx: (user_id); the row id (a hash) is the key, and is not exported.
    yield* jsonArray(
      'sessions',
      keyset(
        (after?: { id: string; createdAt: number; lastSeenAt: number; expiresAt: number; userAgent: string }) =>
          db
            .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent })
            .from(sessions)
            .where(and(eq(sessions.userId, id), after ? gt(sessions.id, after.id) : undefined))
            .orderBy(asc(sessions.id))
            .limit(pageSize),
        pageSize,
      ),
      (s) => ({ signedInAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), expiresAt: iso(s.expiresAt), userAgent: s.userAgent }),
    );

    // login_history_user_idx: (user_id, created_at), the id breaking ties. The device appears only
    // as the hash the table keeps, which opens nothing.
    yield* jsonArray(
      'loginHistory',
      keyset(
        (after?: { id: number; createdAt: number; userAgent: string; address: string }) =>
          db
            .select({ id: loginHistory.id, createdAt: loginHistory.createdAt, userAgent: loginHistory.userAgent, address: loginHistory.address })
            .from(loginHistory)
            .where(and(eq(loginHistory.userId, id), sinceKey(after, (r) => r.id, { createdAt: loginHistory.createdAt, id: loginHistory.id })))
            .orderBy(asc(loginHistory.createdAt), asc(loginHistory.id))
            .limit(pageSize),
        pageSize,
      ),
      (l) => ({ at: iso(l.createdAt), userAgent: l.userAgent, address: l.address }),
    );

    yield '\n}\n';
  })();
}

/** A byte stream of the document, read from the database as the reader asks for more. */
export function exportStream(db: Db, account: Account, options: { pageSize?: number; now?: number } = {}): ReadableStream<Uint8Array> {
  const pieces = documentOf(db, account, options.pageSize ?? EXPORT_PAGE_SIZE, options.now ?? Date.now());
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await pieces.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        // The download ends short (invalid JSON) rather than looking complete.
        console.error('Exporting an account failed part-way:', err);
        controller.error(err);
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

/** The viewer's own data, and the file name to save it under. Nothing in the request picks whose. */
export async function exportMyData(): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const viewer = await requireViewer();
  const account = await findAccount(viewer.id);
  if (!account) throw new UnauthenticatedError();
  return { filename: `cookiegram-${account.username}.json`, body: exportStream(getDb(), account) };
}
