// What the e2e servers are started with, shared by playwright.config.ts and the tests (which run
// in worker processes that inherit the main process's environment).
import { randomBytes } from 'node:crypto';
import type { Strategy } from './fixtures';

const secret = () => randomBytes(32).toString('base64url');

/** Signs new tokens. */
export const CURRENT_SECRET = (process.env.E2E_AUTH_SECRET ??= secret());
/** An older secret still accepted (rotation): tokens signed with it verify until they expire. */
export const PREVIOUS_SECRET = (process.env.E2E_PREVIOUS_SECRET ??= secret());

export const databasePath = (strategy: Strategy) => `.data/e2e-${strategy}/cookiegram.db`;
