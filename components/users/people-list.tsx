'use client';

import { LoadMoreFooter } from '@/components/ui/load-more-footer';
import { useLoadMore } from '@/components/ui/use-load-more';
import type { PeopleLoadResult } from '@/lib/users/actions';
import type { PeoplePage, Person } from '@/lib/users/profiles';
import { Avatar } from './avatar';
import { FollowButton } from './follow-button';
import { UserLink } from './user-link';

const PEOPLE_SHAPE = { items: (page: PeoplePage) => page.people, key: (person: Person) => person.username };

type PeopleListProps = { initial: PeoplePage; loadMore: (cursor: string) => Promise<PeopleLoadResult>; empty: string; label: string };

/** Followers or following: each person's photo, username and name, and a Follow button (not on yourself). */
export function PeopleList({ initial, loadMore, empty, label }: PeopleListProps) {
  const list = useLoadMore(initial, loadMore, PEOPLE_SHAPE, 'Could not load more people. Check your connection and try again.');
  if (list.items.length === 0) return <p className="py-16 text-center text-neutral-500">{empty}</p>;
  return (
    <div>
      <ul aria-label={label} className="flex flex-col">
        {list.items.map((person) => (
          <li key={person.username} className="flex items-center gap-3 px-4 py-2 sm:px-0">
            <Avatar username={person.username} src={person.avatar} size={44} />
            <div className="flex min-w-0 flex-1 flex-col">
              <UserLink username={person.username} className="truncate text-sm font-semibold hover:underline" />
              {person.displayName ? <span className="truncate text-sm text-neutral-500 dark:text-neutral-400">{person.displayName}</span> : null}
            </div>
            {person.isMe ? null : <FollowButton username={person.username} following={person.followedByMe} />}
          </li>
        ))}
      </ul>
      {list.cursor || list.error ? (
        <LoadMoreFooter sentinel={list.sentinel} error={list.error} more={Boolean(list.cursor)} loading={list.loading} onLoadMore={list.loadMore} />
      ) : null}
    </div>
  );
}
