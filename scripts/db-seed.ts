// npm run db:seed — migrates, then replaces the demo users, their posts and likes (real
// accounts are kept).
import { getConfig } from '@/lib/config';
import { openDatabase } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { reseedDemoData } from '@/lib/db/seed';

async function main() {
  const { databasePath, bcryptCost } = getConfig();
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  await reseedDemoData(db, bcryptCost);
  console.log(`Demo data re-seeded in ${databasePath}.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
