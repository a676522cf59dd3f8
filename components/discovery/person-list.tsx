import { FollowButton } from '@/components/users/follow-button';
import { UserLink } from '@/components/users/user-link';
import type { Person } from '@/lib/discovery/people';

const followers = (n: number) => (n === 1 ? '1 follower' : `${n.toLocaleString('en-US')} followers`);

function Avatar({ person }: { person: Person }) {
  return person.avatar ? (
    // eslint-disable-next-line @next/next/no-img-element -- the stored 320 px square, nothing to optimise
    <img src={person.avatar} alt="" width={44} height={44} className="size-11 shrink-0 rounded-full object-cover" />
  ) : (
    <span aria-hidden="true" className="flex size-11 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-amber-400 to-pink-600 font-semibold text-white uppercase">
      {person.username.charAt(0)}
    </span>
  );
}

/** People (suggestions, search results): avatar, username, display name, followers, and Follow. */
export function PersonList({ people, label }: { people: Person[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col divide-y divide-neutral-200 rounded-xl border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-950">
      {people.map((person) => (
        <li key={person.username} className="flex items-center gap-3 px-3 py-2.5">
          <Avatar person={person} />
          <div className="flex min-w-0 flex-1 flex-col">
            <UserLink username={person.username} className="truncate text-sm font-semibold hover:underline" />
            {person.displayName ? <span className="truncate text-sm text-neutral-600 dark:text-neutral-400">{person.displayName}</span> : null}
            <span className="text-xs text-neutral-500">{followers(person.followerCount)}</span>
          </div>
          <FollowButton username={person.username} following={person.following} />
        </li>
      ))}
    </ul>
  );
}
