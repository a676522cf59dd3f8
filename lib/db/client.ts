import Database from 'better-sqlite3';
import { drizzle as drizzleBetterSqlite, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { type LibSQLDatabase } from 'drizzle-orm/libsql';
// The web client speaks HTTP and WebSockets only: no native module for a database on the network.
import { createClient } from '@libsql/client/web';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { type DatabaseConfig, getConfig, redactUrl } from '@/lib/config';
import { makePrivateFile } from '@/lib/private-files';
import { serializeWrites } from './libsql-writes';
import * as schema from './schema';
import { assertSchemaCurrent, checkedOnFirstQuery } from './schema-check';

export type EmbeddedDb = BetterSQLite3Database<typeof schema>;
export type RemoteDb = LibSQLDatabase<typeof schema>;
/**
 * What app code sees: a database whose results may be sync or async. Callers must `await`
 * every query and use only the builders both drivers share, so they never know which one runs.
 */
export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;

/** An open database and its driver. Only lib/db (migrations, start-up checks) looks at `driver`. */
export type Connection = (
  | { driver: 'better-sqlite3'; db: EmbeddedDb }
  | { driver: 'libsql'; db: RemoteDb }
) & {
  /** Where it is, safe to print: the file path, or the server's URL without credentials. */
  name: string;
  close: () => void;
  /** The app's libSQL connection only: the once-per-instance schema check its queries wait for. */
  ready?: () => Promise<void>;
};

function openEmbeddedDatabase(path: string) {
  if (path !== ':memory:') makePrivateFile(path);
  const sqlite = new Database(path);
  // WAL: readers never block the writer. NORMAL is durable across process crashes in WAL mode
  // (only an OS crash can lose the last commits). busy_timeout: wait for the lock, don't fail.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return drizzleBetterSqlite(sqlite, { schema });
}

/**
 * A libSQL server (sqld, Turso). Nothing is sent until the first query. This process sends it one
 * write at a time, retried briefly while busy (see libsql-writes.ts); reads go in parallel.
 */
export function openRemoteDatabase(url: string, authToken?: string) {
  return drizzleLibsql({ client: serializeWrites(createClient({ url, authToken })), schema });
}

export function openDatabase(config: DatabaseConfig): Connection {
  if (config.driver === 'better-sqlite3') {
    const db = openEmbeddedDatabase(config.path);
    return { driver: config.driver, db, name: config.path, close: () => db.$client.close() };
  }
  const db = openRemoteDatabase(config.url, config.authToken);
  return { driver: config.driver, db, name: redactUrl(config.url), close: () => db.$client.close() };
}

/**
 * The app's database. A libSQL one is checked (reachable, schema current) before its first query
 * is sent, once per instance: on Vercel each function checks for itself when it first needs the
 * database, and a function that never queries (the proxy) never reaches it.
 */
function openAppDatabase(config: DatabaseConfig): Connection {
  if (config.driver === 'better-sqlite3') return openDatabase(config);
  const unchecked = openRemoteDatabase(config.url, config.authToken);
  const name = redactUrl(config.url);
  const close = () => unchecked.$client.close();
  const { client, ready } = checkedOnFirstQuery(unchecked.$client, () =>
    assertSchemaCurrent({ driver: 'libsql', db: unchecked, name, close }),
  );
  return { driver: 'libsql', db: drizzleLibsql({ client, schema }), name, close, ready };
}

// One connection per process; kept on globalThis so dev hot reloads don't open another.
const globalForDb = globalThis as typeof globalThis & { cookiegramDb?: Connection };

/** The database DATABASE_URL names, opened on first use. */
export function getConnection(): Connection {
  globalForDb.cookiegramDb ??= openAppDatabase(getConfig().database);
  return globalForDb.cookiegramDb;
}

export function getDb(): Db {
  return getConnection().db;
}
