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
import { deleteLikeQuery, feedQuery, insertLikeQuery, likeCountQuery, postQuery } from '@/lib/posts/statements';
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

const values: Record<string, number | string> = { viewerId: 1, userId: 1, postId: 1, createdAt: Date.now(), id: 1, now: Date.now(), jti: 'j', email: 'a@b.c', username: 'alice', followerId: 1, followeeId: 2 };

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
  it('reads the first feed page in index order, author and "liked by me" by key', () => {
    const steps = planOf(feedQuery(db, false));
    expectNoFullScan(steps);
    expect(steps).toEqual([
      'SCAN posts USING INDEX posts_feed_idx', // walks the index newest first and stops at the LIMIT
      'SEARCH users USING INTEGER PRIMARY KEY (rowid=?)',
      expect.stringMatching(/^SEARCH likes USING COVERING INDEX sqlite_autoindex_likes_1 \(user_id=\? AND post_id=\?\)/),
    ]);
  });

  it('seeks to the cursor for later feed pages', () => {
    const steps = planOf(feedQuery(db, true));
    expectNoFullScan(steps);
    expect(steps[0]).toBe('SEARCH posts USING INDEX posts_feed_idx (created_at<?)');
    expect(steps[2]).toMatch(/^SEARCH likes USING COVERING INDEX sqlite_autoindex_likes_1 \(user_id=\? AND post_id=\?\)/);
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
});
