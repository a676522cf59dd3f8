import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateEmbedded } from 'drizzle-orm/better-sqlite3/migrator';
import { migrate as migrateRemote } from 'drizzle-orm/libsql/migrator';
// Bundled with the server, so the schema check needs no file system at run time.
import journal from '@/drizzle/meta/_journal.json';
import { backfillPostTags } from '@/lib/posts/tags';
import type { Connection } from './client';

export const MIGRATIONS_FOLDER = join(process.cwd(), 'drizzle');
/** The table drizzle's migrators keep (one row per applied migration, `created_at` = its `when`). */
const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Applies the committed drizzle migrations that this database has not seen yet, atomically.
 * `migrationsFolder`: another folder of them (tests of an upgrade start from an older schema).
 */
export async function migrateDatabase(connection: Connection, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder, migrationsTable: MIGRATIONS_TABLE };
  if (connection.driver === 'libsql') await migrateRemote(connection.db, config);
  else migrateEmbedded(connection.db, config);
  // Posts from before 0008_post_tags get their tags, which SQL cannot parse (one probe when none).
  if (migrationsFolder === MIGRATIONS_FOLDER) await backfillPostTags(connection.db);
}

/**
 * The committed migrations this database lacks, by tag, oldest first. Same rule as drizzle's
 * migrators: a migration is applied when its `when` is not newer than the last one recorded.
 */
export async function pendingMigrations(connection: Connection): Promise<string[]> {
  const { db } = connection;
  const [table] = await db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name = ${MIGRATIONS_TABLE}`,
  );
  let lastApplied = -Infinity;
  if (table) {
    const [row] = await db.all<{ last: number | null }>(
      sql`select max(created_at) as last from ${sql.identifier(MIGRATIONS_TABLE)}`,
    );
    lastApplied = Number(row?.last ?? -Infinity);
  }
  return journal.entries.filter((entry) => entry.when > lastApplied).map((entry) => entry.tag);
}
