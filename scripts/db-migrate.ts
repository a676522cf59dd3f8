// npm run db:migrate — applies the committed migrations to the database DATABASE_URL names, then
// adds the demo content if it is empty (unless DEMO_DATA=off). The embedded database also does
// this by itself on start; a libSQL database (Turso) is migrated only here, by the deploy.
import { migrateAndSeed } from '@/lib/db/startup';
import { withDatabase } from './with-database';

void withDatabase(async (connection) => {
  const { seeded } = await migrateAndSeed(connection);
  console.log(`Migrations applied to ${connection.name}.${seeded ? ' Demo data created.' : ''}`);
});
