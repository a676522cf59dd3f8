import { Avatar } from '@/components/users/avatar';
import { FollowButton } from '@/components/users/follow-button';
import { UserLink } from '@/components/users/user-link';
import type { Person } from '@/lib/discovery/people';
import { countLabel } from '@/lib/text/format';

/** People (suggestions, search results): avatar, username, display name, followers, and Follow. */
export function PersonList({ people, label }: { people: Person[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col divide-y divide-neutral-200 rounded-xl border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-950">
      {people.map((person) => (
        <li key={person.username} className="flex items-center gap-3 px-3 py-2.5">
          <Avatar username={person.username} src={person.avatar} size={44} />
          <div className="flex min-w-0 flex-1 flex-col">
            <UserLink username={person.username} className="truncate text-sm font-semibold hover:underline" />
            {person.displayName ? <span className="truncate text-sm text-neutral-600 dark:text-neutral-400">{person.displayName}</span> : null}
            <span className="text-xs text-neutral-600 dark:text-neutral-400">{countLabel(person.followerCount, 'follower')}</span>
          </div>
          <FollowButton username={person.username} following={person.following} />
        </li>
      ))}
    </ul>
  );
}
