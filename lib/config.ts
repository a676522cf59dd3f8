import { z } from 'zod';

/** A misconfiguration the operator must fix; its message says how. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The two ways to keep a login (see docs/auth-flows): a signed token, or a session id. */
export const AUTH_STRATEGIES = ['jwt', 'session'] as const;
export type AuthStrategy = (typeof AUTH_STRATEGIES)[number];

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AUTH_SECRET: z.string().optional(),
  DATABASE_URL: z.string().trim().min(1).default('file:.data/cookiegram.db'),
  DATABASE_AUTH_TOKEN: z.string().trim().optional(),
  BCRYPT_COST: z.coerce
    .number()
    .int()
    .min(4, 'BCRYPT_COST must be at least 4')
    .max(15, 'BCRYPT_COST above 15 takes seconds per login')
    .default(10),
  DEMO_DATA: z.enum(['on', 'off']).default('on'),
  TRUSTED_PROXY_HOPS: z.coerce
    .number()
    .int()
    .min(0, 'TRUSTED_PROXY_HOPS must be 0 or more')
    .max(10, 'TRUSTED_PROXY_HOPS above 10 is not a real proxy chain')
    .default(1),
  AUTH_STRATEGY: z.enum(AUTH_STRATEGIES, { error: 'AUTH_STRATEGY must be "jwt" or "session"' }).default('jwt'),
  APP_URL: z.url({ protocol: /^https?$/, error: 'APP_URL must be the site\'s origin, e.g. https://cookiegram.example' }).optional(),
  /** Set to 1 by Vercel, at build and at run time, with the deployment's environment and URLs. */
  VERCEL: z.string().optional(),
  VERCEL_ENV: z.string().optional(),
  VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
  VERCEL_BRANCH_URL: z.string().optional(),
  VERCEL_URL: z.string().optional(),
});

/**
 * Which database DATABASE_URL names: an embedded SQLite file (better-sqlite3), or a libSQL
 * server such as Turso (@libsql/client over HTTP or WebSockets).
 */
export type DatabaseConfig =
  | { driver: 'better-sqlite3'; path: string }
  | { driver: 'libsql'; url: string; authToken: string | undefined };

type Config = {
  isProduction: boolean;
  /** Raw AUTH_SECRET; undefined in development means "use the generated one" (lib/auth/secret.ts). */
  authSecret: string | undefined;
  database: DatabaseConfig;
  bcryptCost: number;
  demoData: boolean;
  /** jwt: stateless signed token (default); session: random id looked up in the database. */
  authStrategy: AuthStrategy;
  /**
   * The site's origin. JWTs name it as issuer and audience, so a token of one deployment (a
   * preview) is refused by another (production) even if they share AUTH_SECRET by mistake.
   */
  appOrigin: string;
  /** How many proxies in front append to X-Forwarded-For (lib/security/client-ip.ts). */
  trustedProxyHops: number;
};

const LIBSQL_SCHEMES = ['libsql:', 'https:', 'http:', 'wss:', 'ws:'];

/** The URL without credentials, path or query: safe to print (a Turso token may sit in `?authToken=`). */
export function redactUrl(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return host ? `${protocol}//${host}` : protocol;
  } catch {
    return url.split(/[?#@]/)[0] ?? '';
  }
}

function parseDatabaseUrl(url: string, authToken: string | undefined, onVercel: boolean): DatabaseConfig {
  if (url.startsWith('file:')) {
    if (onVercel) {
      throw new ConfigError(
        'DATABASE_URL names a local SQLite file, but on Vercel every function has its own throw-away disk. ' +
          'Set DATABASE_URL to a libSQL database (libsql://….turso.io) and DATABASE_AUTH_TOKEN; see "Deploy to Vercel" in the README.',
      );
    }
    return { driver: 'better-sqlite3', path: url.slice('file:'.length) };
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed && LIBSQL_SCHEMES.includes(parsed.protocol) && parsed.hostname) {
    return { driver: 'libsql', url, authToken: authToken === '' ? undefined : authToken };
  }
  throw new ConfigError(
    `Invalid DATABASE_URL "${redactUrl(url)}": use file:<path> for the embedded SQLite database (for example ` +
      'file:.data/cookiegram.db), or the URL of a libSQL server: libsql://, https://, http://, wss:// or ws://.',
  );
}

type Env = z.infer<typeof envSchema>;

/** APP_URL when set; on Vercel the URL of the deployment's environment; else the dev server. */
function appOriginOf(e: Env): string {
  if (e.APP_URL) return new URL(e.APP_URL).origin;
  const host =
    (e.VERCEL_ENV === 'production' ? e.VERCEL_PROJECT_PRODUCTION_URL : undefined) ?? e.VERCEL_BRANCH_URL ?? e.VERCEL_URL;
  return host ? `https://${host}` : 'http://localhost:3000';
}

/** Parses the environment; throws a ConfigError that names the offending variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? 'unknown problem'}`);
  }
  const e = parsed.data;
  return {
    isProduction: e.NODE_ENV === 'production',
    authSecret: e.AUTH_SECRET === '' ? undefined : e.AUTH_SECRET,
    database: parseDatabaseUrl(e.DATABASE_URL, e.DATABASE_AUTH_TOKEN, e.VERCEL === '1'),
    bcryptCost: e.BCRYPT_COST,
    demoData: e.DEMO_DATA === 'on',
    authStrategy: e.AUTH_STRATEGY,
    appOrigin: appOriginOf(e),
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
  };
}

let cached: Config | undefined;

/** The process configuration, read from the environment once. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
