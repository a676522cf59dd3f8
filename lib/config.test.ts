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
    expect(parseConfig({ VERCEL: '1', DATABASE_URL: 'libsql://db.turso.io' }).database.driver).toBe('libsql');
  });
});

describe('redactUrl', () => {
  it('keeps the scheme and host, drops credentials, path and query', () => {
    expect(redactUrl('libsql://db-acme.turso.io?authToken=secret')).toBe('libsql://db-acme.turso.io');
    expect(redactUrl('http://user:pw@127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
  });
});
