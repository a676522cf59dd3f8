// Limits that hold under concurrency, and that no stranger can turn against the owner.
import type { APIRequestContext } from '@playwright/test';
import { expect, randomClientIp, test } from '../fixtures';
import { logIn, logOut, register, uniqueUser } from '../helpers';

const attempt = (api: APIRequestContext, email: string, password: string, ip = randomClientIp()) =>
  api.post('/api/auth/login', { data: { email, password }, headers: { 'X-Forwarded-For': ip } });

const statuses = async (responses: Promise<{ status(): number }>[]) => (await Promise.all(responses)).map((r) => r.status());
const countOf = (list: number[], status: number) => list.filter((s) => s === status).length;

test.describe('login limits under concurrency', () => {
  test.slow();

  test('100 wrong passwords for one account sent at once: at most 5 are evaluated', async ({ playwright, baseURL, request }) => {
    const user = uniqueUser();
    expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
    const stranger = await playwright.request.newContext({ baseURL });
    const answers = await statuses(Array.from({ length: 100 }, (_, i) => attempt(stranger, user.email, `wrong-${i}`)));
    expect(countOf(answers, 401)).toBeLessThanOrEqual(5);
    expect(countOf(answers, 401) + countOf(answers, 429) + countOf(answers, 503)).toBe(100);
    await stranger.dispose();
  });

  test('a correct password hidden in a burst of 39 wrong ones: at most 5 evaluated, and no reset', async ({ playwright, baseURL, request }) => {
    const user = uniqueUser();
    expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
    const stranger = await playwright.request.newContext({ baseURL });
    const answers = await statuses(
      Array.from({ length: 40 }, (_, i) => attempt(stranger, user.email, i === 20 ? user.password : `wrong-${i}`)),
    );
    expect(answers.filter((s) => s === 200 || s === 401).length).toBeLessThanOrEqual(5);
    if (!answers.includes(200)) {
      // The right one was not among those evaluated: the account stays locked for strangers.
      expect((await attempt(stranger, user.email, user.password)).status()).toBe(429);
    }
    await stranger.dispose();
  });

  test('80 failures from one client at once: at most 30 are evaluated', async ({ request }) => {
    const ip = randomClientIp();
    const answers = await statuses(Array.from({ length: 80 }, (_, i) => attempt(request, `spray.${i}.${Date.now()}@example.com`, 'Winter2024!', ip)));
    expect(countOf(answers, 401)).toBeLessThanOrEqual(30);
    expect(countOf(answers, 401) + countOf(answers, 429) + countOf(answers, 503)).toBe(80);
  });

  test('30 sign-ups from one client at once: at most 10 accounts', async ({ request }) => {
    const ip = randomClientIp();
    const answers = await statuses(
      Array.from({ length: 30 }, () => request.post('/api/auth/register', { data: uniqueUser(), headers: { 'X-Forwarded-For': ip } })),
    );
    expect(countOf(answers, 201)).toBeLessThanOrEqual(10);
    expect(countOf(answers, 201) + countOf(answers, 429) + countOf(answers, 503)).toBe(30);
  });

  test('a flood of logins is shed at once: 503 with Retry-After beyond what the password pool can queue', async ({ playwright, baseURL }) => {
    const flood = await playwright.request.newContext({ baseURL });
    // The order answers arrive in, not their timing: a shed request is answered without waiting
    // for the hashes queued ahead of it, so every 503 arrives before the last evaluated attempt.
    const arrivals: number[] = [];
    const responses = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => {
        const response = await attempt(flood, `flood.${i}.${Date.now()}@example.com`, 'not-the-password');
        arrivals.push(response.status());
        return response;
      }),
    );
    const answers = responses.map((r) => r.status());
    expect(countOf(answers, 503)).toBeGreaterThan(0);
    expect(countOf(answers, 401) + countOf(answers, 503)).toBe(150);
    expect(arrivals.lastIndexOf(503)).toBeLessThan(arrivals.lastIndexOf(401));
    const shed = responses.find((r) => r.status() === 503);
    expect(Number(shed?.headers()['retry-after'])).toBeGreaterThan(0);
    expect(await shed?.json()).toEqual({ error: expect.stringMatching(/try again/) as unknown });
    await flood.dispose();
  });
});

test.describe('no lockout of the owner', () => {
  test("a stranger's failures do not stop the owner logging in from a browser they used before", async ({ page, playwright, baseURL }) => {
    const user = await register(page); // this browser now holds a device cookie naming the account
    await logOut(page);

    const stranger = await playwright.request.newContext({ baseURL });
    for (let i = 0; i < 6; i++) await attempt(stranger, user.email, `guess-${i}`);
    expect((await attempt(stranger, user.email, user.password)).status()).toBe(429);
    await stranger.dispose();

    await page.goto('/login');
    await logIn(page, user.email, user.password);
    await expect(page).toHaveURL('/feed');

    // A browser that never logged in to the account is still locked out, password or not.
    const fresh = await playwright.request.newContext({ baseURL });
    expect((await attempt(fresh, user.email, user.password)).status()).toBe(429);
    await fresh.dispose();
  });
});
