import 'server-only';
import { and, eq } from 'drizzle-orm';
import { requireViewer } from '@/lib/auth/dal';
import type { Admission } from '@/lib/http/route';
import { jsonError, retryLater } from '@/lib/http/json';
import { getDb } from '@/lib/db/client';
import { posts } from '@/lib/db/schema';
import { PIPELINES_AT_ONCE, PhotoQueueFull, PhotoRejected, QUEUE_LIMIT, processPhotoQueued } from '@/lib/media/pipeline';
import { getMediaStore } from '@/lib/media/storage';
import { photoKeys } from '@/lib/media/stored-photo';
import { LIMITS, releaseAttempts, reserveAttempts, retryMessage } from '@/lib/security/rate-limit';
import { discardImages, recordPending, settlePending, storePendingPhoto } from './post-photos';
import { type FeedPost, getPost } from './queries';
import type { PostEdit } from './schemas';
import { captionTags } from './tags';

// Creating, editing and deleting posts. A post's images are stored before its row and deleted
// after it, each step recorded in pending_media (post-photos.ts), so a crash at any point leaves
// at worst images the sweep removes; never a post without its photo.

type Refused = { ok: false; reason: 'rejected'; status: 415 | 422; message: string } | { ok: false; reason: 'busy'; retryAfterSeconds: number };
type NotYours = { ok: false; reason: 'not-found' | 'forbidden' };

/**
 * Uploads being received or processed by this server. More would only wait for the pipeline
 * while holding their bodies (up to 15 MB each) in memory, so they are refused before the body
 * is read.
 */
const UPLOADS_AT_ONCE = PIPELINES_AT_ONCE + QUEUE_LIMIT;
/** One person uploads a photo or two at a time; more from one account is a script. */
const UPLOADS_AT_ONCE_PER_USER = 2;
/** A retry after this finds the uploads ahead of it done: each takes well under a second. */
const UPLOADS_RETRY_SECONDS = 5;
let uploadsInFlight = 0;
const uploadsInFlightBy = new Map<number, number>();

/** Takes a place among the uploads in flight, or says why there is none; the returned function gives it back. */
function takeUploadPlace(userId: number): (() => void) | Response {
  if (uploadsInFlight >= UPLOADS_AT_ONCE) {
    return retryLater(503, 'We are busy processing other photos. Please try again in a moment.', UPLOADS_RETRY_SECONDS);
  }
  const mine = uploadsInFlightBy.get(userId) ?? 0;
  if (mine >= UPLOADS_AT_ONCE_PER_USER) {
    return retryLater(429, 'Your other uploads are still on their way. Please wait for them to finish.', UPLOADS_RETRY_SECONDS);
  }
  uploadsInFlight += 1;
  uploadsInFlightBy.set(userId, mine + 1);
  return () => {
    uploadsInFlight -= 1;
    const left = (uploadsInFlightBy.get(userId) ?? 1) - 1;
    if (left > 0) uploadsInFlightBy.set(userId, left);
    else uploadsInFlightBy.delete(userId);
  };
}

export type Upload = { publish(input: { photo: File; caption: string; alt: string }): Promise<{ ok: true; id: number } | Refused> };

/**
 * Before an upload's body is read: a place among the uploads in flight (this server's and the
 * viewer's), an upload attempt counted, and one of the viewer's hourly posts reserved (so
 * parallel uploads cannot pass the limit). Released after the answer; the post reservation
 * stays used only if the post was published, the attempt always.
 */
export async function admitUpload(): Promise<Admission<Upload>> {
  const viewer = await requireViewer();
  const giveBackPlace = takeUploadPlace(viewer.id);
  if (giveBackPlace instanceof Response) return { ok: false, response: giveBackPlace };
  let reserved: Awaited<ReturnType<typeof reserveAttempts>>;
  try {
    const subject = String(viewer.id);
    reserved = await reserveAttempts([
      [LIMITS.uploadsPerUser, subject],
      [LIMITS.postsPerUser, subject],
    ]);
  } catch (err) {
    giveBackPlace();
    throw err;
  }
  if (!reserved.ok) {
    giveBackPlace();
    const message = `You have shared a lot of photos this hour. ${retryMessage(reserved.retryAfterSeconds)}`;
    return { ok: false, response: retryLater(429, message, reserved.retryAfterSeconds) };
  }
  const post = reserved.reservations.slice(1);
  let published = false;
  return {
    ok: true,
    ticket: {
      async publish(input) {
        const result = await createPost(viewer.id, input);
        published = result.ok;
        return result;
      },
    },
    async release() {
      giveBackPlace();
      if (!published) await releaseAttempts(post);
    },
  };
}

async function createPost(authorId: number, input: { photo: File; caption: string; alt: string }): Promise<{ ok: true; id: number } | Refused> {
  const db = getDb();
  const store = getMediaStore();
  let photo;
  try {
    photo = await storePendingPhoto(db, store, await processPhotoQueued(Buffer.from(await input.photo.arrayBuffer())));
  } catch (err) {
    if (err instanceof PhotoRejected) return { ok: false, reason: 'rejected', status: err.status, message: err.message };
    if (err instanceof PhotoQueueFull) return { ok: false, reason: 'busy', retryAfterSeconds: err.retryAfterSeconds };
    throw err;
  }
  const keys = photoKeys(photo);
  let row;
  try {
    [row] = await db.insert(posts).values({ authorId, ...photo, caption: input.caption, tags: captionTags(input.caption), alt: input.alt }).returning({ id: posts.id });
    if (!row) throw new Error('INSERT … RETURNING returned no row');
  } catch (err) {
    await discardImages(db, store, keys).catch((cleanup: unknown) => console.error('Removing an unsaved post\'s images failed; the sweep will:', cleanup));
    throw err;
  }
  await settlePending(db, keys);
  return { ok: true, id: row.id };
}

/** The answer to an upload that was not published. */
export function refusedUpload(refused: Refused): Response {
  return refused.reason === 'rejected'
    ? jsonError(refused.status, refused.message)
    : retryLater(503, 'We are busy processing other photos. Please try again in a moment.', refused.retryAfterSeconds);
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
  // The tags go with the caption, in the same statement (the triggers keep post_tags).
  const values = edit.caption === undefined ? edit : { ...edit, tags: captionTags(edit.caption) };
  const [row] = await getDb().update(posts).set(values).where(ownPost(postId, viewer.id)).returning({ id: posts.id });
  if (!row) return whyNotYours(postId);
  const found = await getPost(postId);
  return found ? { ok: true, post: found.post } : whyNotYours(postId);
}

/** Deletes one of the viewer's posts (its likes go with it), then its stored images. */
export async function deletePost(postId: number): Promise<{ ok: true } | NotYours> {
  const viewer = await requireViewer();
  const db = getDb();
  const columns = { imageKey: posts.imageKey, mediumKey: posts.mediumKey, thumbnailKey: posts.thumbnailKey };
  const [own] = await db.select(columns).from(posts).where(ownPost(postId, viewer.id));
  if (!own) return whyNotYours(postId);
  const keys = photoKeys(own);
  // Pending before the row goes: a crash after the delete still leaves the images to the sweep.
  await recordPending(db, keys);
  const [row] = await db.delete(posts).where(ownPost(postId, viewer.id)).returning({ id: posts.id });
  // Deleted meanwhile by another request of the owner's, which removes the images (or leaves them pending).
  if (!row) return whyNotYours(postId);
  try {
    await discardImages(db, getMediaStore(), keys);
  } catch (err) {
    console.error('Deleting a post\'s images failed; the media sweep will remove them:', err);
  }
  return { ok: true };
}
