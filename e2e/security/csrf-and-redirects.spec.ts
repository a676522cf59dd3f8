import { expect, test } from '../fixtures';
import { logIn, logOut, register } from '../helpers';

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
  ]) {
    await logOut(page);
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await logIn(page, user.email, user.password);
    await expect(page, next).toHaveURL('/feed');
  }
});
