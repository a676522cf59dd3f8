// npm run db:migrate — applies the committed migrations to the database DATABASE_URL names.
// (The server also does this by itself on start; this is for deploy pipelines and inspection.)
import { getConfig } from '@/lib/config';
import { openDatabase } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';

const { databasePath } = getConfig();
migrateDatabase(openDatabase(databasePath));
console.log(`Migrations applied to ${databasePath}.`);
