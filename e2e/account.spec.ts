import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { authCookie, logIn, register } from './helpers';
import { readMail } from './mail';
import { likeState, openServerDb } from './security/support';

// Each test signs up (bcrypt) and most check a password or two more: on a busy machine that is slow.
test.slow();

const NEW_PASSWORD = 'gingerbread under a paper moon';

async function changePassword(page: Page, current: string, next: string) {
  await page.goto('/settings/security');
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
}

async function deleteAccount(page: Page, password: string) {
  await page.goto('/settings/account');
  await page.getByRole('button', { name: 'Delete account' }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Delete account' }).click();
}

test.describe('settings layout', () => {
  test('one menu for every settings page, the current one marked; /settings opens the profile', async ({ page }) => {
    await register(page);
    await page.goto('/settings/security');
    const menu = page.getByRole('navigation', { name: 'Settings' });
    await expect(menu.getByRole('link')).toHaveText(['Profile', 'Account', 'Security', 'Sessions']);
    await expect(menu.getByRole('link', { name: 'Security' })).toHaveAttribute('aria-current', 'page');
    await menu.getByRole('link', { name: 'Account' }).click();
    await expect(page).toHaveURL('/settings/account');
    await expect(menu.getByRole('link', { name: 'Account' })).toHaveAttribute('aria-current', 'page');
    await expect(menu.locator('[aria-current]')).toHaveCount(1);
    await menu.getByRole('link', { name: 'Sessions' }).click();
    await expect(page).toHaveURL('/settings/sessions');

    const response = await page.request.get('/settings', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe('/settings/profile');
  });

  test('on a phone the menu is a row of tabs above the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await register(page);
    await page.goto('/settings/account');
    const tabs = await page.getByRole('navigation', { name: 'Settings' }).getByRole('link').evaluateAll((links) => links.map((l) => l.getBoundingClientRect().top));
    expect(new Set(tabs).size).toBe(1);
    const menuBottom = (await page.getByRole('navigation', { name: 'Settings' }).boundingBox())?.y ?? Infinity;
    const heading = (await page.getByRole('heading', { name: 'Account', level: 1 }).boundingBox())?.y ?? 0;
    expect(heading).toBeGreaterThan(menuBottom);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('change password', () => {
  test('ends the other browser\'s login and keeps this one', async ({ page, browser, server }) => {
    const user = await register(page);
    const other = await browser.newContext();
    const phone = await other.newPage();
    await phone.goto('/login');
    await logIn(phone, user.email, user.password);
    await expect(phone).toHaveURL('/feed');

    await changePassword(page, user.password, NEW_PASSWORD);
    await expect(page).toHaveURL('/settings/security?changed=1');
    await expect(page.getByRole('status')).toContainText('Your password was changed');
    expect((await readMail(server, user.email, 'Your password was changed')).text).toContain(user.username);
    await page.goto('/feed');
    await expect(page).toHaveURL('/feed');
    expect((await page.request.post('/api/posts/3/like')).status()).toBe(200);

    await phone.goto('/feed');
    await expect(phone).toHaveURL(/\/login/);
    expect((await phone.request.post('/api/posts/3/like')).status()).toBe(401);

    // The old password no longer logs in; the new one does.
    const login = (password: string) => phone.request.post('/api/auth/login', { data: { email: user.email, password } });
    expect((await login(user.password)).status()).toBe(401);
    expect((await login(NEW_PASSWORD)).status()).toBe(200);
    await other.close();
  });

  test('a wrong current password is a field error and changes nothing', async ({ page }) => {
    const user = await register(page);
    await changePassword(page, 'not the password at all', NEW_PASSWORD);
    await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('That is not your current password.')).toBeVisible();
    await changePassword(page, user.password, 'password123');
    await expect(page.getByText(/too easy to guess/)).toBeVisible();
    await page.goto('/feed');
    await expect(page).toHaveURL('/feed');
  });
});

test.describe('download your data', () => {
  test('a JSON file of the account, named after it', async ({ page, server }) => {
    const user = await register(page);
    expect((await page.request.post('/api/posts/2/like')).status()).toBe(200);
    await page.goto('/settings/account');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download your data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`cookiegram-${user.username}.json`);
    const data = JSON.parse(await readFile(await file.path(), 'utf8')) as {
      profile: { username: string; email: string };
      likes: { postId: number }[];
      posts: unknown[];
      sessions: unknown[];
    };
    expect(data.profile).toMatchObject({ username: user.username, email: user.email });
    expect(data.likes.map((l) => l.postId)).toEqual([2]);
    expect(data.posts).toEqual([]);
    const db = openServerDb(server);
    const [rows] = await db.all<{ n: number }>('SELECT count(*) AS n FROM sessions JOIN users ON users.id = user_id WHERE username = ?', [user.username]);
    db.close();
    expect(data.sessions).toHaveLength(rows?.n ?? -1);

    const response = await page.request.get('/api/account/export');
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="cookiegram-${user.username}.json"`);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  });
});

test.describe('delete account', () => {
  test('removes the account: likes it gave drop, its old cookie is refused, the name can sign up again', async ({ page, browser, strategy, server }) => {
    const user = await register(page);
    const liked = await page.request.post('/api/posts/4/like');
    expect(liked.status()).toBe(200);
    const db = openServerDb(server);
    const before = await likeState(db, 4);
    const stolen = await authCookie(page, strategy);
    if (!stolen) throw new Error('no auth cookie');
    const idOf = async (username: string) => (await db.all<{ id: number }>('SELECT id FROM users WHERE username = ?', [username]))[0]?.id;
    const oldId = await idOf(user.username);

    await deleteAccount(page, 'not my password');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('That is not your current password.')).toBeVisible();
    expect(await likeState(db, 4)).toEqual(before);

    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await expect(page).toHaveURL('/login?reason=account-deleted');
    await expect(page.getByRole('status')).toContainText('Your account has been deleted');
    expect((await readMail(server, user.email, 'Your account was deleted')).text).toContain(user.username);
    expect(await authCookie(page, strategy)).toBeUndefined();

    const after = await likeState(db, 4);
    expect(after.count).toBe(before.count - 1);
    expect(after.count).toBe(after.rows);
    expect(await idOf(user.username)).toBeUndefined();

    const thief = await browser.newContext();
    await thief.addCookies([stolen]);
    const thiefPage = await thief.newPage();
    await thiefPage.goto('/feed');
    await expect(thiefPage).toHaveURL(/\/login/);
    expect((await thiefPage.request.post('/api/posts/4/like')).status()).toBe(401);
    expect((await thiefPage.request.get('/api/account/export')).status()).toBe(401);
    await thief.close();

    await register(page, user);
    // AUTOINCREMENT: the new account gets a new id, so the old cookie (naming the old id) still means no one.
    expect(await idOf(user.username)).toBeGreaterThan(oldId ?? Infinity);
    db.close();
    const again = await browser.newContext();
    await again.addCookies([stolen]);
    expect((await (await again.newPage()).request.get('/api/account/export')).status()).toBe(401);
    await again.close();
  });

  test('Cancel closes the confirmation and returns focus', async ({ page }) => {
    await register(page);
    await page.goto('/settings/account');
    await page.getByRole('button', { name: 'Delete account' }).click();
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await expect(page.getByText('This cannot be undone.')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete account' })).toBeFocused();
  });
});
