// npm run media:sweep — removes stored images that no post names and that are over an hour old
// (the server also does this at start-up and hourly). Uses DATABASE_URL and STORAGE_URL.
import { createMediaStore } from '@/lib/media/storage';
import { getConfig } from '@/lib/config';
import { sweepOrphanedMedia } from '@/lib/posts/media-sweep';
import { withDatabase } from './with-database';

void withDatabase(async (connection) => {
  const { scanned, removed } = await sweepOrphanedMedia(connection.db, createMediaStore(getConfig().storage));
  console.log(`Media sweep: ${scanned} stored object(s) looked at, ${removed} removed.`);
});
