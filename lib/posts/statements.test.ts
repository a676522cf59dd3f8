// The hot statements must cost the same on 30 posts and on 100,000: every table is reached
// through an index, never scanned whole, and the feed is read in index order, never sorted.
import Database from 'better-sqlite3';
import { Placeholder, type SQLWrapper } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { useTestDatabase } from '@/testing/database';
import { tokenStateQuery } from '@/lib/auth/token-state';
import { deleteLikeQuery, feedQuery, insertLikeQuery, likeCountQuery } from './statements';

type Query = SQLWrapper & { toSQL: () => { sql: string; params: unknown[] } };

let db: Db;
let sqlite: Database.Database;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  sqlite = new Database((process.env.DATABASE_URL ?? '').slice('file:'.length), { readonly: true });
});
afterAll(() => sqlite.close());

const values: Record<string, number | string> = { viewerId: 1, userId: 1, postId: 1, createdAt: Date.now(), id: 1, now: Date.now(), jti: 'j' };

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

  it('likes and unlikes by key', () => {
    expect(planOf(insertLikeQuery(db))).toEqual(['SEARCH posts USING INTEGER PRIMARY KEY (rowid=?)']);
    expect(planOf(deleteLikeQuery(db))).toEqual([
      'SEARCH likes USING INDEX sqlite_autoindex_likes_1 (user_id=? AND post_id=?)',
    ]);
  });

  it('keeps the like count by key in the triggers', () => {
    // The statement the like-count triggers run (drizzle/0001_like_count_triggers.sql).
    expect(plan('update posts set like_count = like_count + 1 where id = ?', [1])).toEqual([
      'SEARCH posts USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
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

  it('finds a session by its id hash and a rate-limit counter by its key', () => {
    expectNoFullScan(plan('select * from sessions inner join users on users.id = sessions.user_id where sessions.id = ?', ['x']));
    expect(plan('select count, window_start from rate_limits where key = ?', ['k'])).toEqual([
      expect.stringMatching(/^SEARCH rate_limits USING INDEX sqlite_autoindex_rate_limits_1 \(key=\?\)/),
    ]);
  });
});
