import { getDb } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/startup';
import { getMediaStore } from '@/lib/media/storage';
import { ORPHAN_AGE_MS, sweepPendingMedia } from '@/lib/posts/post-photos';

// What a long-running server (`next start`, not Vercel) does before it serves. Imported by
// lib/startup.ts only there, so a function on Vercel never loads the database drivers, sharp or
// the S3 client just to start.

/** Now and every hour: never in the way of a request, and a failed sweep is only logged. */
function sweepMediaPeriodically() {
  const sweep = () =>
    void sweepPendingMedia(getDb(), getMediaStore()).then(
      ({ removed }) => removed > 0 && console.log(`Cookiegram: removed ${removed} stored image(s) left by uploads or deletes that did not finish.`),
      (err: unknown) => console.error('Cookiegram: the media sweep failed; it runs again in an hour.', err),
    );
  sweep();
  setInterval(sweep, ORPHAN_AGE_MS).unref();
}

/** The schema brought up to date (or checked, for libSQL), demo data, then the hourly sweep. */
export async function prepareServer(): Promise<void> {
  await prepareDatabase();
  sweepMediaPeriodically();
}
