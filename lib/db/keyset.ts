// Keyset pagination on (created_at, id): the rows after the cursor's, in the list's direction.
// The comparison of the pair is one row-value test, which SQLite answers with a seek in the
// (…, created_at, id) index rather than a scan.
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

export function afterCursor(createdAt: SQLiteColumn, id: SQLiteColumn, order: 'oldest first' | 'newest first'): SQL {
  const next = order === 'oldest first' ? sql`>` : sql`<`;
  return sql`(${createdAt}, ${id}) ${next} (${sql.placeholder('createdAt')}, ${sql.placeholder('id')})`;
}
