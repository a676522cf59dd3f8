import { ConfigError, getConfig } from '@/lib/config';
import { type Connection, getConnection } from './client';
import { describeDatabaseError } from './errors';
import { migrateDatabase, pendingMigrations } from './migrate';
import { seedIfEmpty } from './seed';

const MIGRATE_COMMAND = 'npm run db:migrate';

/**
 * `npm run db:migrate`, and the embedded database on every start: schema up to date, demo
 * content on an empty database (unless DEMO_DATA=off). Returns what it did, for the log.
 */
export async function migrateAndSeed(connection: Connection): Promise<{ seeded: boolean }> {
  const { demoData, bcryptCost } = getConfig();
  await migrateDatabase(connection);
  return { seeded: demoData && (await seedIfEmpty(connection.db, bcryptCost)) };
}

/** A database on the network is migrated by the deploy (the build command), never by a server. */
async function assertSchemaCurrent(connection: Connection): Promise<void> {
  const pending = await pendingMigrations(connection);
  if (pending.length > 0) {
    throw new ConfigError(
      `The database at ${connection.name} is behind this version of Cookiegram (missing migrations: ` +
        `${pending.join(', ')}). Run \`${MIGRATE_COMMAND}\` with the same DATABASE_URL and STORAGE_URL, then start again.`,
    );
  }
}

/**
 * Runs once before the server serves. The embedded file migrates itself; a libSQL database is
 * only checked (reachable, schema current), so server instances never race to migrate or seed it.
 */
export async function prepareDatabase(connection: Connection = getConnection()): Promise<void> {
  try {
    if (connection.driver === 'libsql') {
      await assertSchemaCurrent(connection);
      return;
    }
    if ((await migrateAndSeed(connection)).seeded) {
      console.log('Cookiegram: demo data created (log in as demo@example.com, see the login page).');
    }
  } catch (err) {
    throw describeDatabaseError(err, connection);
  }
}
