import 'server-only';
import { requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { mediaUrl } from '@/lib/media/storage';
import { type FeedCursor, encodeCursor } from '@/lib/posts/cursor';
import { GRID_PAGE_SIZE, type GridPage, toGridPage } from '@/lib/posts/grid';
import { followListQuery, profileGridQuery, profileQuery } from './statements';

// Profiles as the viewer sees them. Only public fields leave this module: never a user's id,
// email, password hash or token epoch (the ids stay inside the queries).

export type Profile = {
  username: string;
  displayName: string;
  bio: string;
  /** The 320 px square photo, or null: the initial is shown. */
  avatar: string | null;
  postCount: number;
  followerCount: number;
  followingCount: number;
  followedByMe: boolean;
  isMe: boolean;
};

/** Someone in a followers or following list. */
export type Person = { username: string; displayName: string; avatar: string | null; followedByMe: boolean; isMe: boolean };
export type PeoplePage = { people: Person[]; nextCursor: string | null };
export type FollowSide = 'followers' | 'following';

/** A screenful of people; the next loads well before the end. */
export const PEOPLE_PAGE_SIZE = 20;

function prepareProfileStatements() {
  const db = getDb();
  return {
    profile: profileQuery(db).prepare(),
    firstGrid: profileGridQuery(db, false, GRID_PAGE_SIZE).prepare(),
    nextGrid: profileGridQuery(db, true, GRID_PAGE_SIZE).prepare(),
    followers: followListQuery(db, 'followers', false, PEOPLE_PAGE_SIZE).prepare(),
    nextFollowers: followListQuery(db, 'followers', true, PEOPLE_PAGE_SIZE).prepare(),
    following: followListQuery(db, 'following', false, PEOPLE_PAGE_SIZE).prepare(),
    nextFollowing: followListQuery(db, 'following', true, PEOPLE_PAGE_SIZE).prepare(),
  };
}
let statements: ReturnType<typeof prepareProfileStatements> | undefined;
const prepared = () => (statements ??= prepareProfileStatements());

const avatarUrl = (key: string | null) => (key ? mediaUrl(key) : null);

/** The profile of `username` (any case), or null when there is no such user. */
export async function getProfile(username: string): Promise<Profile | null> {
  const viewer = await requireViewer();
  const [row] = await prepared().profile.execute({ viewerId: viewer.id, username: username.toLowerCase() });
  if (!row) return null;
  return {
    username: row.username,
    displayName: row.displayName,
    bio: row.bio,
    avatar: avatarUrl(row.avatarKey),
    postCount: row.postCount,
    followerCount: row.followerCount,
    followingCount: row.followingCount,
    followedByMe: Boolean(row.followedByMe),
    isMe: row.id === viewer.id,
  };
}

/** A page of the user's posts, newest first (empty for an unknown user). */
export async function getProfileGrid(username: string, cursor: FeedCursor | null): Promise<GridPage> {
  await requireViewer();
  const { firstGrid, nextGrid } = prepared();
  const name = username.toLowerCase();
  const rows = await (cursor ? nextGrid.execute({ username: name, ...cursor }) : firstGrid.execute({ username: name }));
  return toGridPage(rows);
}

/** A page of the user's followers, or of the people they follow: newest follow first. */
export async function getPeople(username: string, side: FollowSide, cursor: FeedCursor | null): Promise<PeoplePage> {
  const viewer = await requireViewer();
  const s = prepared();
  const [first, next] = side === 'followers' ? [s.followers, s.nextFollowers] : [s.following, s.nextFollowing];
  const args = { username: username.toLowerCase(), viewerId: viewer.id };
  const rows = await (cursor ? next.execute({ ...args, ...cursor }) : first.execute(args));
  const page = rows.slice(0, PEOPLE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    people: page.map((row) => ({
      username: row.username,
      displayName: row.displayName,
      avatar: avatarUrl(row.avatarKey),
      followedByMe: Boolean(row.followedByMe),
      isMe: row.username === viewer.username,
    })),
    nextCursor: rows.length > PEOPLE_PAGE_SIZE && last ? encodeCursor({ createdAt: last.createdAt, id: last.rowid }) : null,
  };
}
