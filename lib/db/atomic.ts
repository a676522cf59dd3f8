// Several statements that must take effect together or not at all, on either driver. libSQL: one
// batch, which sqld runs as a transaction (and which goes through the one-write-at-a-time queue,
// where an interactive transaction would not). SQLite file: one IMMEDIATE transaction, so no
// other write of this process or another lands between them.
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import { type Db, getConnection } from './client';

/** Every statement must be built with RETURNING (or be a SELECT): the SQLite driver reads each one's rows. */
type Statement = BatchItem<'sqlite'>;

export async function atomically<U extends Statement, T extends Readonly<[U, ...U[]]>>(build: (db: Db) => T): Promise<BatchResponse<T>> {
  const connection = getConnection();
  if (connection.driver === 'libsql') return connection.db.batch(build(connection.db));
  const rows = connection.db.transaction(
    (tx) => build(tx as unknown as Db).map((statement) => (statement as unknown as { all(): unknown }).all()),
    { behavior: 'immediate' },
  );
  return Promise.resolve(rows as BatchResponse<T>);
}
