import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side. The suite runs twice, on the same
// production build: against the embedded SQLite file (E2E_PORT) and against a real libSQL server
// (sqld on E2E_PORT + 2, app on E2E_PORT + 1). startup.spec.ts starts its own on E2E_PORT + 3, + 4.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const LIBSQL_PORT = PORT + 1;
const LIBSQL_BASE_URL = `http://localhost:${LIBSQL_PORT}`;
const SQLD_PORT = PORT + 2;
const AUTH_SECRET = randomBytes(32).toString('base64url');

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
const isRoot = process.getuid?.() === 0;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Chromium refuses to sandbox as root; the closed network makes background fetches noise.
      args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    {
      name: 'chromium-libsql',
      use: { ...devices['Desktop Chrome'], baseURL: LIBSQL_BASE_URL },
      // Start-up checks spawn servers of their own; once is enough.
      testIgnore: '**/startup.spec.ts',
    },
  ],
  // One production build (made by `npm run test:e2e` before this runs), a fresh database each.
  webServer: [
    {
      command: `rm -rf .data/e2e && npm run start -- --port ${PORT} --hostname 127.0.0.1`,
      url: `${BASE_URL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: { AUTH_SECRET, DATABASE_URL: 'file:.data/e2e/cookiegram.db' },
    },
    {
      command: `npx tsx scripts/e2e-libsql-server.ts ${LIBSQL_PORT} ${SQLD_PORT}`,
      url: `${LIBSQL_BASE_URL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: { AUTH_SECRET },
    },
  ],
});
