import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, getConfig } from '@/lib/config';
import { makePrivateDirectory } from '@/lib/private-files';
import { type Keyring, importKeyring } from './strategies/jwt-token';

const MIN_SECRET_BYTES = 32;
const DEV_SECRET_FILE = join(process.cwd(), '.data', 'auth-secret');

/**
 * Parses AUTH_SECRET: `current[,previous…]`. The first signs new tokens; the others still verify
 * tokens signed before a rotation. Returns undefined when unset (development), or throws a
 * ConfigError that says how to make a secret.
 */
export function parseSecrets(value: string | undefined, isProduction: boolean): string[] | undefined {
  const howTo = 'Generate one with: openssl rand -base64 32';
  const secrets = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (secrets.length === 0) {
    if (isProduction) throw new ConfigError(`AUTH_SECRET is not set. ${howTo}`);
    return undefined;
  }
  for (const [i, secret] of secrets.entries()) {
    if (new TextEncoder().encode(secret).byteLength < MIN_SECRET_BYTES) {
      const which = i === 0 ? 'AUTH_SECRET' : `Previous secret #${i} in AUTH_SECRET`;
      throw new ConfigError(`${which} must be at least ${MIN_SECRET_BYTES} bytes long. ${howTo}`);
    }
  }
  return secrets;
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
    makePrivateDirectory(dirname(DEV_SECRET_FILE));
    try {
      writeFileSync(DEV_SECRET_FILE, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return readFileSync(DEV_SECRET_FILE, 'utf8').trim();
  }
}

export function resolveAuthSecrets(): string[] {
  const { authSecret, isProduction } = getConfig();
  return parseSecrets(authSecret, isProduction) ?? [devSecret()];
}

const keyrings = new Map<string, Promise<Keyring>>();

function keyringFor(purpose: 'session' | 'device'): Promise<Keyring> {
  let keyring = keyrings.get(purpose);
  if (!keyring) {
    const audience = getConfig().appOrigin;
    keyring = importKeyring(resolveAuthSecrets(), purpose === 'session' ? { audience } : { audience, purpose: 'cookiegram device cookie' });
    keyrings.set(purpose, keyring);
  }
  return keyring;
}

/** The HMAC keys of the session JWT, imported once per process rather than per request. */
export const getKeyring = () => keyringFor('session');

/** The keys of the device cookie: derived from the same secrets, never valid for a login. */
export const getDeviceKeyring = () => keyringFor('device');
