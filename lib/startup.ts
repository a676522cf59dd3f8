import { resolveAuthSecrets } from '@/lib/auth/secret';
import { ConfigError, getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/startup';
import { getMediaStore } from '@/lib/media/storage';
import { ORPHAN_AGE_MS, sweepPendingMedia } from '@/lib/posts/post-photos';

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

/**
 * Before the first request: refuse to run misconfigured (production needs a strong
 * AUTH_SECRET), then bring the database schema up to date and add demo data to an empty one,
 * and start sweeping stored images that uploads or deletes cut short left behind.
 * A configuration problem ends the process with one clear line, not a stack trace.
 *
 * On Vercel this runs in every function, the proxy's included, at each cold start: there it only
 * checks the configuration. A function checks the database when it first queries it
 * (lib/db/client.ts), so the proxy never needs it, and each deployment sweeps the images at
 * build time (vercel.json), since a frozen function runs no timers.
 */
export async function startServer(): Promise<void> {
  try {
    resolveAuthSecrets();
    if (getConfig().onVercel) return;
    await prepareDatabase();
    sweepMediaPeriodically();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`\nCookiegram cannot start: ${err.message}\n`);
    process.exit(1);
  }
}
