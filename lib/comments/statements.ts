// The comment queries as drizzle query builders, prepared once per process by queries.ts; the
// query-plan test runs the very same SQL. No 'server-only', as lib/posts/statements.ts.
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { afterCursor } from '@/lib/db/keyset';
import { comments, posts, users } from '@/lib/db/schema';

/** Comments on a post's page, and in each page of the API. */
export const COMMENT_PAGE_SIZE = 20;
/** The newest comments a feed card shows. */
export const PREVIEW_COMMENTS = 2;

const postId = sql.placeholder('postId');
const viewer = sql.placeholder('viewerId');

// Exactly the public fields: the author by username, never by id or email.
const commentColumns = { id: comments.id, text: comments.text, author: users.username, createdAt: comments.createdAt };

/** A page of a post's comments, oldest first; `after`: keyset from (createdAt, id). */
export function commentsPageQuery(db: Db, after: boolean) {
  return db
    .select(commentColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        eq(comments.postId, postId),
        after ? afterCursor(comments.createdAt, comments.id, 'oldest first') : undefined,
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(COMMENT_PAGE_SIZE + 1);
}

// INSERT … SELECT: a comment on a post that does not exist (or was just deleted) inserts nothing,
// no FK error to catch. The count and the notification follow by trigger.
export function insertCommentQuery(db: Db) {
  return db
    .insert(comments)
    .select(
      db
        .select({
          // The table's columns in order, as drizzle wants: a null id is the next rowid.
          id: sql`null`.as('id'),
          postId: posts.id,
          authorId: sql`${viewer}`.as('author_id'),
          text: sql`${sql.placeholder('text')}`.as('text'),
          createdAt: sql`${sql.placeholder('now')}`.as('created_at'),
        })
        .from(posts)
        .where(eq(posts.id, postId)),
    )
    .returning({ id: comments.id, text: comments.text, createdAt: comments.createdAt });
}

// One statement decides and deletes: the comment's author, or the owner of the post it is on.
// Checking first and deleting after would let a request slip between the two.
export function deleteCommentQuery(db: Db) {
  const commentId = sql.placeholder('commentId');
  const onOwnPost = sql`exists (select 1 from ${posts} where ${posts.id} = ${comments.postId} and ${posts.authorId} = ${viewer})`;
  return db
    .delete(comments)
    .where(and(eq(comments.id, commentId), or(eq(comments.authorId, viewer), onOwnPost)))
    .returning({ id: comments.id });
}

/** Whether a comment exists, to tell a refusal (403) from an unknown id (404). */
export function commentExistsQuery(db: Db) {
  return db.select({ id: comments.id }).from(comments).where(eq(comments.id, sql.placeholder('commentId')));
}

export function postExistsQuery(db: Db) {
  return db.select({ id: posts.id }).from(posts).where(eq(posts.id, postId));
}

// The newest two comments of each post of a feed page, in one query: the ids arrive as one JSON
// array (so the statement is prepared once, whatever the page's size), and each post's two are
// found by a seek to its end of comments_post_idx, read backwards: two index steps a post, however
// many comments it has (a ROW_NUMBER() window would read every comment of every post).
export function commentPreviewsQuery(db: Db) {
  return db
    .select({ postId: comments.postId, ...commentColumns })
    .from(sql`json_each(${sql.placeholder('postIds')}) as page`)
    .innerJoin(
      comments,
      sql`${comments.id} in (select newest.id from ${comments} as newest where newest.post_id = page.value order by newest.created_at desc, newest.id desc limit ${PREVIEW_COMMENTS})`,
    )
    .innerJoin(users, eq(users.id, comments.authorId));
}

export function prepareCommentStatements(db: Db) {
  return {
    firstPage: commentsPageQuery(db, false).prepare(),
    nextPage: commentsPageQuery(db, true).prepare(),
    insert: insertCommentQuery(db).prepare(),
    delete: deleteCommentQuery(db).prepare(),
    commentExists: commentExistsQuery(db).prepare(),
    postExists: postExistsQuery(db).prepare(),
    previews: commentPreviewsQuery(db).prepare(),
  };
}

export type CommentStatements = ReturnType<typeof prepareCommentStatements>;
