import type { Client } from '@libsql/client/web';
import { ConfigError } from '@/lib/config';
import type { Connection } from './client';
import { describeDatabaseError } from './errors';
import { pendingMigrations } from './migrate';

const MIGRATE_COMMAND = 'npm run db:migrate';

/** A database on the network is migrated by the deploy (the build command), never by a server. */
export async function assertSchemaCurrent(connection: Connection): Promise<void> {
  let pending: string[];
  try {
    pending = await pendingMigrations(connection);
  } catch (err) {
    throw describeDatabaseError(err, connection);
  }
  if (pending.length > 0) {
    throw new ConfigError(
      `The database at ${connection.name} is behind this version of Cookiegram (missing migrations: ` +
        `${pending.join(', ')}). Run \`${MIGRATE_COMMAND}\` with the same DATABASE_URL and STORAGE_URL, then start again.`,
    );
  }
}

/** What drizzle's libSQL driver calls on its client to reach the server. */
const QUERY_METHODS = new Set<PropertyKey>(['execute', 'batch', 'transaction', 'executeMultiple', 'migrate']);

/**
 * `client`, whose queries first wait for `check` to pass. A pass is kept for the life of the
 * instance (one check per instance, in the instance that uses the database); a failure is not, so
 * the next query checks again and a database blip lasts only as long as the blip.
 */
export function checkedOnFirstQuery(client: Client, check: () => Promise<void>): { client: Client; ready: () => Promise<void> } {
  let passed: Promise<void> | undefined;
  const ready = () => {
    passed ??= check().catch((err: unknown) => {
      passed = undefined;
      throw err;
    });
    return passed;
  };
  const gated = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!QUERY_METHODS.has(property)) return method.bind(target);
      return async (...args: unknown[]) => {
        await ready();
        return method.apply(target, args);
      };
    },
  });
  return { client: gated, ready };
}
