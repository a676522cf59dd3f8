import { test as base, expect } from '@playwright/test';

export type Strategy = 'jwt' | 'session';
export type StrategyOptions = { strategy: Strategy };

/** Each Playwright project runs the suite against a server of one strategy. */
export const test = base.extend<StrategyOptions>({
  strategy: ['jwt', { option: true }],
});

export { expect };

export const COOKIE = {
  jwt: { name: 'token', maxAge: 3600, value: /^[\w-]+\.[\w-]+\.[\w-]+$/ },
  session: { name: 'session', maxAge: 7 * 24 * 3600, value: /^[\w-]{43}$/ },
} as const;
