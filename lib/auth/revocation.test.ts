import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { revokedTokens } from '@/lib/db/schema';
import { createTestUser, useTestDatabase } from '@/testing/database';
import { bumpTokenEpoch, isTokenStillValid, revokeToken } from './revocation';

let db: Db;
let userId: number;
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  userId = await createTestUser('carol');
});

describe('JWT revocation', () => {
  it('refuses a revoked token id and only that one', async () => {
    const token = { userId, jti: 'token-a', epoch: 0, expiresAt: inAnHour() };
    expect(await isTokenStillValid(token)).toBe(true);
    await revokeToken(token);
    await revokeToken(token); // a second logout with the same token is harmless
    expect(await isTokenStillValid(token)).toBe(false);
    expect(await isTokenStillValid({ ...token, jti: 'token-b' })).toBe(true);
  });

  it('refuses tokens of a deleted or unknown user', async () => {
    expect(await isTokenStillValid({ userId: 999_999, jti: 'x', epoch: 0 })).toBe(false);
  });

  it('refuses every token of an earlier epoch after "log out of all devices"', async () => {
    const before = { userId, jti: 'token-c', epoch: 0 };
    expect(await isTokenStillValid(before)).toBe(true);
    await bumpTokenEpoch(userId);
    expect(await isTokenStillValid(before)).toBe(false);
    expect(await isTokenStillValid({ ...before, epoch: 1 })).toBe(true);
  });

  it('purges revocations of tokens that have expired anyway', async () => {
    const now = Math.floor(Date.now() / 1000);
    await db.insert(revokedTokens).values({ jti: 'long-gone', expiresAt: now - 10 });
    await revokeToken({ jti: 'token-d', expiresAt: inAnHour() });
    const rows = await db.select({ jti: revokedTokens.jti }).from(revokedTokens);
    expect(rows.map((r) => r.jti)).not.toContain('long-gone');
    expect(rows.map((r) => r.jti)).toContain('token-d');
    expect((await db.select({ n: count() }).from(revokedTokens))[0]?.n).toBe(rows.length);
  });
});
