// For unit tests: a fresh, migrated SQLite file of its own, set as DATABASE_URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function useTestDatabase() {
  const path = join(mkdtempSync(join(tmpdir(), 'cookiegram-test-')), 'test.db');
  process.env.DATABASE_URL = `file:${path}`;
  const { getEmbeddedDb } = await import('./client');
  const { migrateDatabase } = await import('./migrate');
  const db = getEmbeddedDb();
  migrateDatabase(db);
  return db;
}
