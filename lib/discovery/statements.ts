// Discovery's account statements (suggested accounts, search), as drizzle query builders: the
// app (queries.ts) prepares them once, and the query-plan test reads their plans. No 'server-only',
// like lib/posts/statements.ts.
import { desc, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { follows, users } from '@/lib/db/schema';

const viewer = sql.placeholder('viewerId');

/** What a row of people shows: never an id or an email. */
const personColumns = {
  username: users.username,
  displayName: users.displayName,
  avatarKey: users.avatarKey,
  followerCount: users.followerCount,
};

const followedByViewer = sql`exists (select 1 from ${follows} where ${follows.followerId} = ${viewer} and ${follows.followeeId} = ${users.id})`;

/** How many accounts "Suggested for you" offers. */
export const SUGGESTED_ACCOUNTS = 5;

/**
 * The most-followed accounts the viewer does not follow yet, not the viewer: read from the top
 * of users_follower_count_idx, probing the follows key per account, so it stops after a few rows.
 */
export const suggestedAccountsQuery = (db: Db) =>
  db
    .select(personColumns)
    .from(users)
    .where(sql`${users.id} <> ${viewer} and not ${followedByViewer}`)
    .orderBy(desc(users.followerCount), desc(users.id))
    .limit(SUGGESTED_ACCOUNTS);

/** How many people a search shows. */
export const SEARCH_RESULTS = 20;

/**
 * People whose username or display name starts with the query, case-insensitively (ASCII, as
 * SQLite's lower()): two range seeks, on users_username_unique (usernames are stored lower-case)
 * and on users_display_name_search_idx (lower(display_name)), each cut at a page, so only those
 * few rows are sorted. A range, not LIKE: '%' and '_' in the query are plain characters.
 */
export const searchPeopleQuery = (db: Db) => {
  const from = sql.placeholder('from');
  const to = sql.placeholder('to');
  const limit = SEARCH_RESULTS + 1;
  return db
    .select({ ...personColumns, following: sql<number>`${followedByViewer}` })
    .from(users)
    .where(
      sql`${users.id} in (
        select id from (select id from ${users} where ${users.username} >= ${from} and ${users.username} < ${to} order by ${users.username} limit ${limit})
        union
        select id from (select id from ${users} where lower(${users.displayName}) >= ${from} and lower(${users.displayName}) < ${to} order by lower(${users.displayName}) limit ${limit}))`,
    )
    .orderBy(users.username)
    .limit(SEARCH_RESULTS);
};
