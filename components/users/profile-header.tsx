'use client';

import { Link } from '@/components/ui/link';
import { useState } from 'react';
import { ROUTES, followersPath, followingPath } from '@/lib/routes';
import { countLabel } from '@/lib/text/format';
import type { Profile } from '@/lib/users/profiles';
import { Avatar } from './avatar';
import { FollowButton } from './follow-button';

const countLinkClass = 'rounded hover:underline';

/** A profile's top: photo, names, counts (the follower count follows the Follow button), bio. */
export function ProfileHeader({ profile }: { profile: Profile }) {
  const [followerCount, setFollowerCount] = useState(profile.followerCount);
  const name = profile.displayName || profile.username;
  return (
    <header className="flex gap-5 px-4 pb-6 sm:gap-10 sm:px-0 sm:pb-10">
      <div className="shrink-0 sm:px-8">
        {/* One size per screen; the other is display:none, so it is heard once. */}
        <div className="hidden sm:block">
          <Avatar username={profile.username} src={profile.avatar} size={150} alt={`${name}'s profile photo`} />
        </div>
        <div className="sm:hidden">
          <Avatar username={profile.username} src={profile.avatar} size={80} alt={`${name}'s profile photo`} />
        </div>
      </div>
      <div className="flex min-w-0 flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-normal break-all">{profile.username}</h1>
          {profile.isMe ? (
            <Link
              href={ROUTES.profileSettings}
              className="rounded-lg bg-neutral-200 px-4 py-1.5 text-sm font-semibold hover:bg-neutral-300 dark:bg-neutral-800 dark:hover:bg-neutral-700"
            >
              Edit profile
            </Link>
          ) : (
            <FollowButton username={profile.username} following={profile.followedByMe} onChange={(state) => setFollowerCount(state.followerCount)} />
          )}
        </div>
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm sm:text-base">
          <li>{countLabel(profile.postCount, 'post')}</li>
          <li>
            <Link href={followersPath(profile.username)} className={countLinkClass} aria-live="polite">
              {countLabel(followerCount, 'follower')}
            </Link>
          </li>
          <li>
            <Link href={followingPath(profile.username)} className={countLinkClass}>
              {countLabel(profile.followingCount, 'following', 'following')}
            </Link>
          </li>
        </ul>
        <div className="text-sm">
          {profile.displayName ? <p className="font-semibold break-words">{profile.displayName}</p> : null}
          {/* Plain text, line breaks as typed (React escapes it; never HTML). */}
          {profile.bio ? <p className="break-words whitespace-pre-line">{profile.bio}</p> : null}
        </div>
      </div>
    </header>
  );
}
