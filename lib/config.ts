import { z } from 'zod';

/** A misconfiguration the operator must fix; its message says how. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AUTH_SECRET: z.string().optional(),
  DATABASE_URL: z.string().trim().min(1).default('file:.data/cookiegram.db'),
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
  AUTH_STRATEGY: z.enum(['jwt', 'session'], { error: 'AUTH_STRATEGY must be "jwt" or "session"' }).default('jwt'),
});

export type Config = {
  isProduction: boolean;
  /** Raw AUTH_SECRET; undefined in development means "use the generated one" (lib/auth/secret.ts). */
  authSecret: string | undefined;
  /** Path of the SQLite file, from DATABASE_URL `file:<path>`. */
  databasePath: string;
  bcryptCost: number;
  demoData: boolean;
  /** jwt: stateless signed token (default); session: random id looked up in the database. */
  authStrategy: 'jwt' | 'session';
  /** How many proxies in front append to X-Forwarded-For (lib/security/client-ip.ts). */
  trustedProxyHops: number;
};

/** Parses the environment; throws a ConfigError that names the offending variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? 'unknown problem'}`);
  }
  const e = parsed.data;
  if (!e.DATABASE_URL.startsWith('file:')) {
    throw new ConfigError(
      `Invalid DATABASE_URL "${e.DATABASE_URL}": use file:<path> (for example file:.data/cookiegram.db).`,
    );
  }
  return {
    isProduction: e.NODE_ENV === 'production',
    authSecret: e.AUTH_SECRET === '' ? undefined : e.AUTH_SECRET,
    databasePath: e.DATABASE_URL.slice('file:'.length),
    bcryptCost: e.BCRYPT_COST,
    demoData: e.DEMO_DATA === 'on',
    authStrategy: e.AUTH_STRATEGY,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
  };
}

let cached: Config | undefined;

/** The process configuration, read from the environment once. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
