import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { likes, posts, users } from '@/lib/db/schema';
import { type FeedCursor, FEED_PAGE_SIZE, encodeCursor } from './cursor';

export type FeedPost = {
  id: number;
  author: string;
  image: string;
  caption: string;
  likeCount: number;
  likedByMe: boolean;
  createdAt: number;
};
/** `servedAt`: the server's clock when the page was read, for "3 hours ago" labels. */
export type FeedPage = { posts: FeedPost[]; nextCursor: string | null; servedAt: number };
export type LikeState = { liked: boolean; likeCount: number };

const viewer = sql.placeholder('viewerId');

// One query per page, whatever its size: author by join, "liked by me" by a left join on the
// likes primary key, the count from the denormalised column.
const feedColumns = {
  id: posts.id,
  author: users.username,
  image: posts.image,
  caption: posts.caption,
  likeCount: posts.likeCount,
  likedByMe: sql<number>`${likes.userId} is not null`,
  createdAt: posts.createdAt,
};

function feedQuery(after: boolean) {
  return getDb()
    .select(feedColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(likes, and(eq(likes.postId, posts.id), eq(likes.userId, viewer)))
    .where(
      after
        ? sql`(${posts.createdAt}, ${posts.id}) < (${sql.placeholder('createdAt')}, ${sql.placeholder('id')})`
        : undefined,
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(FEED_PAGE_SIZE + 1)
    .prepare();
}

// Prepared once per process, on first use (the database is opened lazily).
let statements:
  | {
      firstPage: ReturnType<typeof feedQuery>;
      nextPage: ReturnType<typeof feedQuery>;
      insertLike: ReturnType<typeof insertLikeQuery>;
      deleteLike: ReturnType<typeof deleteLikeQuery>;
      likeCount: ReturnType<typeof likeCountQuery>;
    }
  | undefined;

function prepared() {
  statements ??= {
    firstPage: feedQuery(false),
    nextPage: feedQuery(true),
    insertLike: insertLikeQuery(),
    deleteLike: deleteLikeQuery(),
    likeCount: likeCountQuery(),
  };
  return statements;
}

export async function getFeedPage(viewerId: number, cursor: FeedCursor | null): Promise<FeedPage> {
  const { firstPage, nextPage } = prepared();
  const rows = await (cursor
    ? nextPage.execute({ viewerId, createdAt: cursor.createdAt, id: cursor.id })
    : firstPage.execute({ viewerId }));
  const page = rows.slice(0, FEED_PAGE_SIZE).map((r) => ({ ...r, likedByMe: Boolean(r.likedByMe) }));
  const last = page.at(-1);
  return {
    posts: page,
    nextCursor: rows.length > FEED_PAGE_SIZE && last ? encodeCursor(last) : null,
    servedAt: Date.now(),
  };
}

// INSERT … SELECT: a like of a post that does not exist inserts nothing (no FK error to catch);
// the primary key makes a second like a no-op. The count follows by trigger.
function insertLikeQuery() {
  const db = getDb();
  return db
    .insert(likes)
    .select(
      db
        .select({ userId: sql`${sql.placeholder('userId')}`.as('user_id'), postId: posts.id, createdAt: sql`${sql.placeholder('now')}`.as('created_at') })
        .from(posts)
        .where(eq(posts.id, sql.placeholder('postId'))),
    )
    .onConflictDoNothing()
    .prepare();
}

function deleteLikeQuery() {
  return getDb()
    .delete(likes)
    .where(and(eq(likes.userId, sql.placeholder('userId')), eq(likes.postId, sql.placeholder('postId'))))
    .prepare();
}

function likeCountQuery() {
  return getDb()
    .select({ likeCount: posts.likeCount })
    .from(posts)
    .where(eq(posts.id, sql.placeholder('postId')))
    .prepare();
}

/** Likes or unlikes (idempotent); null when the post does not exist. */
export async function setLike(userId: number, postId: number, liked: boolean): Promise<LikeState | null> {
  const { insertLike, deleteLike, likeCount } = prepared();
  await (liked ? insertLike.execute({ userId, postId, now: Date.now() }) : deleteLike.execute({ userId, postId }));
  const [row] = await likeCount.execute({ postId });
  return row ? { liked, likeCount: row.likeCount } : null;
}
