import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { type SQLiteColumn, unionAll } from 'drizzle-orm/sqlite-core';
import { UnauthenticatedError, requireViewer } from '@/lib/auth/dal';
import type { Busy, Requester } from '@/lib/auth/credentials';
import { atomically } from '@/lib/db/atomic';
import { type Db, getDb } from '@/lib/db/client';
import { pendingMedia, posts, users } from '@/lib/db/schema';
import { getMediaStore } from '@/lib/media/storage';
import { discardImages } from '@/lib/posts/post-photos';
import type { RateLimited } from '@/lib/security/rate-limit';
import { findAccount } from './queries';
import { confirmPassword } from './reauth';

/**
 * Every key in the media store that names the user's images (their posts' renditions, their
 * avatar), as rows for pending_media. Exported for its query plan.
 */
export function storedKeysOf(db: Db, userId: number, now: number) {
  const createdAt = sql<number>`${now}`.as('created_at');
  const rendition = (column: SQLiteColumn) =>
    db.select({ key: sql<string>`${column}`.as('key'), createdAt }).from(posts).where(eq(posts.authorId, userId));
  return unionAll(
    rendition(posts.imageKey),
    rendition(posts.mediumKey),
    rendition(posts.thumbnailKey),
    // Last, with a WHERE: SQLite needs one before an upsert's ON CONFLICT in INSERT … SELECT.
    db
      .select({ key: sql<string>`${users.avatarKey}`.as('key'), createdAt })
      .from(users)
      .where(and(eq(users.id, userId), isNotNull(users.avatarKey))),
  );
}

/**
 * Removes the user and everything of theirs, in one transaction: the keys of their stored images
 * are read and recorded in pending_media, then the user row goes, and with it (ON DELETE CASCADE,
 * enforced by both drivers) their posts, the likes and comments on those posts, their own likes,
 * comments, follows in both directions, notifications and sessions. The count triggers run inside
 * the same statement, so every like, comment and follower count on other people's posts and
 * profiles stays equal to its rows. The images are deleted from the store afterwards: a crash
 * before that leaves them recorded, for the sweep.
 */
export async function deleteUser(userId: number): Promise<{ deleted: boolean; imageKeys: string[] }> {
  const now = Date.now();
  // Read and recorded in the transaction that deletes the rows: a post published meanwhile is
  // either in both or (its author gone) refused.
  const [keys, , deleted] = await atomically((db) => [
    storedKeysOf(db, userId, now),
    db.insert(pendingMedia).select(storedKeysOf(db, userId, now)).onConflictDoNothing().returning({ key: pendingMedia.key }),
    db.delete(users).where(eq(users.id, userId)).returning({ id: users.id }),
  ]);
  const imageKeys = keys.map((row) => row.key);
  if (deleted.length === 0) return { deleted: false, imageKeys: [] };
  if (imageKeys.length > 0) {
    try {
      await discardImages(getDb(), getMediaStore(), imageKeys);
    } catch (err) {
      console.error('Deleting an account\'s images failed; the media sweep will remove them:', err);
    }
  }
  return { deleted: true, imageKeys };
}

type Refused = { ok: false; reason: 'invalid' } | RateLimited | Busy;

/**
 * The viewer deletes their own account, after proving it with their password (counted as a login
 * attempt). `gone`: another request deleted it first, between the check and the delete.
 */
export async function deleteMyAccount(password: string, requester: Requester): Promise<{ ok: true; account: { email: string; username: string } } | { ok: false; reason: 'gone' } | Refused> {
  const viewer = await requireViewer();
  const account = await findAccount(viewer.id);
  if (!account) throw new UnauthenticatedError();
  const confirmed = await confirmPassword(account, password, requester);
  if (!confirmed.ok) return confirmed;
  const { deleted } = await deleteUser(viewer.id);
  return deleted ? { ok: true, account: { email: account.email, username: account.username } } : { ok: false, reason: 'gone' };
}
