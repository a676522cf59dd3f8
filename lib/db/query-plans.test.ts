// The hot statements must cost the same on 30 posts and on 100,000: every table is reached
// through an index, never scanned whole, and the feed is read in index order, never sorted.
// Each plan is of the statement the app runs: its own query builder, or the trigger's own SQL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Placeholder, type SQLWrapper } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionLookupQuery, tokenStateQuery } from '@/lib/auth/statements';
import { avatarsNamingQuery, postsNamingQuery } from '@/lib/posts/post-photos';
import { searchPeopleQuery, suggestedAccountsQuery } from '@/lib/discovery/statements';
import { deleteLikeQuery, exploreQuery, feedQuery, insertLikeQuery, likeCountQuery, postQuery, suggestedPostsQuery, tagCountQuery, tagPostsQuery } from '@/lib/posts/statements';
import { commentPreviewsQuery, commentsPageQuery, deleteCommentQuery, insertCommentQuery } from '@/lib/comments/statements';
import { markReadQuery, notificationsPageQuery, unreadCountQuery } from '@/lib/notifications/statements';
import { LIMITS, counterKey, releaseStatement, reserveStatement } from '@/lib/security/rate-limit';
import { userByEmailQuery } from '@/lib/users/queries';
import {
  deleteFollowQuery,
  followListQuery,
  followerCountQuery,
  insertFollowQuery,
  profileGridQuery,
  profileQuery,
  userIdByNameQuery,
} from '@/lib/users/statements';
import { useTestDatabase } from '@/testing/database';
import type { Db } from './client';
import { MIGRATIONS_FOLDER } from './migrate';
import { purgeStatement } from './purge';
import { rateLimits, revokedTokens, sessions } from './schema';

type Query = SQLWrapper & { toSQL: () => { sql: string; params: unknown[] } };

let db: Db;
let sqlite: Database.Database;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  sqlite = new Database((process.env.DATABASE_URL ?? '').slice('file:'.length), { readonly: true });
});
afterAll(() => sqlite.close());

const values: Record<string, number | string> = { postIds: '[1,2,3]', commentId: 1, upTo: 1, text: 't', viewerId: 1, userId: 1, postId: 1, createdAt: Date.now(), id: 1, now: Date.now(), jti: 'j', email: 'a@b.c', username: 'alice', followerId: 1, followeeId: 2, tag: 'sunset', from: 'ann', to: `ann${String.fromCodePoint(0x10ffff)}` };

function plan(text: string, params: unknown[] = []): string[] {
  const bound = params.map((p) => (p instanceof Placeholder ? values[p.name] : p));
  return sqlite
    .prepare<unknown[], { detail: string }>(`explain query plan ${text}`)
    .all(...bound)
    .map((row) => row.detail);
}

const planOf = (query: Query) => {
  const { sql, params } = query.toSQL();
  return plan(sql, params);
};

function expectNoFullScan(steps: string[]) {
  expect(steps.length).toBeGreaterThan(0);
  for (const step of steps) {
    expect(step, 'a table read without an index').not.toMatch(/^SCAN \S+$/);
    expect(step, 'a sort of every row').not.toMatch(/TEMP B-TREE/);
  }
}

/** The statements inside the committed triggers, with NEW./OLD. columns as parameters. */
function triggerStatements(migration: string): string[] {
  const text = readFileSync(join(MIGRATIONS_FOLDER, migration), 'utf8');
  const bodies = [...text.matchAll(/\bBEGIN\b([\s\S]*?)\bEND;/g)].map((m) => m[1] ?? '');
  return bodies.flatMap((body) => body.split(';').map((s) => s.trim()).filter(Boolean)).map((s) => s.replace(/\b(NEW|OLD)\.`?\w+`?/g, '?'));
}

