import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, redactUrl } from './config';

const database = (env: Record<string, string>) => parseConfig(env).database;

describe('DATABASE_URL picks the driver', () => {
  it('is the embedded SQLite file when unset or file:', () => {
    expect(database({})).toEqual({ driver: 'better-sqlite3', path: '.data/cookiegram.db' });
    expect(database({ DATABASE_URL: 'file:/var/lib/cookiegram.db' })).toEqual({
      driver: 'better-sqlite3',
      path: '/var/lib/cookiegram.db',
    });
  });

  it('is libSQL for libsql, http(s) and ws(s) URLs, with DATABASE_AUTH_TOKEN', () => {
    for (const url of [
      'libsql://cookiegram-acme.aws-eu-west-1.turso.io',
      'https://cookiegram-acme.turso.io',
      'http://127.0.0.1:8080',
      'wss://cookiegram-acme.turso.io',
      'ws://localhost:8080',
    ]) {
      expect(database({ DATABASE_URL: url, DATABASE_AUTH_TOKEN: 'token' })).toEqual({
        driver: 'libsql',
        url,
        authToken: 'token',
      });
    }
    expect(database({ DATABASE_URL: 'http://127.0.0.1:8080', DATABASE_AUTH_TOKEN: '' })).toMatchObject({
      authToken: undefined,
    });
  });

  it('refuses any other scheme with a message that says what works, and prints no credentials', () => {
    for (const url of ['postgres://app:hunter2@db.example.com/cookiegram', 'mysql://db', 'libsql://', 'cookiegram.db']) {
      const error = (() => {
        try {
          parseConfig({ DATABASE_URL: url });
        } catch (err) {
          return err;
        }
      })();
      expect(error, url).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^Invalid DATABASE_URL .*file:<path>.*libsql:\/\//);
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('refuses a local file on Vercel, whose disks are per function and thrown away', () => {
    expect(() => parseConfig({ VERCEL: '1' })).toThrow(ConfigError);
    expect(() => parseConfig({ VERCEL: '1', DATABASE_URL: 'file:.data/x.db' })).toThrow(/Deploy to Vercel/);
    expect(parseConfig({ VERCEL: '1', DATABASE_URL: 'libsql://db.turso.io', STORAGE_URL: 's3://media' }).database.driver).toBe('libsql');
  });
});

describe('STORAGE_URL picks where uploaded images live', () => {
  const storage = (env: Record<string, string>) => parseConfig(env).storage;
  const errorOf = (env: Record<string, string>) => {
    try {
      parseConfig(env);
    } catch (err) {
      return err;
    }
    throw new Error(`no error for ${JSON.stringify(env)}`);
  };

  it('is the directory .data/media when unset, or the one a file: URL names', () => {
    expect(storage({})).toEqual({ driver: 'file', directory: '.data/media', publicUrl: undefined });
    expect(storage({ STORAGE_URL: 'file:/srv/cookiegram/media' })).toMatchObject({ driver: 'file', directory: '/srv/cookiegram/media' });
  });

  it('is a bucket for s3://<bucket>, with an optional prefix, the endpoint, the region and the keys', () => {
    expect(storage({ STORAGE_URL: 's3://cookiegram-media' })).toEqual({
      driver: 's3',
      bucket: 'cookiegram-media',
      prefix: '',
      endpoint: undefined,
      region: 'us-east-1',
      credentials: undefined,
      publicUrl: undefined,
    });
    expect(
      storage({
        STORAGE_URL: 's3://media.cookiegram.example/uploads/images/',
        S3_ENDPOINT: 'https://acme.r2.cloudflarestorage.com/',
        AWS_REGION: 'auto',
        AWS_ACCESS_KEY_ID: 'id',
        AWS_SECRET_ACCESS_KEY: 'secret',
      }),
    ).toEqual({
      driver: 's3',
      bucket: 'media.cookiegram.example',
      prefix: 'uploads/images/',
      endpoint: 'https://acme.r2.cloudflarestorage.com',
      region: 'auto',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      publicUrl: undefined,
    });
    // Vercel sets a session token of the function's own next to the bucket's keys: it is not theirs.
    const onVercel = storage({ STORAGE_URL: 's3://b-1/p', AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't' });
    expect(onVercel.driver === 's3' && onVercel.credentials).toEqual({ accessKeyId: 'id', secretAccessKey: 's' });
    // Empty values, as a .env template leaves them, mean unset.
    expect(storage({ STORAGE_URL: 's3://b-1', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' })).toMatchObject({ credentials: undefined });
  });

  it('refuses anything else, naming STORAGE_URL and what works, without printing credentials', () => {
    for (const url of ['media', 'file:', 's3://', 's3://Media', 's3://ab', 's3://under_score', 's3://key:hunter2@bucket', 's3://bucket?x=1', 'gs://bucket', 'https://bucket.s3.amazonaws.com']) {
      const error = errorOf({ STORAGE_URL: url });
      expect(error, url).toBeInstanceOf(ConfigError);
      expect((error as Error).message, url).toMatch(/^Invalid STORAGE_URL .*file:<directory>.*s3:\/\/<bucket>/);
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('refuses half a key pair, and an endpoint or public URL that would build wrong URLs', () => {
    const s3 = { STORAGE_URL: 's3://media' };
    expect(errorOf({ ...s3, AWS_ACCESS_KEY_ID: 'id' })).toBeInstanceOf(ConfigError);
    expect((errorOf({ ...s3, AWS_SECRET_ACCESS_KEY: 'secret' }) as Error).message).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
    for (const endpoint of ['https://acme.r2.cloudflarestorage.com/media', 'ftp://minio.local', 'minio.local:9000']) {
      expect((errorOf({ ...s3, S3_ENDPOINT: endpoint }) as Error).message, endpoint).toMatch(/^Invalid S3_ENDPOINT/);
    }
    for (const publicUrl of ['cdn.example', 'https://cdn.example/media?v=1', 'https://cdn.example/#x', 'javascript:alert(1)']) {
      const error = errorOf({ MEDIA_PUBLIC_URL: publicUrl });
      expect(error, publicUrl).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^Invalid MEDIA_PUBLIC_URL/);
    }
  });

  it('takes MEDIA_PUBLIC_URL without its trailing slash, for either driver', () => {
    expect(storage({ MEDIA_PUBLIC_URL: 'https://media.cookiegram.example/' }).publicUrl).toBe('https://media.cookiegram.example');
    expect(storage({ STORAGE_URL: 's3://media', MEDIA_PUBLIC_URL: 'https://pub-1.r2.dev/uploads/' }).publicUrl).toBe('https://pub-1.r2.dev/uploads');
  });

  it('refuses a local directory on Vercel, in one line that says what to set', () => {
    const error = errorOf({ VERCEL: '1', DATABASE_URL: 'libsql://db.turso.io' });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^STORAGE_URL .*Set STORAGE_URL to a bucket \(s3:\/\/<bucket>\).*Deploy to Vercel/);
    expect((error as Error).message).not.toContain('\n');
    expect(() => parseConfig({ VERCEL: '1', DATABASE_URL: 'libsql://db.turso.io', STORAGE_URL: 'file:/tmp/media' })).toThrow(/^STORAGE_URL/);
  });
});

describe('redactUrl', () => {
  it('keeps the scheme and host, drops credentials, path and query', () => {
    expect(redactUrl('libsql://db-acme.turso.io?authToken=secret')).toBe('libsql://db-acme.turso.io');
    expect(redactUrl('http://user:pw@127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
  });
});

describe('SMTP_URL, MAIL_FROM and REQUIRE_VERIFIED_EMAIL', () => {
  const mail = (env: Record<string, string>) => parseConfig(env).mail;

  it('has no SMTP by default (the dev mailbox), a From on the app\'s host, and verification not required', () => {
    expect(mail({})).toEqual({ smtpUrl: undefined, from: 'Cookiegram <no-reply@localhost>', requireVerifiedEmail: false });
    expect(mail({ APP_URL: 'https://cookiegram.example' }).from).toBe('Cookiegram <no-reply@cookiegram.example>');
    expect(mail({ REQUIRE_VERIFIED_EMAIL: 'on' }).requireVerifiedEmail).toBe(true);
  });

  it('takes smtp:// and smtps:// URLs and a From with or without a name', () => {
    expect(mail({ SMTP_URL: 'smtp://user:p%40ss@smtp.example:587' }).smtpUrl).toBe('smtp://user:p%40ss@smtp.example:587');
    expect(mail({ SMTP_URL: 'smtps://apikey:secret@smtp.sendgrid.net:465' }).smtpUrl).toBe('smtps://apikey:secret@smtp.sendgrid.net:465');
    expect(mail({ MAIL_FROM: 'hello@cookiegram.example' }).from).toBe('hello@cookiegram.example');
  });

  it('refuses another scheme or a broken From, naming the variable and never printing the password', () => {
    for (const SMTP_URL of ['http://user:hunter2@smtp.example', 'smtp://', 'not a url']) {
      expect(() => parseConfig({ SMTP_URL })).toThrow(ConfigError);
      expect(() => parseConfig({ SMTP_URL })).toThrow(/^Invalid SMTP_URL .*smtp:\/\/user:password@host:587/);
      expect(() => parseConfig({ SMTP_URL })).not.toThrow(/hunter2/);
    }
    expect(() => parseConfig({ MAIL_FROM: 'Cookiegram' })).toThrow(/^Invalid MAIL_FROM/);
    expect(() => parseConfig({ MAIL_FROM: 'a@b.example\r\nBcc: x@evil.example' })).toThrow(/^Invalid MAIL_FROM/);
    expect(() => parseConfig({ REQUIRE_VERIFIED_EMAIL: 'yes' })).toThrow(/^Invalid REQUIRE_VERIFIED_EMAIL/);
  });
});
