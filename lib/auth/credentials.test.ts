import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { LIMITS } from '@/lib/security/rate-limit';
import { createUser } from '@/lib/users/queries';
import { useTestDatabase } from '@/testing/database';
import { type Requester, attemptLogin } from './credentials';
import { type Device, deviceCookieAfterLogin, readDeviceCookie } from './device-cookie';
import { hashCost, hashPassword } from './password';

process.env.BCRYPT_COST = '5'; // read by getConfig() on first use; cost 4 hashes below are "old"

const PASSWORD = 'correct horse battery staple';
let db: Db;
let n = 0;

async function newAccount(cost = 5) {
  const name = `login_${++n}`;
  const created = await createUser({ username: name, email: `${name}@example.com`, passwordHash: await hashPassword(PASSWORD, cost) });
  if (!created.ok) throw new Error('not created');
  return { ...created.user, email: `${name}@example.com` };
}

const stranger = (): Requester => ({ client: `203.0.113.${++n % 250}`, device: null });
const deviceOf = async (userId: number): Promise<Device> => {
  const device = await readDeviceCookie(await deviceCookieAfterLogin(null, userId));
  if (!device) throw new Error('device cookie did not verify');
  return device;
};

beforeAll(async () => {
  db = (await useTestDatabase()).db;
});

describe('attemptLogin', () => {
  it('evaluates at most 5 of 40 attempts sent at once, even when one of them is right', async () => {
    const account = await newAccount();
    const attempts = Array.from({ length: 40 }, (_, i) => ({ email: account.email, password: i === 20 ? PASSWORD : `wrong-${i}` }));
    const results = await Promise.all(attempts.map((input) => attemptLogin(input, stranger())));
    const evaluated = results.filter((r) => r.ok || r.reason === 'invalid');
    expect(evaluated.length).toBeLessThanOrEqual(LIMITS.loginPerAccount.max);
    expect(results.filter((r) => !r.ok && r.reason === 'rate-limited').length).toBeGreaterThanOrEqual(40 - LIMITS.loginPerAccount.max);
  });

  it("does not let a stranger's failures lock the owner out of a browser the owner logged in on", async () => {
    const account = await newAccount();
    const owner: Requester = { client: '198.51.100.7', device: await deviceOf(account.id) };
    for (let i = 0; i < LIMITS.loginPerAccount.max; i++) {
      expect(await attemptLogin({ email: account.email, password: `guess-${i}` }, stranger())).toEqual({ ok: false, reason: 'invalid' });
    }
    // Locked for every browser that never logged in to it, the right password included…
    expect(await attemptLogin({ email: account.email, password: PASSWORD }, stranger())).toMatchObject({ ok: false, reason: 'rate-limited' });
    // …but not for the owner's, whose cookie names this account.
    expect(await attemptLogin({ email: account.email, password: PASSWORD }, owner)).toMatchObject({ ok: true, user: { id: account.id } });
  });

  it("limits guessing from a trusted browser on that browser's own counter", async () => {
    const account = await newAccount();
    const device = await deviceOf(account.id);
    const from = { client: '198.51.100.8', device };
    for (let i = 0; i < LIMITS.loginPerDevice.max; i++) {
      expect((await attemptLogin({ email: account.email, password: `typo-${i}` }, from)).ok).toBe(false);
    }
    expect(await attemptLogin({ email: account.email, password: PASSWORD }, from)).toMatchObject({ reason: 'rate-limited' });
    // The account itself is not locked for untrusted browsers by the device's failures.
    expect(await attemptLogin({ email: account.email, password: PASSWORD }, stranger())).toMatchObject({ ok: true });
  });

  it('gives no trust to a device cookie of another account, or a forged one', async () => {
    const victim = await newAccount();
    const attacker = await newAccount();
    const attackersDevice = await deviceOf(attacker.id);
    for (let i = 0; i < LIMITS.loginPerAccount.max; i++) await attemptLogin({ email: victim.email, password: `g${i}` }, stranger());
    const from = { client: '198.51.100.9', device: attackersDevice };
    expect(await attemptLogin({ email: victim.email, password: PASSWORD }, from)).toMatchObject({ reason: 'rate-limited' });
    const cookie = await deviceCookieAfterLogin(null, victim.id);
    const [h, p, s = ''] = cookie.split('.');
    expect(await readDeviceCookie(`${h}.${p}.${s.slice(0, -2)}AA`)).toBeNull();
  });

  it('re-hashes a password stored with an older BCRYPT_COST at the next login', async () => {
    const account = await newAccount(4);
    expect(await attemptLogin({ email: account.email, password: PASSWORD }, stranger())).toMatchObject({ ok: true });
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, account.id));
    expect(hashCost(row?.hash ?? '')).toBe(5);
    expect(await attemptLogin({ email: account.email, password: PASSWORD }, stranger())).toMatchObject({ ok: true });
  });
});
