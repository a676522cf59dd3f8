import type { Browser, Cookie } from '@playwright/test';
import { COOKIE, expect, test } from './fixtures';
import { authCookie, logIn, logOut, register, uniqueUser } from './helpers';
import { openServerDb } from './security/support';

/** A fresh browser holding only a copy of a stolen auth cookie. */
async function replay(browser: Browser, stolen: Cookie) {
  const context = await browser.newContext();
  await context.addCookies([stolen]);
  const page = await context.newPage();
  return { context, page };
}

async function expectLockedOut(browser: Browser, stolen: Cookie) {
  const { context, page } = await replay(browser, stolen);
  await page.goto('/feed');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('article')).toHaveCount(0);
  const like = await page.request.post('/api/posts/5/like');
  expect(like.status()).toBe(401);
  expect(await like.json()).toEqual({ error: expect.any(String) as unknown });
  await context.close();
}

test.describe('logout that really revokes', () => {
  test('a cookie copied before logout does not work after it', async ({ page, browser, strategy }) => {
    await register(page);
    const stolen = await authCookie(page, strategy);
    if (!stolen) throw new Error('no auth cookie after sign-up');

    // The copy works while the session lives…
    const { context, page: thief } = await replay(browser, stolen);
    await thief.goto('/feed');
    await expect(thief).toHaveURL('/feed');
    expect((await thief.request.post('/api/posts/6/like')).status()).toBe(200);
    await context.close();

    // …and not after the owner logs out.
    await logOut(page);
    await expectLockedOut(browser, stolen);
  });

  test('"Log out of all devices" ends every session of the user', async ({ page, browser, strategy }) => {
    const user = await register(page);
    const first = await authCookie(page, strategy);
    if (!first) throw new Error('no auth cookie after sign-up');

    const other = await browser.newContext();
    const phone = await other.newPage();
    await phone.goto('/login');
    await logIn(phone, user.email, user.password);
    await expect(phone).toHaveURL('/feed');

    await page.goto('/settings/sessions');
    await page.getByRole('button', { name: 'Log out of all devices' }).click();
    await expect(page).toHaveURL('/login');

    await phone.goto('/feed');
    await expect(phone).toHaveURL(/\/login/);
    await expect(phone.getByRole('status')).toContainText('Your session has ended');
    expect((await phone.request.post('/api/posts/7/like')).status()).toBe(401);
    await other.close();
    await expectLockedOut(browser, first);
  });
});

test.describe('sessions page', () => {
  test('lists each login and revokes one (session strategy)', async ({ page, browser, strategy }) => {
    test.skip(strategy !== 'session', 'JWT sessions are stateless: there is no list to show');
    const user = await register(page);
    const other = await browser.newContext({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1' });
    const phone = await other.newPage();
    await phone.goto('/login');
    await logIn(phone, user.email, user.password);
    await expect(phone).toHaveURL('/feed');

    await page.getByRole('link', { name: 'Sessions' }).click();
    await expect(page).toHaveURL('/settings/sessions');
    // The sessions' own list, not the settings menu beside it.
    const rows = page.getByRole('region', { name: 'Active sessions' }).getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'This device' })).toHaveCount(1);
    const iphone = rows.filter({ hasText: 'Safari on iPhone' });
    await iphone.getByRole('button', { name: 'Revoke' }).click();
    await expect(rows).toHaveCount(1);

    await phone.goto('/feed');
    await expect(phone).toHaveURL(/\/login/);
    await page.reload();
    await expect(page).toHaveURL('/settings/sessions');
    await other.close();
  });

  test('explains stateless tokens (JWT strategy)', async ({ page, strategy }) => {
    test.skip(strategy !== 'jwt', 'session strategy lists rows instead');
    await register(page);
    await page.goto('/settings/sessions');
    await expect(page.getByText(/JWT/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Log out of all devices' })).toBeVisible();
  });
});

test('a cookie of the other strategy is ignored and cleared', async ({ page, strategy }) => {
  const foreign = COOKIE[strategy === 'jwt' ? 'session' : 'jwt'];
  const value = strategy === 'jwt' ? 'A'.repeat(43) : 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln';
  const url = new URL(test.info().project.use.baseURL ?? '');
  await page.context().addCookies([{ name: foreign.name, value, domain: url.hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Strict' }]);

  await page.goto('/feed');
  await expect(page).toHaveURL('/login?next=%2Ffeed');
  const names = (await page.context().cookies()).map((c) => c.name);
  expect(names).not.toContain(foreign.name);
});

test.describe('session rows (session strategy)', () => {
  test.skip(({ strategy }) => strategy !== 'session', 'only the session strategy keeps a row per login');

  test('logging in again on the same browser replaces its session instead of adding one', async ({ request, server }) => {
    const user = uniqueUser();
    expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
    for (let i = 0; i < 3; i++) expect((await request.post('/api/auth/login', { data: { email: user.email, password: user.password } })).status()).toBe(200);
    const db = openServerDb(server);
    const [row] = await db.all<{ n: number }>('SELECT count(*) AS n FROM sessions JOIN users ON users.id = sessions.user_id WHERE users.email = ?', [user.email]);
    db.close();
    expect(row?.n).toBe(1);
  });

  test('the sessions page says when each session ends at the latest', async ({ page }) => {
    await register(page);
    await page.goto('/settings/sessions');
    const latest = new Date(Date.now() + 30 * 24 * 3600 * 1000).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    await expect(page.getByRole('listitem').filter({ hasText: 'This device' })).toContainText(`Ends by ${latest} at the latest`);
  });
});