describe('query plans', () => {
  // The following feed: one seek per author (whom the viewer follows, and the viewer) into
  // posts_author_idx, covering, merged by the ORDER BY … LIMIT sorter (the one temp b-tree, of a
  // page's rows at most: see feedQuery); then the page's rows, author and "liked by me" by key,
  // in the merge's order (no second sort).
  const followingFeedPlan = (cursor: string) => [
    'CO-ROUTINE feed_page',
    'CO-ROUTINE feed_authors',
    'COMPOUND QUERY',
    'LEFT-MOST SUBQUERY',
    'SEARCH follows USING COVERING INDEX sqlite_autoindex_follows_1 (follower_id=?)',
    'UNION ALL',
    'SCAN CONSTANT ROW',
    'SCAN feed_authors',
    `SEARCH p USING COVERING INDEX posts_author_idx (${cursor})`,
    'USE TEMP B-TREE FOR ORDER BY',
    'SCAN feed_page',
    'SEARCH posts USING INTEGER PRIMARY KEY (rowid=?)',
    'SEARCH users USING INTEGER PRIMARY KEY (rowid=?)',
    expect.stringMatching(/^SEARCH likes USING COVERING INDEX sqlite_autoindex_likes_1 \(user_id=\? AND post_id=\?\)/),
  ];

  it('reads the first page of the following feed by one seek per followed author', () => {
    expect(planOf(feedQuery(db, false))).toEqual(followingFeedPlan('author_id=?'));
  });

  it('seeks each author to the cursor for later pages of the following feed', () => {
    expect(planOf(feedQuery(db, true))).toEqual(followingFeedPlan('author_id=? AND created_at<?'));
  });

  it('reads suggested posts in index order, skipping followed authors by key', () => {
    for (const [after, first] of [
      [false, 'SCAN posts USING INDEX posts_feed_idx'],
      [true, 'SEARCH posts USING INDEX posts_feed_idx (created_at<?)'],
    ] as const) {
      const steps = planOf(suggestedPostsQuery(db, after));
      expectNoFullScan(steps);
      expect(steps[0]).toBe(first);
      expect(steps).toContain('SEARCH follows USING COVERING INDEX sqlite_autoindex_follows_1 (follower_id=? AND followee_id=?)');
    }
  });

  it('reads suggested accounts from the top of the follower-count index', () => {
    const steps = planOf(suggestedAccountsQuery(db));
    expectNoFullScan(steps);
    expect(steps[0]).toBe('SCAN users USING INDEX users_follower_count_idx');
    expect(steps).toContain('SEARCH follows USING COVERING INDEX sqlite_autoindex_follows_1 (follower_id=? AND followee_id=?)');
  });

  it('reads Explore in index order, and a tag page down its tag index', () => {
    for (const [query, first] of [
      [exploreQuery(db, false), 'SCAN posts USING INDEX posts_feed_idx'],
      [exploreQuery(db, true), 'SEARCH posts USING INDEX posts_feed_idx (created_at<?)'],
      [tagPostsQuery(db, false), 'SEARCH post_tags USING COVERING INDEX post_tags_tag_idx (tag=?)'],
      [tagPostsQuery(db, true), 'SEARCH post_tags USING COVERING INDEX post_tags_tag_idx (tag=? AND (created_at,post_id)<(?,?))'],
    ] as const) {
      const steps = planOf(query);
      expectNoFullScan(steps);
      expect(steps[0]).toBe(first);
      expect(steps).toContain('SEARCH users USING INTEGER PRIMARY KEY (rowid=?)');
    }
    expect(planOf(tagCountQuery(db))).toEqual(['SEARCH post_tags USING COVERING INDEX post_tags_tag_idx (tag=?)']);
  });

  it('searches people by two range seeks, sorting only the page they found', () => {
    const steps = planOf(searchPeopleQuery(db));
    // Only the found ids (at most two pages) are scanned and sorted, never the users table.
    for (const step of steps) expect(step, 'a table read without an index').not.toMatch(/^SCAN (?!\(subquery)\S+$/);
    expect(steps).toEqual([
      'SEARCH users USING INTEGER PRIMARY KEY (rowid=?)',
      'LIST SUBQUERY 5',
      'COMPOUND QUERY',
      'LEFT-MOST SUBQUERY',
      'CO-ROUTINE (subquery-2)',
      'SEARCH users USING COVERING INDEX users_username_unique (username>? AND username<?)',
      'SCAN (subquery-2)',
      'UNION USING TEMP B-TREE',
      'CO-ROUTINE (subquery-4)',
      'SEARCH users USING COVERING INDEX users_display_name_search_idx (<expr>>? AND <expr><?)',
      'SCAN (subquery-4)',
      'CREATE BLOOM FILTER',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH follows USING COVERING INDEX sqlite_autoindex_follows_1 (follower_id=? AND followee_id=?)',
      'USE TEMP B-TREE FOR ORDER BY', // of the ids found: at most two pages' worth
    ]);
  });

  it('keeps post_tags by key in the triggers', () => {
    for (const statement of triggerStatements('0008_post_tags.sql')) {
      for (const step of plan(statement, Array<string>((statement.match(/\?/g) ?? []).length).fill('["a"]'))) {
        expect(step, statement).not.toMatch(/^SCAN (?!json_each)\S+$/);
      }
    }
  });

  it('reads the like count by primary key', () => {
    expect(planOf(likeCountQuery(db))).toEqual(['SEARCH posts USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it("reads a post's page by key, author and \"liked by me\" too", () => {
    const steps = planOf(postQuery(db));
    expectNoFullScan(steps);
    expect(steps[0]).toBe('SEARCH posts USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('asks which stored images posts still name through the key indexes (the media sweep)', () => {
    const steps = planOf(postsNamingQuery(db, ['a.webp', 'b.webp']));
    expectNoFullScan(steps);
    expect(steps).toEqual(expect.arrayContaining([expect.stringMatching(/posts_image_key_unique/), expect.stringMatching(/posts_medium_key_unique/), expect.stringMatching(/posts_thumbnail_key_unique/)]));
  });

  it('asks which stored images profiles still name through the avatar key index (the media sweep)', () => {
    expect(planOf(avatarsNamingQuery(db, ['a.webp', 'b.webp']))).toEqual([expect.stringMatching(/^SEARCH users USING (COVERING )?INDEX users_avatar_key_unique \(avatar_key=\?\)/)]);
  });

  it('likes and unlikes by key', () => {
    expect(planOf(insertLikeQuery(db))).toEqual(['SEARCH posts USING INTEGER PRIMARY KEY (rowid=?)']);
    expect(planOf(deleteLikeQuery(db))).toEqual(['SEARCH likes USING INDEX sqlite_autoindex_likes_1 (user_id=? AND post_id=?)']);
  });

  it('keeps the like count by key in the triggers', () => {
    const statements = triggerStatements('0001_like_count_triggers.sql');
    expect(statements).toHaveLength(2);
    for (const statement of statements) expect(plan(statement, [1]), statement).toEqual(['SEARCH posts USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it("reads a profile by username, \"followed by me\" by the follows primary key", () => {
    expect(planOf(profileQuery(db))).toEqual([
      'SEARCH users USING INDEX users_username_unique (username=?)',
      expect.stringMatching(/^SEARCH follows USING COVERING INDEX sqlite_autoindex_follows_1 \(follower_id=\? AND followee_id=\?\)/),
    ]);
  });

  it("reads a profile's grid in posts_author_idx order, first and later pages", () => {
    expect(planOf(profileGridQuery(db, false, 12))).toEqual([
      'SEARCH users USING COVERING INDEX users_username_unique (username=?)',
      'SEARCH posts USING INDEX posts_author_idx (author_id=?)',
    ]);
    expect(planOf(profileGridQuery(db, true, 12))[1]).toBe('SEARCH posts USING INDEX posts_author_idx (author_id=? AND created_at<?)');
  });

  it('reads followers and following lists in index order, newest follow first, with no sort', () => {
    for (const [side, index, column] of [
      ['followers', 'follows_followee_idx', 'followee_id'],
      ['following', 'follows_follower_idx', 'follower_id'],
    ] as const) {
      for (const after of [false, true]) {
        const steps = planOf(followListQuery(db, side, after, 20));
        expectNoFullScan(steps);
        expect(steps[0]).toBe(`SEARCH follows USING INDEX ${index} (${column}=?${after ? ' AND created_at<?' : ''})`);
        expect(steps).toEqual(
          expect.arrayContaining([
            'SEARCH owner USING COVERING INDEX users_username_unique (username=?)',
            'SEARCH users USING INTEGER PRIMARY KEY (rowid=?)',
            expect.stringMatching(/^SEARCH mine USING COVERING INDEX sqlite_autoindex_follows_1 \(follower_id=\? AND followee_id=\?\)/),
          ]),
        );
      }
    }
  });

  it('follows and unfollows by key, and reads the count by key', () => {
    expect(planOf(userIdByNameQuery(db))).toEqual(['SEARCH users USING COVERING INDEX users_username_unique (username=?)']);
    expect(planOf(insertFollowQuery(db))).toEqual(['SEARCH users USING INTEGER PRIMARY KEY (rowid=?)']);
    expect(planOf(deleteFollowQuery(db))).toEqual(['SEARCH follows USING INDEX sqlite_autoindex_follows_1 (follower_id=? AND followee_id=?)']);
    expect(planOf(followerCountQuery(db))).toEqual(['SEARCH users USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it("keeps the follow counts and the follow notification by key in the triggers", () => {
    const statements = triggerStatements('0006_social.sql').filter((s) => /follow/.test(s) && !/^INSERT/.test(s));
    expect(statements).toHaveLength(5);
    for (const statement of statements) {
      const steps = plan(statement, statement.split('?').slice(1).map(() => 1));
      expectNoFullScan(steps);
      expect(steps.every((step) => /^SEARCH /.test(step)), statement).toBe(true);
    }
  });

  it('checks a JWT per request (user, epoch, revoked jti) by keys', () => {
    const steps = planOf(tokenStateQuery(db));
    expectNoFullScan(steps);
    expect(steps).toEqual([
      'SEARCH users USING INTEGER PRIMARY KEY (rowid=?)',
      'SCALAR SUBQUERY 1',
      'SEARCH revoked_tokens USING COVERING INDEX sqlite_autoindex_revoked_tokens_1 (jti=?)',
    ]);
  });

  it('finds a session by its id hash, with its user by key', () => {
    const steps = planOf(sessionLookupQuery(db));
    expectNoFullScan(steps);
    expect(steps).toEqual([
      expect.stringMatching(/^SEARCH sessions USING INDEX sqlite_autoindex_sessions_1 \(id=\?\)/),
      'SEARCH users USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });

  it('finds the account of a login by its email', () => {
    expect(planOf(userByEmailQuery(db))).toEqual([expect.stringMatching(/^SEARCH users USING INDEX users_email_unique \(email=\?\)/)]);
  });

  it('counts and gives back rate-limit attempts by key', () => {
    const reserve = planOf(reserveStatement(LIMITS.loginPerAccount, counterKey(LIMITS.loginPerAccount, 'a@b.c'), Date.now()));
    // An upsert's plan shows no table access for the insert itself; the conflict goes by the key.
    for (const step of reserve) expect(step).not.toMatch(/^SCAN/);
    expect(planOf(releaseStatement({ key: 'k', windowStart: 1 }))).toEqual([
      expect.stringMatching(/^SEARCH rate_limits USING INDEX sqlite_autoindex_rate_limits_1 \(key=\?\)/),
    ]);
  });

  it('purges expired rows through the expiry indexes, never a scan', () => {
    for (const [table, column] of [
      [sessions, sessions.expiresAt],
      [revokedTokens, revokedTokens.expiresAt],
      [rateLimits, rateLimits.windowStart],
    ] as const) {
      const steps = planOf(purgeStatement(db, table, column, Date.now()));
      expectNoFullScan(steps);
      expect(steps.some((s) => /USING (COVERING )?INDEX \w+_(expires|window)_idx/.test(s))).toBe(true);
    }
  });

  it("reads a post's comments oldest first in index order, from the cursor on", () => {
    for (const after of [false, true]) {
      const steps = planOf(commentsPageQuery(db, after));
      expectNoFullScan(steps);
      expect(steps[0]).toMatch(after ? /^SEARCH comments USING INDEX comments_post_idx \(post_id=\? AND created_at>\?\)/ : /^SEARCH comments USING INDEX comments_post_idx \(post_id=\?\)/);
      expect(steps[1]).toBe('SEARCH users USING INTEGER PRIMARY KEY (rowid=?)');
    }
  });

  it('finds the newest two comments of a page of posts by two index steps each', () => {
    const steps = planOf(commentPreviewsQuery(db));
    // The page's ids (a JSON array) are the one scan: of eight values, not of a table.
    expect(steps).toEqual([
      expect.stringMatching(/^SCAN page VIRTUAL TABLE/),
      'SEARCH comments USING INTEGER PRIMARY KEY (rowid=?)',
      'CORRELATED LIST SUBQUERY 1',
      'SEARCH newest USING COVERING INDEX comments_post_idx (post_id=?)', // read backwards, LIMIT 2: no sort
      'SEARCH users USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });

  it('writes and deletes comments by key', () => {
    expect(planOf(insertCommentQuery(db))[0]).toBe('SEARCH posts USING INTEGER PRIMARY KEY (rowid=?)');
    expectNoFullScan(planOf(insertCommentQuery(db)));
    const steps = planOf(deleteCommentQuery(db));
    expectNoFullScan(steps);
    expect(steps[0]).toBe('SEARCH comments USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('keeps counts and notifications by key in the social triggers', () => {
    const statements = triggerStatements('0006_social.sql');
    for (const statement of statements) {
      const steps = plan(statement, Array((statement.match(/\?/g) ?? []).length).fill(1));
      for (const step of steps) expect(step, statement).not.toMatch(/^SCAN (?!CONSTANT ROW)/);
    }
  });

  it('reads notifications newest first in index order, and counts and clears the unread ones in the partial index', () => {
    for (const after of [false, true]) {
      const steps = planOf(notificationsPageQuery(db, after));
      expectNoFullScan(steps);
      expect(steps[0]).toMatch(/^SEARCH notifications USING INDEX notifications_recipient_idx \(recipient_id=\?/);
    }
    // Not covering: SQLite reads read_at from the row though the index implies it; only unread rows are read.
    expect(planOf(unreadCountQuery(db))).toEqual([expect.stringMatching(/^SEARCH notifications USING INDEX notifications_unread_idx \(recipient_id=\?\)/)]);
    expect(planOf(markReadQuery(db))).toEqual([expect.stringMatching(/^SEARCH notifications USING INDEX notifications_unread_idx \(recipient_id=\?/)]);
  });
});
