import 'server-only';
import { Link } from '@/components/ui/link';
import { PeopleList } from '@/components/users/people-list';
import { followersPath, followingPath, profilePath } from '@/lib/routes';
import { loadMorePeople } from '@/lib/users/actions';
import { type FollowSide, getPeople } from '@/lib/users/profiles';
import { profileFor, profileTitle } from './profile-page';

const SIDES = {
  followers: { path: followersPath, heading: 'Followers', empty: 'No followers yet.' },
  following: { path: followingPath, heading: 'Following', empty: 'Not following anyone yet.' },
} as const;

export async function peopleTitle(raw: string, side: FollowSide) {
  return `${SIDES[side].heading} of ${profileTitle(await profileFor(raw, SIDES[side].path))}`;
}

/** /u/<username>/followers and /following: the same page, from either side of the follows. */
export async function PeoplePage({ raw, side }: { raw: string; side: FollowSide }) {
  const { path, heading, empty } = SIDES[side];
  const profile = await profileFor(raw, path);
  const initial = await getPeople(profile.username, side, null);
  return (
    <section aria-labelledby="people-heading" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1 px-4 sm:px-0">
        <Link href={profilePath(profile.username)} className="self-start rounded text-sm text-neutral-500 hover:underline dark:text-neutral-400">
          ← {profile.username}
        </Link>
        <h1 id="people-heading" className="text-xl font-semibold">
          {heading}
        </h1>
      </div>
      <PeopleList initial={initial} loadMore={loadMorePeople.bind(null, profile.username, side)} empty={empty} label={heading} />
    </section>
  );
}
