import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { PhotoQueueFull, PhotoRejected, processPhotoQueued } from '@/lib/media/pipeline';
import { getMediaStore } from '@/lib/media/storage';
import { discardImages, recordPending, settlePending, storePendingPhoto } from '@/lib/posts/post-photos';
import { LIMITS, reserveAttempt, retryMessage } from '@/lib/security/rate-limit';

// The viewer edits their own profile: the row is always the viewer's (no id comes from the
// request). A new photo is stored (recorded pending) before the row names it, and the old one is
// deleted after the row no longer does, recorded pending first: a crash at any point leaves at
// worst an image the media sweep removes, never a profile naming a missing image.

export type ProfileEdit = {
  displayName: string;
  bio: string;
  /** A new photo (checked by its content in the pipeline), 'remove', or 'keep'. */
  photo: File | 'remove' | 'keep';
};
export type ProfileEditResult = { ok: true } | { ok: false; field: 'photo'; message: string };

/** Concurrent saves of one profile each try again with the photo the other left (a handful at most). */
const SWAP_ATTEMPTS = 5;

async function processAvatar(viewerId: number, file: File): Promise<{ ok: true; key: string } | { ok: false; message: string }> {
  // Every photo costs decoding, refused or not: the upload limit counts profile photos too.
  const reserved = await reserveAttempt(LIMITS.uploadsPerUser, String(viewerId));
  if (!reserved.ok) return { ok: false, message: `You have uploaded a lot of photos this hour. ${retryMessage(reserved.retryAfterSeconds)}` };
  let processed;
  try {
    processed = await processPhotoQueued(Buffer.from(await file.arrayBuffer()), { shape: 'square' });
  } catch (err) {
    if (err instanceof PhotoRejected) return { ok: false, message: err.message };
    if (err instanceof PhotoQueueFull) return { ok: false, message: 'We are busy processing other photos. Please try again in a moment.' };
    throw err;
  }
  // A square photo is one rendition: image, medium and thumbnail are the same object.
  const stored = await storePendingPhoto(getDb(), getMediaStore(), processed);
  return { ok: true, key: stored.thumbnailKey };
}

export async function updateProfile(edit: ProfileEdit): Promise<ProfileEditResult> {
  const viewer = await requireViewer();
  const db = getDb();
  const texts = { displayName: edit.displayName, bio: edit.bio };
  if (edit.photo === 'keep') {
    await db.update(users).set(texts).where(eq(users.id, viewer.id));
    return { ok: true };
  }

  let newKey: string | null = null;
  if (edit.photo !== 'remove') {
    const avatar = await processAvatar(viewer.id, edit.photo);
    if (!avatar.ok) return { ok: false, field: 'photo', message: avatar.message };
    newKey = avatar.key;
  }
  const store = getMediaStore();
  try {
    for (let attempt = 0; attempt < SWAP_ATTEMPTS; attempt++) {
      const [current] = await db.select({ key: users.avatarKey }).from(users).where(eq(users.id, viewer.id));
      if (!current) throw new Error('the viewer has no users row');
      const oldKey = current.key;
      // Pending before the row lets go of it, so a crash right after still leaves it to the sweep.
      if (oldKey) await recordPending(db, [oldKey]);
      // Swapped only if no other save changed the photo since it was read (each then deletes what it replaced).
      const [row] = await db
        .update(users)
        .set({ ...texts, avatarKey: newKey })
        .where(and(eq(users.id, viewer.id), oldKey ? eq(users.avatarKey, oldKey) : isNull(users.avatarKey)))
        .returning({ id: users.id });
      if (!row) continue;
      if (newKey) await settlePending(db, [newKey]);
      if (oldKey && oldKey !== newKey) {
        await discardImages(db, store, [oldKey]).catch((err: unknown) => console.error('Deleting a replaced profile photo failed; the media sweep will:', err));
      }
      return { ok: true };
    }
    throw new Error('the profile photo kept changing under this save');
  } catch (err) {
    if (newKey) await discardImages(db, store, [newKey]).catch((cleanup: unknown) => console.error('Removing an unsaved profile photo failed; the sweep will:', cleanup));
    throw err;
  }
}
