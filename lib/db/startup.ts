import { getConfig } from '@/lib/config';
import { getEmbeddedDb } from './client';
import { migrateDatabase } from './migrate';
import { seedIfEmpty } from './seed';

/** Runs once before the server serves: schema up to date, demo content on a fresh database. */
export async function prepareDatabase(): Promise<void> {
  const db = getEmbeddedDb();
  migrateDatabase(db);
  const config = getConfig();
  if (config.demoData && (await seedIfEmpty(db, config.bcryptCost))) {
    console.log('Cookiegram: demo data created (log in as demo@example.com, see the login page).');
  }
}
