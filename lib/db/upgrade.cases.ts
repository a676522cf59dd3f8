// Upgrading a database that has data, run against each driver by upgrade.test.ts (an SQLite file)
// and upgrade.libsql.test.ts (a libSQL server, whose migrator turns foreign keys off): the schema
// before a migration is built from the migrations before it, filled, then migrated the rest of the way.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Connection } from './client';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate';

/** A copy of the migrations folder that ends before `tag`. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'cookiegram-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === tag);
  if (end < 0) throw new Error(`no migration ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, end) }));
  return folder;
}

export function describeUpgrades(open: () => Promise<{ connection: Connection; stop: () => Promise<void> }>) {
  describe('0004_photos on a database with demo posts and likes', () => {
    it('removes the old posts with their likes, and likes work on the new posts', { timeout: 30_000 }, async () => {
      const { connection, stop } = await open();
      const { db } = connection;
      try {
        await migrateDatabase(connection, migrationsBefore('0004_photos'));
        await db.run(sql`insert into users (username, email, password_hash, created_at) values ('old', 'old@example.com', 'x', 1)`);
        await db.run(sql`insert into posts (author_id, image, caption, created_at) values (1, '/demo/post-01.svg', 'old', 1), (1, '/demo/post-02.svg', 'old', 2)`);
        await db.run(sql`insert into likes (user_id, post_id, created_at) values (1, 1, 1), (1, 2, 1)`);

        await migrateDatabase(connection);
        expect(await db.all(sql`select * from likes`)).toEqual([]);
        expect(await db.all(sql`pragma foreign_key_check`)).toEqual([]);

        // The new table's ids start again at 1: no old like may point at the new post.
        await db.run(
          sql`insert into posts (author_id, image_key, medium_key, thumbnail_key, width, height, created_at) values (1, 'i.webp', 'm.webp', 't.webp', 1, 1, 3)`,
        );
        await db.run(sql`insert into likes (user_id, post_id, created_at) values (1, 1, 4)`);
        expect(await db.all(sql`select like_count from posts`)).toEqual([{ like_count: 1 }]);
        await db.run(sql`delete from likes where user_id = 1 and post_id = 1`);
        expect(await db.all(sql`select like_count from posts`)).toEqual([{ like_count: 0 }]);
      } finally {
        connection.close();
        await stop();
      }
    });
  });
  describe('0007_account_mail on a database with users, posts and likes', () => {
    it('keeps every row, confirms only the demo accounts, and its triggers void tokens', { timeout: 30_000 }, async () => {
      const { connection, stop } = await open();
      const { db } = connection;
      try {
        await migrateDatabase(connection, migrationsBefore('0007_account_mail'));
        await db.run(
          sql`insert into users (username, email, password_hash, created_at) values ('demo', 'demo@example.com', 'x', 5), ('real', 'real@example.org', 'y', 6)`,
        );
        await db.run(
          sql`insert into posts (author_id, image_key, medium_key, thumbnail_key, width, height, created_at) values (2, 'i.webp', 'm.webp', 't.webp', 1, 1, 7)`,
        );
        await db.run(sql`insert into likes (user_id, post_id, created_at) values (1, 1, 8)`);

        await migrateDatabase(connection);
        expect(await db.all(sql`select username, email_verified_at, post_count from users order by id`)).toEqual([
          { username: 'demo', email_verified_at: 5, post_count: 0 },
          { username: 'real', email_verified_at: null, post_count: 1 },
        ]);
        expect(await db.all(sql`select like_count from posts`)).toEqual([{ like_count: 1 }]);
        expect(await db.all(sql`pragma foreign_key_check`)).toEqual([]);

        const token = (id: string, kind: string) => sql`insert into account_tokens (id, user_id, kind, email, expires_at, created_at) values (${id}, 2, ${kind}, 'real@example.org', 9, 1)`;
        for (const [id, kind] of [['r', 'reset-password'], ['v', 'verify-email'], ['c', 'change-email']] as const) await db.run(token(id, kind));
        await db.run(sql`update users set bio = 'hi' where id = 2`);
        expect(await db.all(sql`select id from account_tokens order by id`)).toEqual([{ id: 'c' }, { id: 'r' }, { id: 'v' }]);
        await db.run(sql`update users set password_hash = 'z' where id = 2`);
        expect(await db.all(sql`select id from account_tokens order by id`)).toEqual([{ id: 'c' }, { id: 'v' }]);
        await db.run(sql`update users set email = 'new@example.org' where id = 2`);
        expect(await db.all(sql`select id from account_tokens order by id`)).toEqual([{ id: 'c' }]);
      } finally {
        connection.close();
        await stop();
      }
    });
  });
}
