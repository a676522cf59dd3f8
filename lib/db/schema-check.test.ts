import type { Client } from '@libsql/client/web';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config';
import { describeDatabaseError, isDatabaseUnreachable } from './errors';
import { checkedOnFirstQuery } from './schema-check';

/** A client whose `execute` answers 'ok'; what a test needs of libSQL's Client. */
function fakeClient() {
  const calls: string[] = [];
  const client = { execute: (sql: string) => (calls.push(sql), Promise.resolve('ok')), closed: false } as unknown as Client;
  return { client, calls };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

describe('checkedOnFirstQuery', () => {
  it('checks once, before the first query, and never again once passed', async () => {
    const { client, calls } = fakeClient();
    let checks = 0;
    const gated = checkedOnFirstQuery(client, () => {
      checks++;
      return Promise.resolve();
    });
    expect(checks).toBe(0); // nothing happens until a query is sent
    await Promise.all([gated.client.execute('select 1'), gated.client.execute('select 2')]);
    await gated.client.execute('select 3');
    await gated.ready();
    expect(checks).toBe(1);
    expect(calls).toEqual(['select 1', 'select 2', 'select 3']);
    expect(gated.client.closed).toBe(false); // everything else passes through
  });

  it('sends nothing while the check fails, and checks again on the next query', async () => {
    const { client, calls } = fakeClient();
    let up = false;
    const gated = checkedOnFirstQuery(client, () => (up ? Promise.resolve() : Promise.reject(describeDatabaseError(refused(), { name: 'db' }))));
    const failure = await gated.client.execute('select 1').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ConfigError);
    expect(isDatabaseUnreachable(failure)).toBe(true); // the 503 page still knows why
    expect(calls).toEqual([]);
    up = true;
    await expect(gated.client.execute('select 2')).resolves.toBe('ok');
    expect(calls).toEqual(['select 2']);
  });
});

describe('isDatabaseUnreachable', () => {
  it('is true for a network failure however wrapped, false for anything else', () => {
    expect(isDatabaseUnreachable(new Error('Failed query', { cause: new TypeError('fetch failed', { cause: refused() }) }))).toBe(true);
    expect(isDatabaseUnreachable(new ConfigError('The database is behind'))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBe(false);
  });
});
