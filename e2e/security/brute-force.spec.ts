import { expect, randomClientIp, test } from '../fixtures';
import { logIn, uniqueUser } from '../helpers';

const login = (email: string, password: string, ip = randomClientIp()) => ({
  data: { email, password },
  headers: { 'X-Forwarded-For': ip },
});

test.describe('brute force', () => {
  test('locks an account after 5 failed logins from strangers, with 429 and Retry-After', async ({ request, playwright, baseURL }) => {
    const user = uniqueUser();
    expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);

    // Strangers: clients that never logged in to this account (no device cookie), each from its own address.
    const stranger = await playwright.request.newContext({ baseURL });
    for (let i = 0; i < 5; i++) {
      const failed = await stranger.post('/api/auth/login', login(user.email, `wrong-${i}`));
      expect(failed.status()).toBe(401);
    }
    // From a sixth address, even with the right password: the account is throttled for strangers.
    const limited = await stranger.post('/api/auth/login', login(user.email, user.password));
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await limited.json()).toEqual({ error: expect.stringMatching(/Too many attempts.*minutes/) as unknown });
    expect(limited.headers()['set-cookie']).toBeUndefined();
    await stranger.dispose();
  });

  test('says so in the login form, readably', async ({ page, request }) => {
    const email = `nobody.${Date.now()}@example.com`;
    for (let i = 0; i < 5; i++) await request.post('/api/auth/login', login(email, 'wrong-password'));
    await page.goto('/login');
    await logIn(page, email, 'wrong-password');
    await expect(page.getByRole('alert').filter({ hasText: 'Too many attempts' })).toContainText(/wait \d+ minutes/);
  });

  test('limits failed logins per client across accounts (password spraying)', async ({ request }) => {
    const ip = randomClientIp();
    for (let i = 0; i < 30; i++) {
      const response = await request.post('/api/auth/login', login(`spray.${i}.${Date.now()}@example.com`, 'Winter2024!', ip));
      expect(response.status()).toBe(401);
    }
    const limited = await request.post('/api/auth/login', login(`fresh.${Date.now()}@example.com`, 'x', ip));
    expect(limited.status()).toBe(429);
    // Another client is not affected.
    expect((await request.post('/api/auth/login', login(`fresh.${Date.now()}@example.com`, 'x'))).status()).toBe(401);
  });

  test('limits sign-ups per client', async ({ request }) => {
    const ip = randomClientIp();
    for (let i = 0; i < 10; i++) {
      const response = await request.post('/api/auth/register', { data: uniqueUser(), headers: { 'X-Forwarded-For': ip } });
      expect(response.status()).toBe(201);
    }
    const user = uniqueUser();
    const limited = await request.post('/api/auth/register', { data: user, headers: { 'X-Forwarded-For': ip } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    // Nothing was created for the refused attempt.
    expect((await request.post('/api/auth/login', login(user.email, user.password))).status()).toBe(401);
  });
});
