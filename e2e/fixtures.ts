import { randomInt } from 'node:crypto';
import { test as base, expect } from '@playwright/test';

export type Strategy = 'jwt' | 'session';
/** Which e2e server (e2e/server-env.ts) the project's tests run against, and its strategy. */
export type ServerOptions = { strategy: Strategy; server: 'jwt' | 'session' | 'libsql' };

/** An address from the documentation range 198.18.0.0/15, different for each test. */
export const randomClientIp = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Each Playwright project runs the suite against a server of one strategy. Each test is its own
 * client: it sends its own X-Forwarded-For (the server trusts one proxy hop, as behind Vercel or
 * nginx), so per-client rate limits apply per test, as they would per person.
 */
export const test = base.extend<ServerOptions>({
  strategy: ['jwt', { option: true }],
  server: ['jwt', { option: true }],
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, 'X-Forwarded-For': randomClientIp() });
  },
});

export { expect };

export const COOKIE = {
  jwt: { name: 'token', maxAge: 3600, value: /^[\w-]+\.[\w-]+\.[\w-]+$/ },
  session: { name: 'session', maxAge: 7 * 24 * 3600, value: /^[\w-]{43}$/ },
} as const;
