import { resolveAuthSecrets } from '@/lib/auth/secret';
import { ConfigError, SMTP_REQUIRED, getConfig } from '@/lib/config';

/**
 * Before the first request: refuse to run misconfigured (production needs a strong
 * AUTH_SECRET and an SMTP server), then bring the database schema up to date and add demo data to an empty one,
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
    // Without SMTP, password resets and confirmations would vanish into a log nobody reads.
    if (getConfig().isProduction && !getConfig().mail.smtpUrl) throw new ConfigError(SMTP_REQUIRED);
    if (getConfig().onVercel) return;
    const { prepareServer } = await import('./server-tasks');
    await prepareServer();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`\nCookiegram cannot start: ${err.message}\n`);
    process.exit(1);
  }
}
