// For unit tests: a fresh, migrated database of the test file's own, set as DATABASE_URL before
// the app's modules open it. useTestDatabase: an SQLite file; useSqldTestDatabase: a real
// libSQL server (sqld) on loopback, reached over HTTP as Turso would be.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@/lib/db/client';
import { startSqld } from './sqld';

export type TestDatabase = { db: Db; stop: () => Promise<void> };

async function migrated(): Promise<Db> {
  const { getConnection, openDatabase } = await import('@/lib/db/client');
  const { migrateDatabase } = await import('@/lib/db/migrate');
  const { getConfig } = await import('@/lib/config');
  const connection = getConnection();
  if (connection.driver === 'better-sqlite3') {
    await migrateDatabase(connection);
  } else {
    // The app's libSQL connection waits for a current schema before its first query, as a
    // deployment's does; so the test migrates on a connection of its own, as the deploy would.
    const deploy = openDatabase(getConfig().database);
    await migrateDatabase(deploy);
    deploy.close();
  }
  return connection.db;
}

export async function useTestDatabase(): Promise<TestDatabase> {
  const path = join(mkdtempSync(join(tmpdir(), 'cookiegram-test-')), 'test.db');
  process.env.DATABASE_URL = `file:${path}`;
  return { db: await migrated(), stop: async () => {} };
}

export async function useSqldTestDatabase(): Promise<TestDatabase> {
  const server = await startSqld();
  process.env.DATABASE_URL = server.url;
  return { db: await migrated(), stop: server.stop };
}

/** A user with a dummy password hash, for tests that need an owner for rows. */
export async function createTestUser(username: string): Promise<number> {
  const { createUser } = await import('@/lib/users/queries');
  const result = await createUser({ username, email: `${username}@example.com`, passwordHash: 'x' });
  if (!result.ok) throw new Error(`could not create ${username}: ${result.taken} taken`);
  return result.user.id;
}

/** `n` post rows (no images stored), newest last; pairs share a timestamp so the id must break ties. */
export async function testPostRows(n: number, authorOf: (i: number) => number) {
  const { newMediaKey } = await import('@/lib/media/keys');
  return Array.from({ length: n }, (_, i) => ({
    authorId: authorOf(i),
    imageKey: newMediaKey('webp'),
    mediumKey: newMediaKey('webp'),
    thumbnailKey: newMediaKey('webp'),
    width: 1080,
    height: 1350,
    caption: `post ${i}`,
    createdAt: 1_700_000_000_000 + Math.floor(i / 2) * 1000,
  }));
}
