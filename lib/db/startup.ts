import { getConfig } from '@/lib/config';
import { type Connection, getConnection } from './client';
import { describeDatabaseError } from './errors';
import { migrateDatabase } from './migrate';
import { assertSchemaCurrent } from './schema-check';
import { seedIfEmpty } from './seed';

/**
 * `npm run db:migrate`, and the embedded database on every start: schema up to date, demo
 * content on an empty database (unless DEMO_DATA=off). Returns what it did, for the log.
 */
export async function migrateAndSeed(connection: Connection): Promise<{ seeded: boolean }> {
  const { demoData, bcryptCost } = getConfig();
  await migrateDatabase(connection);
  return { seeded: demoData && (await seedIfEmpty(connection.db, bcryptCost)) };
}

/**
 * Runs once before the server serves. The embedded file migrates itself; a libSQL database is
 * only checked (reachable, schema current), so server instances never race to migrate or seed it.
 */
export async function prepareDatabase(connection: Connection = getConnection()): Promise<void> {
  try {
    if (connection.driver === 'libsql') {
      // The app's connection remembers a passed check, so its first query does not repeat it.
      await (connection.ready?.() ?? assertSchemaCurrent(connection));
      return;
    }
    if ((await migrateAndSeed(connection)).seeded) {
      console.log('Cookiegram: demo data created (log in as demo@example.com, see the login page).');
    }
  } catch (err) {
    throw describeDatabaseError(err, connection);
  }
}
