import type { Metadata } from 'next';
import { PersonList } from '@/components/discovery/person-list';
import { verifySession } from '@/lib/auth/dal';
import { searchPeople } from '@/lib/discovery/people';
import { SEARCH_MAX, parseSearchQuery } from '@/lib/discovery/search';

export const metadata: Metadata = { title: 'Search' };

const hint = 'text-sm text-neutral-600 dark:text-neutral-400 px-3 sm:px-0';

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  await verifySession();
  const query = parseSearchQuery((await searchParams).q);
  const people = query.kind === 'prefix' ? await searchPeople(query) : [];
  return (
    <div className="flex flex-col gap-3">
      <h1 className="px-3 text-lg font-semibold sm:px-0">Search</h1>
      {query.kind === 'empty' ? <p className={hint}>Type the start of a username or a name into Search.</p> : null}
      {query.kind === 'too-long' ? <p className={hint}>Search for at most {SEARCH_MAX} characters.</p> : null}
      {query.kind === 'prefix' && people.length === 0 ? <p className={hint}>No accounts match “{query.text}”.</p> : null}
      {people.length > 0 ? <PersonList people={people} label={`Accounts matching ${query.kind === 'prefix' ? query.text : ''}`} /> : null}
    </div>
  );
}
