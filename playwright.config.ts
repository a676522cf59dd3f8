import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import type { StrategyOptions } from './e2e/fixtures';
import { CURRENT_SECRET, PREVIOUS_SECRET, databasePath } from './e2e/server-env';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);

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

const strategies = (['jwt', 'session'] as const).map((strategy, i) => ({
  strategy,
  port: PORT + i,
  baseURL: `http://localhost:${PORT + i}`,
}));

const executablePath = systemChromium();
const isRoot = process.getuid?.() === 0;

export default defineConfig<StrategyOptions>({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Chromium refuses to sandbox as root; the closed network makes background fetches noise.
      args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-background-networking', '--disable-component-update'],
    },
  },
  // The whole suite runs once per auth strategy, each against its own server and database.
  projects: strategies.map((s) => ({
    name: s.strategy,
    use: { ...devices['Desktop Chrome'], baseURL: s.baseURL, strategy: s.strategy },
  })),
  // One production build (made by `npm run test:e2e` before this runs) behind every server.
  webServer: strategies.map((s) => ({
    command: `rm -rf ${dirname(databasePath(s.strategy))} && npm run start -- --port ${s.port}`,
    url: `${s.baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      AUTH_SECRET: `${CURRENT_SECRET},${PREVIOUS_SECRET}`,
      AUTH_STRATEGY: s.strategy,
      DATABASE_URL: `file:${databasePath(s.strategy)}`,
    },
  })),
});
