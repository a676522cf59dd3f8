// npm run db:seed — migrates, then replaces the demo users, their posts and likes (real
// accounts are kept).
import { getConfig } from '@/lib/config';
import { migrateDatabase } from '@/lib/db/migrate';
import { reseedDemoData } from '@/lib/db/seed';
import { withDatabase } from './with-database';

void withDatabase(async (connection) => {
  await migrateDatabase(connection);
  await reseedDemoData(connection.db, getConfig().bcryptCost);
  console.log(`Demo data re-seeded in ${connection.name}.`);
});
