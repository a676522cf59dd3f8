import { expect, randomClientIp, test } from '../fixtures';
import { uniqueUser } from '../helpers';

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

test.describe('account enumeration', () => {
  test('login answers an unknown email exactly like a wrong password, in the same time', async ({ request }) => {
    test.slow();
    const SAMPLES = 9;
    const users = [];
    for (let i = 0; i < SAMPLES; i++) {
      const user = uniqueUser();
      expect((await request.post('/api/auth/register', { data: user, headers: { 'X-Forwarded-For': randomClientIp() } })).status()).toBe(201);
      users.push(user);
    }

    const attempt = async (email: string) => {
      const started = performance.now();
      const response = await request.post('/api/auth/login', {
        data: { email, password: 'not-the-password' },
        headers: { 'X-Forwarded-For': randomClientIp() },
      });
      return { ms: performance.now() - started, status: response.status(), body: await response.text() };
    };
    await attempt('warm.up.the.dummy.hash@example.com');
    const wrongPassword = [];
    const unknownEmail = [];
    for (const user of users) {
      wrongPassword.push(await attempt(user.email));
      unknownEmail.push(await attempt(`no.one.${Date.now()}.${Math.random()}@example.com`));
    }

    for (const r of [...wrongPassword, ...unknownEmail]) {
      expect(r.status).toBe(401);
      expect(r.body).toBe('{"error":"Invalid email or password"}');
    }
    // Both pay one bcrypt comparison (~85 ms at cost 10); without the dummy hash an unknown email
    // answers in a few ms, a ratio near 0.05. The bounds are wide because the machine may be busy.
    const known = median(wrongPassword.map((r) => r.ms));
    const unknown = median(unknownEmail.map((r) => r.ms));
    expect(unknown).toBeGreaterThan(known * 0.5);
    expect(unknown).toBeLessThan(known * 2);
  });

  test('sign-up with a taken email says only that, and creates nothing', async ({ request }) => {
    const owner = uniqueUser();
    expect((await request.post('/api/auth/register', { data: owner })).status()).toBe(201);
    const intruder = { ...uniqueUser(), email: owner.email };
    const response = await request.post('/api/auth/register', { data: intruder, headers: { 'X-Forwarded-For': randomClientIp() } });
    expect(response.status()).toBe(409);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: 'An account with this email already exists. Log in instead?', field: 'email' });
    expect(body).not.toContain(owner.username);
    const login = await request.post('/api/auth/login', { data: { email: owner.email, password: intruder.password } });
    expect(login.status()).toBe(401);
  });
});
