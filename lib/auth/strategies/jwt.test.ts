import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { PURGE_BATCH } from '@/lib/db/purge';
import { revokedTokens } from '@/lib/db/schema';
import { createTestUser, useTestDatabase } from '@/testing/database';
import { jwtStrategy } from './jwt';

let db: Db;
let carol: { id: number; username: string; tokenEpoch: number };
const issue = (previous?: string) => jwtStrategy.issue(carol, { userAgent: 'ua', previous });
const check = (token: string) => jwtStrategy.authenticate(token, Date.now());
const revokedRows = async () => (await db.select({ n: count() }).from(revokedTokens))[0]?.n ?? 0;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  carol = { id: await createTestUser('carol'), username: 'carol', tokenEpoch: 0 };
});

describe('the JWT strategy', () => {
  it('accepts a token it issued, and after logout refuses that token only', async () => {
    const a = await issue();
    const b = await issue();
    const session = await check(a);
    expect(session).toMatchObject({ strategy: 'jwt', viewer: { id: carol.id, username: 'carol' } });
    if (!session) throw new Error('not accepted');
    await jwtStrategy.revoke(session);
    await jwtStrategy.revoke(session); // a second logout with the same token is harmless
    expect(await check(a)).toBeNull();
    expect(await check(b)).not.toBeNull();
  });

  it('refuses tokens of a deleted or unknown user', async () => {
    const ghost = await jwtStrategy.issue({ id: 999_999, username: 'ghost', tokenEpoch: 0 }, { userAgent: '', previous: undefined });
    expect(await check(ghost)).toBeNull();
  });

  it('refuses every token of an earlier epoch after "log out of all devices"', async () => {
    const before = await issue();
    expect(await check(before)).not.toBeNull();
    await jwtStrategy.revokeAll(carol.id);
    expect(await check(before)).toBeNull();
    carol = { ...carol, tokenEpoch: carol.tokenEpoch + 1 };
    expect(await check(await issue())).not.toBeNull();
  });

  it('retires the token a browser held when it logs in again', async () => {
    const old = await issue();
    const fresh = await issue(old);
    expect(await check(old)).toBeNull();
    expect(await check(fresh)).not.toBeNull();
  });

  it('purges revocations of tokens that have expired anyway, a bounded batch per logout', async () => {
    const past = Math.floor(Date.now() / 1000) - 10;
    await db.insert(revokedTokens).values(Array.from({ length: PURGE_BATCH + 5 }, (_, i) => ({ jti: `long-gone-${i}`, expiresAt: past })));
    const live = await revokedRows() - (PURGE_BATCH + 5);
    const session = await check(await issue());
    if (!session) throw new Error('not accepted');
    await jwtStrategy.revoke(session);
    expect(await revokedRows()).toBe(live + 5 + 1);
    await jwtStrategy.revoke(session);
    expect(await revokedRows()).toBe(live + 1);
  });
});
