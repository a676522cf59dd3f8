// The hot queries of the feed and the like API, as drizzle query builders. One module, so the app
// (queries.ts), the index test (statements.test.ts) and the benchmark's framework-free baseline
// (bench/baseline-server.ts) all run the very same SQL. No 'server-only': the bench imports it.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { likes, posts, users } from '@/lib/db/schema';
import { FEED_PAGE_SIZE } from './cursor';

const viewer = sql.placeholder('viewerId');

// One query per page, whatever its size: author by join, "liked by me" by a left join on the
// likes primary key, the count from the denormalised column.
const feedColumns = {
  id: posts.id,
  authorId: posts.authorId,
  author: users.username,
  imageKey: posts.imageKey,
  mediumKey: posts.mediumKey,
  thumbnailKey: posts.thumbnailKey,
  width: posts.width,
  height: posts.height,
  placeholder: posts.placeholder,
  caption: posts.caption,
  alt: posts.alt,
  likeCount: posts.likeCount,
  commentCount: posts.commentCount,
  likedByMe: sql<number>`${likes.userId} is not null`,
  createdAt: posts.createdAt,
};

const postsAsSeenBy = (db: Db) =>
  db
    .select(feedColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(likes, and(eq(likes.postId, posts.id), eq(likes.userId, viewer)));

/** A page of the feed, newest first; `after`: keyset pagination from (createdAt, id). */
export function feedQuery(db: Db, after: boolean) {
  return postsAsSeenBy(db)
    .where(
      after
        ? sql`(${posts.createdAt}, ${posts.id}) < (${sql.placeholder('createdAt')}, ${sql.placeholder('id')})`
        : undefined,
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(FEED_PAGE_SIZE + 1);
}

// INSERT … SELECT: a like of a post that does not exist inserts nothing (no FK error to catch);
// the primary key makes a second like a no-op. The count follows by trigger.
export function insertLikeQuery(db: Db) {
  return db
    .insert(likes)
    .select(
      db
        .select({
          userId: sql`${sql.placeholder('userId')}`.as('user_id'),
          postId: posts.id,
          createdAt: sql`${sql.placeholder('now')}`.as('created_at'),
        })
        .from(posts)
        .where(eq(posts.id, sql.placeholder('postId'))),
    )
    .onConflictDoNothing();
}

export function deleteLikeQuery(db: Db) {
  return db
    .delete(likes)
    .where(and(eq(likes.userId, sql.placeholder('userId')), eq(likes.postId, sql.placeholder('postId'))));
}

/** One post as the viewer sees it, for its page. */
export function postQuery(db: Db) {
  return postsAsSeenBy(db).where(eq(posts.id, sql.placeholder('postId')));
}

export function likeCountQuery(db: Db) {
  return db
    .select({ likeCount: posts.likeCount })
    .from(posts)
    .where(eq(posts.id, sql.placeholder('postId')));
}

/** Every hot statement, prepared once; callers keep the result for the life of the process. */
export function preparePostStatements(db: Db) {
  return {
    firstPage: feedQuery(db, false).prepare(),
    nextPage: feedQuery(db, true).prepare(),
    insertLike: insertLikeQuery(db).prepare(),
    deleteLike: deleteLikeQuery(db).prepare(),
    likeCount: likeCountQuery(db).prepare(),
    post: postQuery(db).prepare(),
  };
}

export type PostStatements = ReturnType<typeof preparePostStatements>;
