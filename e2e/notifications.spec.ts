import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { register } from './helpers';
import { openServerDb } from './security/support';
import { insertComments, insertPost, setFollow } from './social-support';

async function member(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = await register(page);
  return { page, ...user, close: () => context.close() };
}

test.describe('notifications', () => {
  test('a like tells the owner "B liked your photo"; the unlike takes it back', async ({ browser, server }) => {
    const [a, b] = await Promise.all([member(browser), member(browser)]);
    const db = openServerDb(server);
    const postId = await insertPost(db, a.username);
    db.close();

    await b.page.goto(`/p/${postId}`);
    const liked = b.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/posts/${postId}/like`));
    await b.page.getByRole('button', { name: 'Like', exact: true }).click();
    await liked;

    await a.page.goto('/feed');
    await a.page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    const item = a.page.getByRole('listitem').filter({ hasText: `${b.username} liked your photo` });
    await expect(item).toBeVisible();
    await expect(item.getByRole('link', { name: b.username })).toHaveAttribute('href', `/u/${b.username}`);
    await expect(item.getByRole('link', { name: 'liked your photo' })).toHaveAttribute('href', `/p/${postId}`);
    // Shown as new this time; read the next.
    await expect(item.getByText('New:')).toBeAttached();
    await a.page.reload();
    await expect(a.page.getByRole('listitem').filter({ hasText: `${b.username} liked your photo` }).getByText('New:')).toHaveCount(0);

    const unliked = b.page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith(`/api/posts/${postId}/like`));
    await b.page.getByRole('button', { name: 'Unlike' }).click();
    await unliked;
    await a.page.reload();
    await expect(a.page.getByText(`${b.username} liked your photo`)).toHaveCount(0);
    await Promise.all([a.close(), b.close()]);
  });

  test('a follow: "B started following you", linking to B; an unfollow takes it back', async ({ browser, server }) => {
    const [a, b] = await Promise.all([member(browser), member(browser)]);
    const db = openServerDb(server);
    await setFollow(db, b.username, a.username, true);
    await a.page.goto('/notifications');
    const item = a.page.getByRole('listitem').filter({ hasText: `${b.username} started following you` });
    await expect(item.getByRole('link', { name: 'started following you' })).toHaveAttribute('href', `/u/${b.username}`);
    await setFollow(db, b.username, a.username, false);
    db.close();
    await a.page.reload();
    await expect(a.page.getByText('started following you')).toHaveCount(0);
    await Promise.all([a.close(), b.close()]);
  });

  test('nothing for your own likes and comments; the count is in the top bar\'s name', async ({ page, server }) => {
    const me = await register(page);
    const db = openServerDb(server);
    const postId = await insertPost(db, me.username);
    await insertComments(db, postId, me.username, ['talking to myself']);
    await page.goto(`/p/${postId}`);
    await page.getByRole('button', { name: 'Like', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Unlike' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

    // Others' actions: three unread.
    await insertComments(db, postId, 'demo', ['one', 'two', 'three']);
    db.close();
    await page.reload();
    await expect(page.getByRole('link', { name: 'Notifications, 3 unread' })).toBeVisible();
    await page.getByRole('link', { name: 'Notifications, 3 unread' }).click();
    await expect(page.getByRole('listitem')).toHaveCount(3);
    await expect(page.getByRole('listitem').first()).toContainText('demo commented: three');
    // The badge clears on the page, and stays clear on the way back.
    await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'demo commented: two' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page).toHaveURL(`/p/${postId}`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  });
});
