import { resolveAuthSecrets } from '@/lib/auth/secret';
import { ConfigError } from '@/lib/config';
import { prepareDatabase } from '@/lib/db/startup';

/**
 * Before the first request: refuse to run misconfigured (production needs a strong
 * AUTH_SECRET), then bring the database schema up to date and add demo data to an empty one.
 * A configuration problem ends the process with one clear line, not a stack trace.
 */
export async function startServer(): Promise<void> {
  try {
    resolveAuthSecrets();
    await prepareDatabase();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`\nCookiegram cannot start: ${err.message}\n`);
    process.exit(1);
  }
}
