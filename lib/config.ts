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
  STORAGE_URL: z.string().trim().min(1).default('file:.data/media'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'S3_ENDPOINT must be an http(s) URL, e.g. https://<account>.r2.cloudflarestorage.com' }).optional(),
  // AWS's default region; R2 takes it as its 'auto', MinIO and test servers accept anything.
  AWS_REGION: z.string().trim().min(1).default('us-east-1'),
  AWS_ACCESS_KEY_ID: z.string().trim().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().trim().optional(),
  MEDIA_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'MEDIA_PUBLIC_URL must be an http(s) URL, e.g. https://media.cookiegram.example' }).optional(),
  SMTP_URL: z.string().trim().optional(),
  MAIL_FROM: z.string().trim().optional(),
  REQUIRE_VERIFIED_EMAIL: z.enum(['on', 'off']).default('off'),
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

/**
 * Where uploaded images live (STORAGE_URL): a local directory, or an S3 bucket (AWS, or an
 * S3-compatible service such as R2, Tigris or MinIO at S3_ENDPOINT).
 */
export type StorageConfig = (
  | { driver: 'file'; directory: string }
  | {
      driver: 's3';
      bucket: string;
      /** Prepended to every key: '' or ends with '/'. */
      prefix: string;
      /** Unset for AWS itself; set, requests go to it path-style (https://endpoint/bucket/key). */
      endpoint: string | undefined;
      region: string;
      /** Unset: the SDK's default chain (environment, profile, instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    }
) & {
  /** MEDIA_PUBLIC_URL without a trailing slash: browsers fetch `${publicUrl}/${key}`; unset, the app serves /media/<key>. */
  publicUrl: string | undefined;
};

/**
 * How mail leaves (SMTP_URL, sent with nodemailer), or, in development without it, the dev
 * mailbox (lib/mail/dev-mailbox.ts). Production refuses to start without SMTP (lib/startup.ts).
 */
export type MailConfig = {
  smtpUrl: string | undefined;
  /** The From header, e.g. "Cookiegram <no-reply@cookiegram.example>". */
  from: string;
  /** REQUIRE_VERIFIED_EMAIL=on: posting, commenting and following wait for a confirmed email. */
  requireVerifiedEmail: boolean;
};

type Config = {
  isProduction: boolean;
  /** VERCEL=1: every route group, and the proxy, is a function of its own with a throw-away disk. */
  onVercel: boolean;
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
  storage: StorageConfig;
  mail: MailConfig;
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

// AWS's rules, which R2, Tigris and MinIO share: 3–63 lowercase letters, digits, dots and hyphens.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const S3_URL = /^s3:\/\/([^/?#@]+)(\/[^?#]*)?$/;

const emptyToUndefined = (value: string | undefined) => (value === '' ? undefined : value);

/**
 * A static key pair, or undefined for the SDK's own chain. AWS_SESSION_TOKEN is never read: on
 * Vercel it is the function's own, and would spoil the bucket's keys.
 */
function parseS3Credentials(e: Env) {
  const accessKeyId = emptyToUndefined(e.AWS_ACCESS_KEY_ID);
  const secretAccessKey = emptyToUndefined(e.AWS_SECRET_ACCESS_KEY);
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    throw new ConfigError('Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither (the AWS SDK then finds credentials itself).');
  }
  return { accessKeyId, secretAccessKey };
}

function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = new URL(value);
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('Invalid MEDIA_PUBLIC_URL: use a plain http(s) URL that keys are appended to, without credentials, query or fragment.');
  }
  return url.href.replace(/\/+$/, '');
}

/** The endpoint's origin. A bucket in its path (as R2's dashboard shows it) would be named twice in every request. */
function parseEndpoint(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = new URL(value);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `Invalid S3_ENDPOINT "${redactUrl(value)}": use the service's origin only, e.g. https://<account>.r2.cloudflarestorage.com; the bucket goes in STORAGE_URL (s3://<bucket>).`,
    );
  }
  return url.origin;
}

function parseStorageUrl(e: Env, onVercel: boolean): StorageConfig {
  const url = e.STORAGE_URL;
  const publicUrl = parsePublicUrl(e.MEDIA_PUBLIC_URL);
  if (url.startsWith('file:')) {
    if (onVercel) {
      throw new ConfigError(
        'STORAGE_URL names a local directory, but on Vercel every function has its own throw-away disk. ' +
          'Set STORAGE_URL to a bucket (s3://<bucket>), with S3_ENDPOINT for R2 or Tigris and AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; see "Deploy to Vercel" in the README.',
      );
    }
    const directory = url.slice('file:'.length);
    if (directory !== '') return { driver: 'file', directory, publicUrl };
  }
  const match = S3_URL.exec(url);
  const bucket = match?.[1];
  if (bucket !== undefined && BUCKET_NAME.test(bucket)) {
    const path = (match?.[2] ?? '').replace(/^\/+|\/+$/g, '');
    return {
      driver: 's3',
      bucket,
      prefix: path === '' ? '' : `${path}/`,
      endpoint: parseEndpoint(e.S3_ENDPOINT),
      region: e.AWS_REGION,
      credentials: parseS3Credentials(e),
      publicUrl,
    };
  }
  throw new ConfigError(
    `Invalid STORAGE_URL "${redactUrl(url)}": use file:<directory> for a local directory (for example file:.data/media), ` +
      'or s3://<bucket> or s3://<bucket>/<prefix> for an S3 bucket (bucket names: 3–63 lowercase letters, digits, dots and hyphens).',
  );
}

const SMTP_HOW = 'use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS), with the user and password URL-encoded';
// A display name and an address, or just the address; nodemailer does the rest of RFC 5322.
const FROM_ADDRESS = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

function parseSmtpUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname) return value;
  throw new ConfigError(`Invalid SMTP_URL "${redactUrl(value)}": ${SMTP_HOW}.`);
}

/** The production start-up check's message (lib/startup.ts): what to set, in one line. */
export const SMTP_REQUIRED = `SMTP_URL is not set: in production Cookiegram sends real mail (sign-up confirmation, password resets). Set SMTP_URL: ${SMTP_HOW}; see "Mail" in the README.`;

function parseMailConfig(e: Env, appOrigin: string): MailConfig {
  const from = emptyToUndefined(e.MAIL_FROM) ?? `Cookiegram <no-reply@${new URL(appOrigin).hostname}>`;
  if (!FROM_ADDRESS.test(from)) {
    throw new ConfigError(`Invalid MAIL_FROM "${from}": use an address, or a name and an address, e.g. Cookiegram <no-reply@cookiegram.example>.`);
  }
  return { smtpUrl: parseSmtpUrl(e.SMTP_URL), from, requireVerifiedEmail: e.REQUIRE_VERIFIED_EMAIL === 'on' };
}

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
  const onVercel = e.VERCEL === '1';
  const appOrigin = appOriginOf(e);
  return {
    isProduction: e.NODE_ENV === 'production',
    onVercel,
    authSecret: e.AUTH_SECRET === '' ? undefined : e.AUTH_SECRET,
    database: parseDatabaseUrl(e.DATABASE_URL, e.DATABASE_AUTH_TOKEN, onVercel),
    bcryptCost: e.BCRYPT_COST,
    demoData: e.DEMO_DATA === 'on',
    authStrategy: e.AUTH_STRATEGY,
    appOrigin,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    storage: parseStorageUrl(e, onVercel),
    mail: parseMailConfig(e, appOrigin),
  };
}

let cached: Config | undefined;

/** The process configuration, read from the environment once. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
