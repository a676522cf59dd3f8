// The profile and follow statements, as drizzle query builders: the app (follows.ts,
// profiles.ts) prepares them once, and the query-plan test reads their plans. No 'server-only',
// like lib/posts/statements.ts.
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/lib/db/client';
import { follows, posts, users } from '@/lib/db/schema';
import { gridColumns } from '@/lib/posts/grid';

const placeholder = sql.placeholder;
/** The viewer's own follow of a listed person ("followed by me"). */
const mine = alias(follows, 'mine');
/** The user whose list it is, found by username inside the list's own query. */
const owner = alias(users, 'owner');

/** A user's id by username (stored lower-case), for the follow API. */
export const userIdByNameQuery = (db: Db) =>
  db.select({ id: users.id }).from(users).where(eq(users.username, placeholder('username')));

// INSERT … SELECT: a follow of a user deleted meanwhile inserts nothing (no FK error to catch);
// the primary key makes a second follow a no-op. Counts and the notification follow by trigger.
export const insertFollowQuery = (db: Db) =>
  db
    .insert(follows)
    .select(
      db
        .select({
          followerId: sql`${placeholder('followerId')}`.as('follower_id'),
          followeeId: users.id,
          createdAt: sql`${placeholder('now')}`.as('created_at'),
        })
        .from(users)
        .where(eq(users.id, placeholder('followeeId'))),
    )
    .onConflictDoNothing();

export const deleteFollowQuery = (db: Db) =>
  db.delete(follows).where(and(eq(follows.followerId, placeholder('followerId')), eq(follows.followeeId, placeholder('followeeId'))));

export const followerCountQuery = (db: Db) =>
  db.select({ followerCount: users.followerCount }).from(users).where(eq(users.id, placeholder('followeeId')));

/** A profile as the viewer sees it; "followed by me" by a left join on the follows primary key. */
export const profileQuery = (db: Db) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      bio: users.bio,
      avatarKey: users.avatarKey,
      postCount: users.postCount,
      followerCount: users.followerCount,
      followingCount: users.followingCount,
      followedByMe: sql<number>`${follows.followerId} is not null`,
    })
    .from(users)
    .leftJoin(follows, and(eq(follows.followerId, placeholder('viewerId')), eq(follows.followeeId, users.id)))
    .where(eq(users.username, placeholder('username')));

/**
 * One page of someone's followers (`side` 'followers') or of whom they follow ('following'),
 * newest follow first, with each person's profile by join and "followed by me" by the primary
 * key. Keyset on (created_at, rowid): the index (…_id, created_at) ends in the rowid, so the
 * order is the index's own and the tie-break costs no sort.
 */
export function followListQuery(db: Db, side: 'followers' | 'following', after: boolean, limit: number) {
  const [listed, person] = side === 'followers' ? [follows.followeeId, follows.followerId] : [follows.followerId, follows.followeeId];
  const rowid = sql<number>`${follows}.rowid`;
  return db
    .select({
      username: users.username,
      displayName: users.displayName,
      avatarKey: users.avatarKey,
      followedByMe: sql<number>`${mine.followerId} is not null`,
      createdAt: follows.createdAt,
      rowid,
    })
    .from(follows)
    .innerJoin(users, eq(users.id, person))
    .leftJoin(mine, and(eq(mine.followerId, placeholder('viewerId')), eq(mine.followeeId, users.id)))
    .where(
      and(
        eq(listed, db.select({ id: owner.id }).from(owner).where(eq(owner.username, placeholder('username')))),
        after ? sql`(${follows.createdAt}, ${rowid}) < (${placeholder('createdAt')}, ${placeholder('id')})` : undefined,
      ),
    )
    .orderBy(desc(follows.createdAt), desc(rowid))
    .limit(limit + 1);
}

/** One page of a user's grid, newest first, on posts_author_idx; keyset on (created_at, id). */
export function profileGridQuery(db: Db, after: boolean, limit: number) {
  return db
    .select(gridColumns)
    .from(users)
    .innerJoin(posts, eq(posts.authorId, users.id))
    .where(
      and(
        eq(users.username, placeholder('username')),
        after ? sql`(${posts.createdAt}, ${posts.id}) < (${placeholder('createdAt')}, ${placeholder('id')})` : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(limit + 1);
}
