import { inArray, lte, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/** Rows removed per call: enough to keep up with the writes that call it, never a long lock. */
export const PURGE_BATCH = 100;

/**
 * Deletes at most PURGE_BATCH rows whose `column` is at or before `cutoff`, found through the
 * column's index. Tables of short-lived rows (sessions, revoked tokens, rate-limit windows) call
 * it from their own writes, so they stay small with no scheduler to run.
 */
export async function purgeExpired(db: Db, table: SQLiteTable, column: SQLiteColumn, cutoff: number): Promise<void> {
  await purgeStatement(db, table, column, cutoff);
}

/** The statement purgeExpired runs (exported for its query plan). */
export function purgeStatement(db: Db, table: SQLiteTable, column: SQLiteColumn, cutoff: number) {
  const rowid = sql`rowid`;
  const expired = db.select({ rowid }).from(table).where(lte(column, cutoff)).limit(PURGE_BATCH);
  return db.delete(table).where(inArray(rowid, expired));
}
