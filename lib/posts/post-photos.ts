// A post's photo in the media store, kept in step with the database. Its keys are recorded in
// pending_media before any image is stored, and again before its post is deleted; they are
// cleared once the post's row is in, or its images are gone (profile photos alike:
// lib/users/profile-edit.ts). The sweep removes only what is left
// (an upload or a delete cut short by a crash), older than an hour: nothing stays behind for
// good, and a store shared with another database never loses that database's images.
import { inArray, lt, or } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { pendingMedia, posts, users } from '@/lib/db/schema';
import type { ProcessedPhoto } from '@/lib/media/pipeline';
import type { MediaStore } from '@/lib/media/storage';
import { type StoredPhoto, photoKeys, storePhoto } from '@/lib/media/stored-photo';

/** Far longer than any upload takes between storing its images and inserting its row. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** Keys looked at per sweep step (one query's worth of parameters). */
const SWEEP_BATCH = 500;

/** From now on these keys are garbage unless a post names them (before storing, and before a post's delete). */
export const recordPending = (db: Db, keys: string[]) =>
  db
    .insert(pendingMedia)
    .values(keys.map((key) => ({ key, createdAt: Date.now() })))
    .onConflictDoNothing();

/** The keys are where they belong: named by a post, or deleted from the store. */
export const settlePending = (db: Db, keys: string[]) => db.delete(pendingMedia).where(inArray(pendingMedia.key, keys));

/** Stores the renditions, recorded as pending first: until the caller's post row is in and it settles them, they are garbage. */
export function storePendingPhoto(db: Db, store: MediaStore, photo: ProcessedPhoto): Promise<StoredPhoto> {
  return storePhoto(store, photo, (keys) => recordPending(db, keys));
}

/** Deletes images no row names any more; recorded first, so a failure here leaves them for the sweep. */
export async function discardImages(db: Db, store: MediaStore, keys: string[]): Promise<void> {
  await recordPending(db, keys);
  await store.delete(keys);
  await settlePending(db, keys);
}

/** The posts that name any of these keys (each key column is uniquely indexed); exported for its query plan. */
export const postsNamingQuery = (db: Db, keys: string[]) =>
  db
    .select({ imageKey: posts.imageKey, mediumKey: posts.mediumKey, thumbnailKey: posts.thumbnailKey })
    .from(posts)
    .where(or(inArray(posts.imageKey, keys), inArray(posts.mediumKey, keys), inArray(posts.thumbnailKey, keys)));

/** The profile photos among these keys (users.avatar_key is uniquely indexed); exported for its query plan. */
export const avatarsNamingQuery = (db: Db, keys: string[]) =>
  db.select({ key: users.avatarKey }).from(users).where(inArray(users.avatarKey, keys));

/** Which of these keys a post or a profile names: those stay. */
async function namedKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const [postRows, avatarRows] = await Promise.all([postsNamingQuery(db, keys), avatarsNamingQuery(db, keys)]);
  return new Set([...postRows.flatMap(photoKeys), ...avatarRows.flatMap((row) => (row.key ? [row.key] : []))]);
}

/** Pending keys older than ORPHAN_AGE_MS: those no post or profile names are deleted from the store; all are settled. */
export async function sweepPendingMedia(db: Db, store: MediaStore, now = Date.now()): Promise<{ removed: number; kept: number }> {
  let removed = 0;
  let kept = 0;
  for (;;) {
    const rows = await db
      .select({ key: pendingMedia.key })
      .from(pendingMedia)
      .where(lt(pendingMedia.createdAt, now - ORPHAN_AGE_MS))
      .limit(SWEEP_BATCH);
    const keys = rows.map((r) => r.key);
    if (keys.length === 0) break;
    const named = await namedKeys(db, keys);
    const garbage = keys.filter((key) => !named.has(key));
    await store.delete(garbage);
    await settlePending(db, keys);
    removed += garbage.length;
    kept += keys.length - garbage.length;
    if (keys.length < SWEEP_BATCH) break;
  }
  return { removed, kept };
}
