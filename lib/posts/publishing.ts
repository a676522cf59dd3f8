import 'server-only';
import { and, eq } from 'drizzle-orm';
import { requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { posts } from '@/lib/db/schema';
import { PhotoQueueFull, PhotoRejected, processPhotoQueued } from '@/lib/media/pipeline';
import { getMediaStore } from '@/lib/media/storage';
import { photoKeys, storePhoto } from '@/lib/media/stored-photo';
import { LIMITS, releaseAttempts, reserveAttempt } from '@/lib/security/rate-limit';
import type { PostEdit } from './schemas';
import { type FeedPost, getPost } from './queries';

// Creating, editing and deleting posts. Images are stored before the row that points at them
// and deleted after the row is gone, so a crash at any point leaves at worst objects that no
// row names, which the media sweep removes; never a post without its photo.

type Refused =
  | { ok: false; reason: 'rate-limited' | 'busy'; retryAfterSeconds: number }
  | { ok: false; reason: 'rejected'; status: 415 | 422; message: string };
type NotYours = { ok: false; reason: 'not-found' | 'forbidden' };

/** Publishes a photo for the viewer: counted against their hourly limit before any work. */
export async function createPost(input: { photo: Uint8Array; caption: string; alt: string }): Promise<{ ok: true; id: number } | Refused> {
  const viewer = await requireViewer();
  const reserved = await reserveAttempt(LIMITS.postsPerUser, String(viewer.id));
  if (!reserved.ok) return reserved;
  try {
    const photo = await storePhoto(getMediaStore(), await processPhotoQueued(Buffer.from(input.photo)));
    const [row] = await getDb()
      .insert(posts)
      .values({ authorId: viewer.id, ...photo, caption: input.caption, alt: input.alt })
      .returning({ id: posts.id });
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return { ok: true, id: row.id };
  } catch (err) {
    // Not published, so not counted.
    await releaseAttempts(reserved.reservations);
    if (err instanceof PhotoRejected) return { ok: false, reason: 'rejected', status: err.status, message: err.message };
    if (err instanceof PhotoQueueFull) return { ok: false, reason: 'busy', retryAfterSeconds: err.retryAfterSeconds };
    throw err;
  }
}

/** Why a write on someone's post found no row of theirs: no such post, or another's. */
async function whyNotYours(postId: number): Promise<NotYours> {
  const [row] = await getDb().select({ id: posts.id }).from(posts).where(eq(posts.id, postId));
  return { ok: false, reason: row ? 'forbidden' : 'not-found' };
}

const ownPost = (postId: number, viewerId: number) => and(eq(posts.id, postId), eq(posts.authorId, viewerId));

/** Changes the caption or alt text of one of the viewer's posts. */
export async function editPost(postId: number, edit: PostEdit): Promise<{ ok: true; post: FeedPost } | NotYours> {
  const viewer = await requireViewer();
  const [row] = await getDb().update(posts).set(edit).where(ownPost(postId, viewer.id)).returning({ id: posts.id });
  if (!row) return whyNotYours(postId);
  const found = await getPost(postId);
  return found ? { ok: true, post: found.post } : whyNotYours(postId);
}

/** Deletes one of the viewer's posts (its likes cascade), then its stored images. */
export async function deletePost(postId: number): Promise<{ ok: true } | NotYours> {
  const viewer = await requireViewer();
  const [row] = await getDb()
    .delete(posts)
    .where(ownPost(postId, viewer.id))
    .returning({ imageKey: posts.imageKey, mediumKey: posts.mediumKey, thumbnailKey: posts.thumbnailKey });
  if (!row) return whyNotYours(postId);
  try {
    await getMediaStore().delete(photoKeys(row));
  } catch (err) {
    // The post is gone either way; the sweep removes objects no row names.
    console.error('Deleting a post\'s images failed; the media sweep will remove them:', err);
  }
  return { ok: true };
}
