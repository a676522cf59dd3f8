import { describe, expect, it } from 'vitest';
import { PASSWORD_QUEUE_LIMIT, PasswordPoolBusyError, dummyHash, hashPassword, verifyPassword } from './password';

const COST = 4; // the algorithm is the same at any cost; tests stay fast

describe('password hashing', () => {
  it('stores a salted bcrypt hash, never the password', async () => {
    const a = await hashPassword('correct horse battery', COST);
    const b = await hashPassword('correct horse battery', COST);
    expect(a).toMatch(/^\$2[aby]\$04\$.{53}$/);
    expect(a).not.toContain('correct');
    expect(a).not.toBe(b); // a fresh salt each time
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', COST);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery!', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats NFKC-equivalent passwords as the same password', async () => {
    const hash = await hashPassword('ﬁve ｆｕｌｌwidth', COST);
    expect(await verifyPassword('five fullwidth', hash)).toBe(true);
  });

  it('gives a dummy hash that matches nothing a user types', async () => {
    const hash = await dummyHash(COST);
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(await dummyHash(COST)).toBe(hash); // made once per cost
    expect(await verifyPassword('password', hash)).toBe(false);
  });
});

describe('the password pool', () => {
  it('refuses work beyond its queue at once instead of queueing it for minutes', async () => {
    const results = await Promise.allSettled(Array.from({ length: PASSWORD_QUEUE_LIMIT * 3 }, () => hashPassword('x', COST)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.reason).toBeInstanceOf(PasswordPoolBusyError);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(PASSWORD_QUEUE_LIMIT);
    expect(await hashPassword('after the flood', COST)).toMatch(/^\$2/); // and works again right after
  });
});
