import 'server-only';
import { requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { mediaUrl } from '@/lib/media/storage';
import type { SearchQuery } from './search';
import { searchPeopleQuery, suggestedAccountsQuery } from './statements';

/** A person in a list (suggestions, search results): what the row shows, never an id or email. */
export type Person = { username: string; displayName: string; avatar: string | null; followerCount: number; following: boolean };

function prepareStatements() {
  const db = getDb();
  return { suggested: suggestedAccountsQuery(db).prepare(), search: searchPeopleQuery(db).prepare() };
}
let statements: ReturnType<typeof prepareStatements> | undefined;
const prepared = () => (statements ??= prepareStatements());

type PersonRow = { username: string; displayName: string; avatarKey: string | null; followerCount: number; following?: number };

const toPerson = ({ avatarKey, following, ...rest }: PersonRow): Person => ({
  ...rest,
  avatar: avatarKey === null ? null : mediaUrl(avatarKey),
  following: Boolean(following),
});

/** Accounts for `viewerId` to follow (the feed's DAL has already checked the viewer). */
export async function suggestedAccounts(viewerId: number): Promise<Person[]> {
  return (await prepared().suggested.execute({ viewerId })).map(toPerson);
}

/** People whose username or display name starts with the query. */
export async function searchPeople(query: Extract<SearchQuery, { kind: 'prefix' }>): Promise<Person[]> {
  const { id: viewerId } = await requireViewer();
  return (await prepared().search.execute({ viewerId, from: query.from, to: query.to })).map(toPerson);
}
