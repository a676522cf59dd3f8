import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { verifySession } from '@/lib/auth/dal';
import { getProfile } from '@/lib/users/profiles';
import { parseUsername } from '@/lib/users/username';

/**
 * The profile a /u/<username>… page is about, read once per request (metadata and page share
 * it): an unknown user is the 404 page, and /u/Alice goes to /u/alice (usernames are lower-case).
 */
export const profileFor = cache(async (raw: string, canonical: (username: string) => string) => {
  await verifySession();
  const username = parseUsername(raw);
  if (!username) notFound();
  if (username !== raw) redirect(canonical(username));
  const profile = await getProfile(username);
  if (!profile) notFound();
  return profile;
});

export const profileTitle = (profile: { displayName: string; username: string }) =>
  profile.displayName ? `${profile.displayName} (@${profile.username})` : `@${profile.username}`;
