import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config';
import { openDatabase } from './client';
import { describeDatabaseError, isBusy, uniqueViolation } from './errors';
import { migrateDatabase } from './migrate';
import { users } from './schema';

const busy = () => Object.assign(new Error('SQLITE_BUSY: SQLite error: database is locked'), { code: 'SQLITE_BUSY' });

describe('isBusy', () => {
  it('recognises SQLITE_BUSY however deep it is wrapped, and nothing else', () => {
    expect(isBusy(busy())).toBe(true);
    expect(isBusy(new Error('Failed query: insert …', { cause: busy() }))).toBe(true);
    expect(isBusy(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isBusy(new Error('database is locked'))).toBe(false);
    expect(isBusy('SQLITE_BUSY')).toBe(false);
  });
});

/** The error `run` fails with (the embedded driver throws at once, libSQL rejects). */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('errors of the embedded driver', () => {
  const open = async () => {
    const connection = openDatabase({ driver: 'better-sqlite3', path: join(mkdtempSync(join(tmpdir(), 'cookiegram-errors-')), 'db') });
    await migrateDatabase(connection);
    return connection;
  };

  it('names the unique column a real insert violated', async () => {
    const { db, close } = await open();
    const row = { username: 'dup', email: 'dup@example.com', passwordHash: 'x' };
    await db.insert(users).values(row);
    const emailTaken = await failure(() => db.insert(users).values({ ...row, username: 'other' }));
    expect(uniqueViolation(emailTaken)).toBe('users.email');
    const nameTaken = await failure(() => db.insert(users).values({ ...row, email: 'other@example.com' }));
    expect(uniqueViolation(nameTaken)).toBe('users.username');
    const notUnique = await failure(() => db.run(sql`select * from no_such_table`));
    expect(uniqueViolation(notUnique)).toBeUndefined();
    close();
  });

  it('leaves errors that are not about reaching the server as they are', async () => {
    const { db, close } = await open();
    const err = await failure(() => db.run(sql`select * from no_such_table`));
    expect(describeDatabaseError(err, { name: 'test.db' })).toBe(err);
    const config = new ConfigError('fix it');
    expect(describeDatabaseError(config, { name: 'test.db' })).toBe(config);
    close();
  });
});
