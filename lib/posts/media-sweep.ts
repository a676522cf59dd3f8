// The media sweep, for posts: objects no post names any more (an upload cut short between its
// images and its row, a delete whose image removal failed) are removed once they are an hour old,
// at start-up, every hour after, and by `npm run media:sweep`.
import { inArray, or } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { posts } from '@/lib/db/schema';
import type { MediaStore } from '@/lib/media/storage';
import { photoKeys } from '@/lib/media/stored-photo';
import { sweepUnreferencedMedia } from '@/lib/media/sweep';

/** Far longer than any upload takes between storing its images and inserting its row. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** The posts that name any of these keys (each key column is uniquely indexed); exported for its query plan. */
export const postsNamingQuery = (db: Db, keys: string[]) =>
  db
    .select({ imageKey: posts.imageKey, mediumKey: posts.mediumKey, thumbnailKey: posts.thumbnailKey })
    .from(posts)
    .where(or(inArray(posts.imageKey, keys), inArray(posts.mediumKey, keys), inArray(posts.thumbnailKey, keys)));

/** Which of these media keys a post still names. */
export async function referencedMediaKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  return new Set((await postsNamingQuery(db, keys)).flatMap(photoKeys));
}

export function sweepOrphanedMedia(db: Db, store: MediaStore) {
  return sweepUnreferencedMedia(store, (keys) => referencedMediaKeys(db, keys), { olderThanMs: ORPHAN_AGE_MS });
}
