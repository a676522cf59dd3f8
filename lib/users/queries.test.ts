import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, useTestDatabase } from '@/testing/database';
import { createUser, existingUsernames, findUserByEmail } from './queries';

beforeAll(async () => {
  await useTestDatabase();
  await createTestUser('alice');
});

describe('createUser', () => {
  it('returns the new user with token epoch 0', async () => {
    const result = await createUser({ username: 'dave', email: 'dave@example.com', passwordHash: 'h' });
    expect(result).toMatchObject({ ok: true, user: { username: 'dave', tokenEpoch: 0 } });
    expect(await findUserByEmail('dave@example.com')).toMatchObject({ username: 'dave', passwordHash: 'h' });
    expect(await findUserByEmail('nobody@example.com')).toBeUndefined();
  });
});

describe('existingUsernames', () => {
  it('keeps only the names that have an account', async () => {
    expect([...(await existingUsernames(['alice', 'nobody_here']))]).toEqual(['alice']);
    expect((await existingUsernames([])).size).toBe(0);
  });
});
