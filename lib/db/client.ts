import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { getConfig } from '@/lib/config';
import * as schema from './schema';

export type EmbeddedDb = BetterSQLite3Database<typeof schema>;
/**
 * What app code sees: a database whose results may be sync or async. Callers must `await`
 * every query, so an async driver (libSQL) can replace better-sqlite3 without touching them.
 */
export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;

export function openDatabase(path: string): EmbeddedDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL: readers never block the writer. NORMAL is durable across process crashes in WAL mode
  // (only an OS crash can lose the last commits). busy_timeout: wait for the lock, don't fail.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema });
}

// One connection per process; kept on globalThis so dev hot reloads don't open another.
const globalForDb = globalThis as typeof globalThis & { cookiegramDb?: EmbeddedDb };

export function getEmbeddedDb(): EmbeddedDb {
  globalForDb.cookiegramDb ??= openDatabase(getConfig().databasePath);
  return globalForDb.cookiegramDb;
}

export function getDb(): Db {
  return getEmbeddedDb();
}
