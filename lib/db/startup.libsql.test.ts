// Start-up against a real libSQL server (sqld over HTTP): migrations are the deploy's job, and a
// server refuses to serve an unreachable, unauthorised or out-of-date database with one clear line.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config';
import journal from '@/drizzle/meta/_journal.json';
import { type Connection, type Db, openDatabase } from './client';
import { pendingMigrations } from './migrate';
import { posts } from './schema';
import { freePort } from '@/testing/ports';
import { type SqldServer, startSqld } from '@/testing/sqld';
import { migrateAndSeed, prepareDatabase } from './startup';

process.env.BCRYPT_COST = '4'; // the demo users' hashes; read by getConfig() on first use

const allTags = journal.entries.map((e) => e.tag);
const remote = (url: string, authToken?: string): Connection => openDatabase({ driver: 'libsql', url, authToken });
const postCount = async ({ db }: { db: Db }) => (await db.select({ n: count() }).from(posts))[0]?.n;

// Seeding sends the 30 demo drawings through the photo pipeline: seconds, not milliseconds.
const SEEDING = { timeout: 60_000 };

describe('a libSQL database', () => {
  let server: SqldServer;
  let connection: Connection;

  beforeAll(async () => {
    server = await startSqld();
    connection = remote(server.url);
  });
  afterAll(async () => {
    connection.close();
    await server.stop();
  });

  it('when empty, is refused by the server, which names the command to run', async () => {
    expect(await pendingMigrations(connection)).toEqual(allTags);
    const refusal = prepareDatabase(connection);
    await expect(refusal).rejects.toThrow(ConfigError);
    await expect(refusal).rejects.toThrow(/is behind .*Run `npm run db:migrate`/);
  });

  it('is migrated and seeded by db:migrate once, then served', SEEDING, async () => {
    expect(await migrateAndSeed(connection)).toEqual({ seeded: true });
    expect(await pendingMigrations(connection)).toEqual([]);
    expect(await postCount(connection)).toBe(30);
    expect(await migrateAndSeed(connection)).toEqual({ seeded: false });
    expect(await postCount(connection)).toBe(30);
    await expect(prepareDatabase(connection)).resolves.toBeUndefined();
  });

  it('one migration behind is refused, naming the migration it lacks', async () => {
    const last = journal.entries.at(-1);
    if (!last) throw new Error('no migrations');
    await connection.db.run(sql`delete from __drizzle_migrations where created_at = ${last.when}`);
    await expect(prepareDatabase(connection)).rejects.toThrow(`missing migrations: ${last.tag}`);
  });
});

describe('start-up refuses, in one line', () => {
  it('a server that does not answer', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const refusal = prepareDatabase(remote(url));
    await expect(refusal).rejects.toThrow(ConfigError);
    await expect(refusal).rejects.toThrow(`Cannot reach the database at ${url} (connect ECONNREFUSED`);
  });

  it('a server that wants a token (DATABASE_AUTH_TOKEN) it was not given', SEEDING, async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const server = await startSqld({ jwtPublicKeyPem: await exportSPKI(publicKey) });
    try {
      await expect(prepareDatabase(remote(server.url))).rejects.toThrow(/refused the connection \(HTTP 401\)\. Check DATABASE_AUTH_TOKEN/);
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey);
      const authorised = remote(server.url, token);
      await migrateAndSeed(authorised);
      await expect(prepareDatabase(authorised)).resolves.toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});

describe('the embedded database', () => {
  it('still migrates and seeds itself on start', SEEDING, async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cookiegram-test-')), 'start.db');
    const embedded = openDatabase({ driver: 'better-sqlite3', path });
    await prepareDatabase(embedded);
    expect(await pendingMigrations(embedded)).toEqual([]);
    expect(await postCount(embedded)).toBe(30);
    embedded.close();
  });
});
