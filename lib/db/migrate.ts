import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { EmbeddedDb } from './client';

export const MIGRATIONS_FOLDER = join(process.cwd(), 'drizzle');

/** Applies the committed drizzle migrations that this database has not seen yet. */
export function migrateDatabase(db: EmbeddedDb): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
