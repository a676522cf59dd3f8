import { expect, test } from '../fixtures';
import { logIn, logOut, register, uniqueUser } from '../helpers';

test.describe('CSRF', () => {
  test('the like API refuses cross-site requests, even with the cookie, and changes nothing', async ({ page }) => {
    await register(page);
    const api = page.request;
    const before = (await (await api.delete('/api/posts/3/like')).json()) as { likeCount: number };

    const crossSite: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://sub.localhost' },
      { Origin: 'null' },
    ];
    for (const headers of crossSite) {
      const response = await api.post('/api/posts/3/like', { headers });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toEqual({ error: 'Cross-site requests are not allowed.' });
    }
    const after = (await (await api.delete('/api/posts/3/like')).json()) as { likeCount: number };
    expect(after.likeCount).toBe(before.likeCount);
  });

  test('a cross-site form posting to a server action is refused with 403', async ({ page, baseURL }) => {
    await page.goto('/register');
    // Find the action id React put in the page, then replay it from a "foreign" origin.
    const actionResponse = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByRole('button', { name: 'Sign up' }).click();
    const actionId = (await actionResponse).headers()['next-action'] ?? '';
    expect(actionId).not.toBe('');

    const forged = await page.request.post(`${baseURL}/register`, {
      headers: { 'Next-Action': actionId, Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[{},"$K1"]',
    });
    expect(forged.status()).toBe(403);
  });

  test('auth cookies are SameSite=Strict, so browsers never attach them cross-site', async ({ page, strategy }) => {
    await register(page);
    const cookie = (await page.context().cookies()).find((c) => c.name === (strategy === 'jwt' ? 'token' : 'session'));
    expect(cookie?.sameSite).toBe('Strict');
  });
});

test('open redirect: hostile next= values all land on /feed', async ({ page }) => {
  const user = await register(page);
  for (const next of [
    '//evil.example',
    '//evil.example/feed',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example',
    'https:evil.example',
    'javascript:alert(1)',
    '/\t/evil.example',
    '//%2F%2Fevil.example',
    'http:/\\/evil.example',
    '/.//evil.example',
    '/%2e//evil.example',
    '/a/..//evil.example',
  ]) {
    await logOut(page);
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await logIn(page, user.email, user.password);
    await expect(page, next).toHaveURL('/feed');
  }
});

test('open redirect: dot segments that normalise to //evil never reach the page or a Location', async ({ page, request }) => {
  const user = uniqueUser();
  expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
  for (const next of ['/.//evil.example/x', '/%2e//evil.example/x', '/a/..//evil.example/x']) {
    // (Next's own router payload echoes the query string; what matters is what the page uses.)
    const html = await (await page.request.get(`/login?next=${encodeURIComponent(next)}`)).text();
    expect(html, next).not.toMatch(/(?:value|href|action)="[^"]*evil\.example/);
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    for (const value of await page.locator('input[name="next"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))) {
      expect(value, next).not.toContain('evil.example');
    }
  }

  // A raw no-script post of the login form, with a hostile next=, answers a same-site Location.
  await page.goto('/login');
  const form = page.locator('form').first();
  const fields = await form.evaluate((f: HTMLFormElement) => [...new FormData(f)].map(([k, v]) => [k, String(v)]));
  for (const next of ['/.//evil.example/x', '/%2e//evil.example/x', '/a/..//evil.example/x']) {
    const multipart: Record<string, string> = Object.fromEntries(fields);
    Object.assign(multipart, { email: user.email, password: user.password, next });
    const origin = new URL(page.url()).origin;
    const response = await page.request.post('/login', { multipart, headers: { Origin: origin }, maxRedirects: 0 });
    await page.context().clearCookies(); // logged in now; the next attempt starts logged out again
    expect(response.status(), next).toBe(303);
    const location = response.headers().location ?? '';
    expect(new URL(location, origin).origin, `${next} → ${location}`).toBe(origin);
  }
});
