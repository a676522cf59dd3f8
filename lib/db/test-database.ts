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

/** A user with a dummy password hash, for tests that need an owner for rows. */
export async function createTestUser(username: string): Promise<number> {
  const { createUser } = await import('@/lib/users/queries');
  const result = await createUser({ username, email: `${username}@example.com`, passwordHash: 'x' });
  if (!result.ok) throw new Error(`could not create ${username}: ${result.taken} taken`);
  return result.user.id;
}
