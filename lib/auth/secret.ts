import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, getConfig } from '@/lib/config';
import { importSigningKey } from './token';

export const MIN_SECRET_BYTES = 32;
const DEV_SECRET_FILE = join(process.cwd(), '.data', 'auth-secret');

/** Checks an AUTH_SECRET value; returns it or throws a ConfigError that says how to make one. */
export function checkSecret(secret: string | undefined, isProduction: boolean): string | undefined {
  const howTo = 'Generate one with: openssl rand -base64 32';
  if (secret === undefined) {
    if (isProduction) throw new ConfigError(`AUTH_SECRET is not set. ${howTo}`);
    return undefined;
  }
  if (new TextEncoder().encode(secret).byteLength < MIN_SECRET_BYTES) {
    throw new ConfigError(`AUTH_SECRET must be at least ${MIN_SECRET_BYTES} bytes long. ${howTo}`);
  }
  return secret;
}

/**
 * Development only: a random secret made once and kept in .data/, so `npm run dev` needs no
 * configuration and sessions survive restarts. The exclusive create makes concurrent first
 * starts (server and proxy bundles) agree on one secret.
 */
function devSecret(): string {
  try {
    return readFileSync(DEV_SECRET_FILE, 'utf8').trim();
  } catch {
    mkdirSync(dirname(DEV_SECRET_FILE), { recursive: true });
    try {
      writeFileSync(DEV_SECRET_FILE, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return readFileSync(DEV_SECRET_FILE, 'utf8').trim();
  }
}

export function resolveAuthSecret(): string {
  const { authSecret, isProduction } = getConfig();
  return checkSecret(authSecret, isProduction) ?? devSecret();
}

let signingKey: Promise<CryptoKey> | undefined;

/** The HMAC key, imported once per process rather than per request. */
export function getSigningKey(): Promise<CryptoKey> {
  signingKey ??= importSigningKey(resolveAuthSecret());
  return signingKey;
}
