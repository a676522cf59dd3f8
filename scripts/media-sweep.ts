// npm run media:sweep — removes stored images that uploads or deletes cut short left behind (the
// keys pending in the database for over an hour that no post names), as the server does at
// start-up and hourly. Uses DATABASE_URL and STORAGE_URL; it never touches images this database
// did not record, so a bucket shared with another deployment is safe.
import { getMediaStore } from '@/lib/media/storage';
import { sweepPendingMedia } from '@/lib/posts/post-photos';
import { withDatabase } from './with-database';

void withDatabase(async (connection) => {
  const { removed, kept } = await sweepPendingMedia(connection.db, getMediaStore());
  console.log(`Media sweep: ${removed} image(s) removed, ${kept} still named by a post.`);
});
