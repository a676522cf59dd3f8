// SameSite=Strict keeps the auth cookie off every request another site starts, links included.
// Arriving from a link must still show the right page, and must never end a good session.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { authCookie, register } from '../helpers';

const EVIL = 'https://evil.example/';

/** A page on another site with links into the app. */
async function openForeignPage(page: Page, baseURL: string, paths: string[]) {
  await page.route(`${EVIL}**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>elsewhere</title>${paths.map((p) => `<p><a href="${baseURL}${p}">${p}</a></p>`).join('')}`,
    }),
  );
  await page.goto(EVIL);
}

test.describe('arriving from a link on another site', () => {
  test('a logged-in person lands on the page they were sent to, still logged in', async ({ page, baseURL, strategy }) => {
    const user = await register(page);
    await openForeignPage(page, baseURL ?? '', ['/feed', '/login', '/how-it-works']);
    await page.getByRole('link', { name: '/feed' }).click();
    await expect(page).toHaveURL(`${baseURL}/feed`);
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(user.username);

    await page.goto(EVIL);
    await page.getByRole('link', { name: '/login' }).click();
    await expect(page).toHaveURL(`${baseURL}/feed`); // logged in: the login page sends on to the feed
    expect(await authCookie(page, strategy)).toBeDefined();
  });

  test('a link to /session-ended from another site logs nobody out', async ({ page, baseURL, strategy }) => {
    await register(page);
    const before = await authCookie(page, strategy);
    await openForeignPage(page, baseURL ?? '', ['/session-ended']);
    await page.getByRole('link', { name: '/session-ended' }).click();
    await expect(page).toHaveURL(`${baseURL}/feed`);
    expect((await authCookie(page, strategy))?.value).toBe(before?.value);
    await page.goto('/feed');
    await expect(page).toHaveURL('/feed');
  });

  test('a visitor who is not logged in gets the login page, and nothing is cleared', async ({ page, baseURL }) => {
    await openForeignPage(page, baseURL ?? '', ['/feed', '/session-ended']);
    await page.getByRole('link', { name: '/feed' }).click();
    await expect(page).toHaveURL(`${baseURL}/login?next=%2Ffeed`);
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  });
});

test.describe('redirects name a path, never a host', () => {
  test('the proxy, pages and /session-ended answer with relative Locations', async ({ request, playwright, baseURL, strategy }) => {
    const loggedOut = await request.get('/feed', { maxRedirects: 0 });
    expect(loggedOut.status()).toBe(307);
    expect(loggedOut.headers().location).toBe('/login?next=%2Ffeed');

    const dead = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: strategy === 'jwt' ? 'token=a.b.c' : `session=${'A'.repeat(43)}` },
    });
    const ended = await dead.get('/session-ended', { maxRedirects: 0 });
    expect(ended.headers().location).toBe('/login?reason=session-ended');
    expect(ended.headers()['set-cookie']).toMatch(/Max-Age=0/);
    await dead.dispose();

    const nothing = await request.get('/session-ended', { maxRedirects: 0 });
    expect(nothing.headers().location).toBe('/login');
    expect(nothing.headers()['set-cookie']).toBeUndefined();

    await request.post('/api/auth/register', { data: { username: `rel_${Date.now()}`, email: `rel.${Date.now()}@example.com`, password: 'relative paths only' } });
    const home = await request.get('/login', { maxRedirects: 0 });
    expect(home.headers().location).toBe('/feed');
  });
});
