'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { verifySession } from '@/lib/auth/dal';
import type { FormState } from '@/lib/forms/form-state';
import { validatedAction } from '@/lib/forms/validated-action';
import { decodeCursor } from '@/lib/posts/cursor';
import type { GridLoadResult } from '@/lib/posts/grid';
import { ROUTES, profilePath } from '@/lib/routes';
import { updateProfile } from './profile-edit';
import { AVATAR_MAX_BYTES, BIO_MAX, DISPLAY_NAME_MAX, PROFILE_MESSAGES, cleanBio, cleanDisplayName } from './profile-limits';
import { type FollowSide, type PeoplePage, getPeople, getProfileGrid } from './profiles';
import { parseUsername } from './username';

const BAD_MARKER = 'Could not load more: the page marker is invalid.';

/** The next page of a profile's grid, for "Load more" and infinite scroll (bound to the username by the page). */
export async function loadMoreProfilePosts(username: unknown, cursor: unknown): Promise<GridLoadResult> {
  await verifySession();
  const name = typeof username === 'string' ? parseUsername(username) : null;
  const after = decodeCursor(cursor);
  if (!name || !after) return { ok: false, error: BAD_MARKER };
  return { ok: true, page: await getProfileGrid(name, after) };
}

export type PeopleLoadResult = { ok: true; page: PeoplePage } | { ok: false; error: string };

/** The next page of a followers or following list. */
export async function loadMorePeople(username: unknown, side: unknown, cursor: unknown): Promise<PeopleLoadResult> {
  await verifySession();
  const name = typeof username === 'string' ? parseUsername(username) : null;
  const after = decodeCursor(cursor);
  if (!name || !after || (side !== 'followers' && side !== 'following')) return { ok: false, error: BAD_MARKER };
  return { ok: true, page: await getPeople(name, side satisfies FollowSide, after) };
}

const profileSchema = z.object({
  displayName: z.string().transform(cleanDisplayName).pipe(z.string().max(DISPLAY_NAME_MAX, PROFILE_MESSAGES.displayNameTooLong)),
  bio: z.string().transform(cleanBio).pipe(z.string().max(BIO_MAX, PROFILE_MESSAGES.bioTooLong)),
  removePhoto: z.string(),
  // A file, read from the form itself below (as text it is ''); named here so its errors have a field.
  photo: z.string(),
});

export type ProfileFormState = FormState<'displayName' | 'bio' | 'removePhoto' | 'photo'> & { saved?: boolean };

const save = validatedAction(profileSchema, { echo: ['displayName', 'bio'] }, async ({ displayName, bio, removePhoto }, formData) => {
  const viewer = await verifySession();
  const file = formData.get('photo');
  const photo = file instanceof File && file.size > 0 ? file : removePhoto === 'on' ? 'remove' : 'keep';
  if (photo instanceof File && photo.size > AVATAR_MAX_BYTES) return { errors: { photo: [PROFILE_MESSAGES.photoTooLarge] } };
  const result = await updateProfile({ displayName, bio, photo });
  if (!result.ok) return { errors: { photo: [result.message] } };
  revalidatePath(profilePath(viewer.username));
  revalidatePath(ROUTES.profileSettings);
  // The form shows what was stored (trimmed, controls dropped), not what was typed.
  return { message: PROFILE_MESSAGES.saved, values: { displayName, bio } };
});

/** The profile form's action: display name, bio, and a new photo or "Remove photo". */
export async function saveProfile(previous: ProfileFormState, formData: unknown): Promise<ProfileFormState> {
  const state = await save(previous, formData);
  return { ...state, saved: state.message === PROFILE_MESSAGES.saved };
}
