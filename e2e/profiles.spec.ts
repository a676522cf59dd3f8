import type { Browser, Page } from '@playwright/test';
import { plainJpeg } from '../testing/images';
import { expect, randomClientIp, test } from './fixtures';
import { register } from './helpers';

/** A second person in a browser of their own (own cookies, own client address). */
async function secondPerson(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; username: string; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() } });
  const page = await context.newPage();
  const { username } = await register(page);
  return { page, username, close: () => context.close() };
}

test.describe('profiles and follows', () => {
  test('B follows A: the button, both profiles and both lists agree; then B unfollows', async ({ page, browser, baseURL }) => {
    test.slow();
    const a = await register(page);
    const b = await secondPerson(browser, baseURL);

    await b.page.goto(`/u/${a.username}`);
    await expect(b.page.getByRole('heading', { level: 1, name: a.username })).toBeVisible();
    await expect(b.page).toHaveTitle(new RegExp(`@${a.username}`));
    await expect(b.page.getByText('0 posts')).toBeVisible();
    await expect(b.page.getByRole('link', { name: '0 followers' })).toBeVisible();
    await expect(b.page.getByRole('link', { name: 'Edit profile' })).toHaveCount(0);

    const follow = b.page.getByRole('button', { name: 'Follow' });
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await follow.click();
    const following = b.page.getByRole('button', { name: 'Following' });
    await expect(following).toHaveAttribute('aria-pressed', 'true');
    await expect(b.page.getByRole('link', { name: '1 follower', exact: true })).toBeVisible();

    // Stored, not just shown: after a reload, and on the other side.
    await b.page.reload();
    await expect(b.page.getByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');
    await page.goto(`/u/${a.username}`);
    await expect(page.getByRole('link', { name: '1 follower', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Follow/ })).toHaveCount(0);
    await page.getByRole('link', { name: '1 follower', exact: true }).click();
    await expect(page).toHaveURL(`/u/${a.username}/followers`);
    const followers = page.getByRole('list', { name: 'Followers' });
    await expect(followers.getByRole('link', { name: b.username })).toBeVisible();
    await expect(followers.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');

    await b.page.goto(`/u/${b.username}`);
    await expect(b.page.getByRole('link', { name: '1 following' })).toBeVisible();
    await b.page.getByRole('link', { name: '1 following' }).click();
    await expect(b.page).toHaveURL(`/u/${b.username}/following`);
    const list = b.page.getByRole('list', { name: 'Following' });
    await expect(list.getByRole('link', { name: a.username })).toBeVisible();

    // Unfollow from the list itself, then the profile says so.
    await list.getByRole('button', { name: 'Following' }).click();
    await expect(list.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
    await b.page.goto(`/u/${a.username}`);
    await expect(b.page.getByRole('link', { name: '0 followers' })).toBeVisible();
    await expect(b.page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
    await b.close();
  });

  test('a failed follow is rolled back, with the reason announced', async ({ page, browser, baseURL }) => {
    const a = await register(page);
    const b = await secondPerson(browser, baseURL);
    await b.page.goto(`/u/${a.username}`);
    await b.page.route('**/api/users/*/follow', (route) => route.abort('internetdisconnected'));
    await b.page.getByRole('button', { name: 'Follow' }).click();
    await expect(b.page.getByRole('alert').filter({ hasText: 'Could not reach Cookiegram. Check your connection' })).toBeVisible();
    await expect(b.page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
    await expect(b.page.getByRole('link', { name: '0 followers' })).toBeVisible();
    await b.close();
  });

  test('usernames in the URL are case-insensitive, and an unknown one is the 404 page', async ({ page }) => {
    const a = await register(page);
    await page.goto(`/u/${a.username.toUpperCase()}`);
    await expect(page).toHaveURL(`/u/${a.username}`);
    const missing = await page.goto('/u/nobody_by_that_name');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect((await page.goto('/u/nobody_by_that_name/followers'))?.status()).toBe(404);
  });

  test('edit profile: display name, bio, photo, then Remove photo; shown on the profile', async ({ page }) => {
    const a = await register(page);
    await page.goto(`/u/${a.username}`);
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await expect(page).toHaveURL('/settings/profile');

    // Too long: refused, said next to the field, what was typed kept.
    const tooLong = 'x'.repeat(51);
    await page.getByLabel('Display name').fill(tooLong);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Display name can be at most 50 characters.')).toBeVisible();
    await expect(page.getByLabel('Display name')).toHaveValue(tooLong);
    await expect(page.getByLabel('Display name')).toBeFocused();

    await page.getByLabel('Display name').fill('  Alice <b>Cookie</b>  ');
    await page.getByLabel('Bio').fill('Bakes on Sundays.\nEats on Mondays.');
    await expect(page.getByText('34 / 150 characters')).toBeVisible();
    await page.getByLabel('Choose a photo').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: await plainJpeg(800, 600) });
    await expect(page.getByAltText('Preview of your new profile photo')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toHaveText('Profile saved.');
    await expect(page.getByLabel('Display name')).toHaveValue('Alice <b>Cookie</b>');

    await page.goto(`/u/${a.username}`);
    await expect(page).toHaveTitle(`Alice <b>Cookie</b> (@${a.username}) · Cookiegram`);
    await expect(page.getByText('Alice <b>Cookie</b>', { exact: true })).toBeVisible();
    await expect(page.getByText('Bakes on Sundays. Eats on Mondays.')).toBeVisible();
    const photo = page.getByRole('img', { name: "Alice <b>Cookie</b>'s profile photo" }).first();
    await expect(photo).toHaveAttribute('src', /\/media\/[\w-]+\.webp$/);
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);

    await page.goto('/settings/profile');
    await page.getByRole('button', { name: 'Remove photo' }).click();
    await expect(page.getByRole('status')).toHaveText('Profile saved.');
    await expect(page.getByRole('button', { name: 'Remove photo' })).toHaveCount(0);
    await page.goto(`/u/${a.username}`);
    await expect(page.locator('img[src*="/media/"]')).toHaveCount(0);
    await expect(page.getByText('Bakes on Sundays. Eats on Mondays.')).toBeVisible();
  });

  test('a file that is not a photo is refused next to the photo field, and nothing changes', async ({ page }) => {
    await register(page);
    await page.goto('/settings/profile');
    await page.getByLabel('Display name').fill('Kept');
    await page.getByLabel('Choose a photo').setInputFiles({ name: 'x.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/^This file is not a photo we can take/)).toBeVisible();
    await expect(page.getByLabel('Choose a photo')).toBeFocused();
    await expect(page.getByLabel('Display name')).toHaveValue('Kept');
    await expect(page.getByRole('status')).toHaveText('');
  });
});
