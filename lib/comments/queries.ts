import 'server-only';
import { requireVerifiedViewer, requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import type { Admission } from '@/lib/http/route';
import { retryLater } from '@/lib/http/json';
import { type FeedCursor, encodeCursor } from '@/lib/posts/cursor';
import { LIMITS, releaseAttempts, reserveAttempt, retryMessage } from '@/lib/security/rate-limit';
import { COMMENT_PAGE_SIZE, type CommentStatements, prepareCommentStatements } from './statements';

/** A comment as the API answers it and the pages show it: public fields only. */
export type CommentView = { id: number; text: string; author: string; createdAt: number };
export type CommentsPage = { comments: CommentView[]; nextCursor: string | null };

// Prepared once per process, on first use (the database is opened lazily).
let statements: CommentStatements | undefined;
const prepared = () => (statements ??= prepareCommentStatements(getDb()));

async function postExists(postId: number): Promise<boolean> {
  return (await prepared().postExists.execute({ postId })).length > 0;
}

/** A page of a post's comments, oldest first; null when there is no such post. */
export async function getCommentsPage(postId: number, cursor: FeedCursor | null): Promise<CommentsPage | null> {
  await requireViewer();
  const { firstPage, nextPage } = prepared();
  const rows = await (cursor ? nextPage.execute({ postId, createdAt: cursor.createdAt, id: cursor.id }) : firstPage.execute({ postId }));
  // Only an empty page needs the second look: comments exist only on posts that do.
  if (rows.length === 0 && !(await postExists(postId))) return null;
  const page = rows.slice(0, COMMENT_PAGE_SIZE);
  const last = page.at(-1);
  return { comments: page, nextCursor: rows.length > COMMENT_PAGE_SIZE && last ? encodeCursor(last) : null };
}

export type Commenting = { add(postId: number, text: string): Promise<CommentView | null> };

/**
 * Before a comment's body is read: one of the viewer's hourly comments reserved (one atomic
 * statement, so parallel requests cannot pass the limit). Given back after the answer unless a
 * comment was written.
 */
export async function admitComment(): Promise<Admission<Commenting>> {
  const viewer = await requireVerifiedViewer();
  const reserved = await reserveAttempt(LIMITS.commentsPerUser, String(viewer.id));
  if (!reserved.ok) {
    const message = `You have commented a lot this hour. ${retryMessage(reserved.retryAfterSeconds)}`;
    return { ok: false, response: retryLater(429, message, reserved.retryAfterSeconds) };
  }
  let written = false;
  return {
    ok: true,
    ticket: {
      async add(postId, text) {
        const comment = await addComment(postId, text);
        written = comment !== null;
        return comment;
      },
    },
    async release() {
      if (!written) await releaseAttempts(reserved.reservations);
    },
  };
}

/** The viewer comments on a post (text already cleaned, schemas.ts); null when there is no such post. */
export async function addComment(postId: number, text: string): Promise<CommentView | null> {
  const viewer = await requireVerifiedViewer();
  const [row] = await prepared().insert.execute({ postId, viewerId: viewer.id, text, now: Date.now() });
  return row ? { ...row, author: viewer.username } : null;
}

/** Deletes a comment of the viewer's, or any comment on the viewer's post. */
export async function deleteComment(commentId: number): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'forbidden' }> {
  const viewer = await requireViewer();
  const { delete: remove, commentExists } = prepared();
  const [row] = await remove.execute({ commentId, viewerId: viewer.id });
  if (row) return { ok: true };
  const [exists] = await commentExists.execute({ commentId });
  return { ok: false, reason: exists ? 'forbidden' : 'not-found' };
}

/** The newest comments (oldest of them first) of each of these posts, in one query. */
export async function commentPreviews(postIds: readonly number[]): Promise<Map<number, CommentView[]>> {
  await requireViewer();
  const previews = new Map<number, CommentView[]>();
  if (postIds.length === 0) return previews;
  const rows = await prepared().previews.execute({ postIds: JSON.stringify(postIds) });
  for (const { postId, ...comment } of rows) previews.set(postId, [...(previews.get(postId) ?? []), comment]);
  for (const list of previews.values()) list.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  return previews;
}
