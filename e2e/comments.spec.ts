import type { Browser, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { LIMITS, counterKey } from '../lib/security/limits';
import { expect, test } from './fixtures';
import { register } from './helpers';
import { openServerDb } from './security/support';
import { insertComments, insertPost } from './social-support';

/** A member in a browser of their own. */
async function member(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = await register(page);
  return { page, ...user, close: () => context.close() };
}

const commentSaved = (page: Page) => page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/posts\/\d+\/comments$/.test(r.url()));

test.describe('comments', () => {
  test('B comments on A\'s post; A is told; B deletes it and the notification goes with it', async ({ browser, server }) => {
    const [a, b] = await Promise.all([member(browser), member(browser)]);
    const db = openServerDb(server);
    const postId = await insertPost(db, a.username, 'my cookie');
    db.close();

    await b.page.goto(`/p/${postId}`);
    const box = b.page.getByRole('textbox', { name: 'Add a comment' });
    const post = b.page.getByRole('button', { name: 'Post', exact: true });
    await expect(post).toBeDisabled();
    await box.fill('   ');
    await expect(post).toBeDisabled();
    await box.fill('Looks delicious!');
    const saved = commentSaved(b.page);
    await post.click();
    const comments = b.page.getByRole('region', { name: 'Comments' }).getByRole('listitem');
    // At once, before the answer; then saved.
    await expect(comments.filter({ hasText: 'Looks delicious!' })).toBeVisible();
    await expect(box).toHaveValue('');
    expect((await saved).status()).toBe(201);
    await expect(comments.filter({ hasText: 'Looks delicious!' }).getByRole('link', { name: b.username })).toHaveAttribute('href', `/u/${b.username}`);

    await a.page.goto('/feed');
    const bell = a.page.getByRole('link', { name: 'Notifications, 1 unread' });
    await expect(bell).toBeVisible();
    await bell.click();
    await expect(a.page).toHaveURL('/notifications');
    const item = a.page.getByRole('listitem').filter({ hasText: `${b.username} commented: Looks delicious!` });
    await expect(item).toBeVisible();
    await expect(item.getByRole('link', { name: 'commented: Looks delicious!' })).toHaveAttribute('href', `/p/${postId}`);
    await expect(a.page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
    await a.page.reload();
    await expect(a.page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

    await b.page.reload();
    await b.page.getByRole('region', { name: 'Comments' }).getByRole('button', { name: 'Delete comment' }).click();
    await expect(comments.filter({ hasText: 'Looks delicious!' })).toHaveCount(0);
    await b.page.reload();
    await expect(b.page.getByText('Looks delicious!')).toHaveCount(0);

    await a.page.reload();
    await expect(a.page.getByText(`${b.username} commented`)).toHaveCount(0);
    await Promise.all([a.close(), b.close()]);
  });

  test("only the comment's author and the post's owner see \"Delete comment\"", async ({ browser, server }) => {
    const [owner, author, stranger] = await Promise.all([member(browser), member(browser), member(browser)]);
    const db = openServerDb(server);
    const postId = await insertPost(db, owner.username);
    await insertComments(db, postId, author.username, ['by the author']);
    db.close();
    const deleteButton = (page: Page) => page.getByRole('listitem').filter({ hasText: 'by the author' }).getByRole('button', { name: 'Delete comment' });
    await stranger.page.goto(`/p/${postId}`);
    await expect(stranger.page.getByText('by the author')).toBeVisible();
    await expect(deleteButton(stranger.page)).toHaveCount(0);
    await author.page.goto(`/p/${postId}`);
    await expect(deleteButton(author.page)).toBeVisible();
    await owner.page.goto(`/p/${postId}`);
    await deleteButton(owner.page).click();
    await expect(owner.page.getByText('by the author')).toHaveCount(0);
    // Focus lands on the comment box, not the top of the page.
    await expect(owner.page.getByRole('textbox', { name: 'Add a comment' })).toBeFocused();
    await Promise.all([owner.close(), author.close(), stranger.close()]);
  });

  test('a refused comment is announced and its text kept; Enter posts', async ({ browser, server }) => {
    const b = await member(browser);
    const db = openServerDb(server);
    const [user] = await db.all<{ id: number }>('SELECT id FROM users WHERE username = ?', [b.username]);
    const postId = await insertPost(db, 'demo');
    await b.page.goto(`/p/${postId}`);
    const box = b.page.getByRole('textbox', { name: 'Add a comment' });
    await box.fill('first, by Enter');
    await box.press('Enter');
    await expect(b.page.getByRole('listitem').filter({ hasText: 'first, by Enter' })).toBeVisible();

    // The hour's comments used up.
    await db.run('INSERT INTO rate_limits (key, count, window_start) VALUES (?, 60, ?) ON CONFLICT (key) DO UPDATE SET count = 60', [
      counterKey(LIMITS.commentsPerUser, String(user?.id)),
      Date.now(),
    ]);
    db.close();
    await box.fill('one too many');
    await b.page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(b.page.getByRole('alert').filter({ hasText: 'You have commented a lot this hour' })).toBeVisible();
    await expect(box).toHaveValue('one too many');
    await expect(box).toBeFocused();
    await expect(b.page.getByRole('listitem').filter({ hasText: 'one too many' })).toHaveCount(0);
    await b.close();
  });

  test('the counter shows near the limit', async ({ page, server }) => {
    await register(page);
    const db = openServerDb(server);
    const postId = await insertPost(db, 'demo');
    db.close();
    await page.goto(`/p/${postId}`);
    const box = page.getByRole('textbox', { name: 'Add a comment' });
    await box.fill('short');
    await expect(page.getByText(/characters$/)).toHaveCount(0);
    await box.fill('x'.repeat(2201));
    await expect(page.getByText('2,201 / 2,200 characters')).toBeVisible();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Comments can be at most 2,200 characters.' })).toBeVisible();
  });

  test('markup and javascript: in a comment stay text', async ({ page, server }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await register(page);
    const db = openServerDb(server);
    const postId = await insertPost(db, 'demo');
    db.close();
    const payload = `<img src="x-xss" onerror="alert('xss');window.__xss=1"> javascript:alert(1) <a href="javascript:alert(2)">click</a>`;
    await page.goto(`/p/${postId}`);
    await page.getByRole('textbox', { name: 'Add a comment' }).fill(payload);
    const saved = commentSaved(page);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await saved;
    await page.reload();
    const item = page.getByRole('listitem').filter({ hasText: 'javascript:alert(1)' });
    await expect(item).toContainText(payload);
    expect(await item.locator('img, a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('"Load more comments" pages on, oldest first', async ({ page, server }) => {
    await register(page);
    const db = openServerDb(server);
    const postId = await insertPost(db, 'demo');
    await insertComments(db, postId, 'demo', Array.from({ length: 25 }, (_, i) => `comment ${String(i).padStart(2, '0')}`));
    db.close();
    await page.goto(`/p/${postId}`);
    const items = page.getByRole('region', { name: 'Comments' }).getByRole('listitem');
    await expect(items).toHaveCount(20);
    await expect(items.first()).toContainText('comment 00');
    await page.getByRole('button', { name: 'Load more comments' }).click();
    await expect(items).toHaveCount(25);
    await expect(items.last()).toContainText('comment 24');
    await expect(page.getByRole('button', { name: 'Load more comments' })).toHaveCount(0);
  });

  test('feed cards: "View all N comments" and the newest two; one comment is just shown', async ({ page, server }) => {
    await register(page);
    const db = openServerDb(server);
    const one = `one-${randomUUID().slice(0, 6)}`;
    const three = `three-${randomUUID().slice(0, 6)}`;
    const onePost = await insertPost(db, 'demo', one);
    await insertComments(db, onePost, 'demo', ['the only comment']);
    const threePost = await insertPost(db, 'demo', three);
    await insertComments(db, threePost, 'demo', ['oldest of three', 'second of three', 'newest of three']);
    db.close();
    await page.goto('/feed');
    const card3 = page.getByRole('article').filter({ hasText: three });
    await expect(card3.getByRole('link', { name: 'View all 3 comments' })).toHaveAttribute('href', `/p/${threePost}`);
    await expect(card3.getByText('second of three')).toBeVisible();
    await expect(card3.getByText('newest of three')).toBeVisible();
    await expect(card3.getByText('oldest of three')).toHaveCount(0);
    const card1 = page.getByRole('article').filter({ hasText: one });
    await expect(card1.getByText('the only comment')).toBeVisible();
    await expect(card1.getByRole('link', { name: /^View/ })).toHaveCount(0);
  });
});

test.describe('the post modal', () => {
  test('opens over the feed at /p/<id>; Escape and Back close it, focus returns; a reload is the full page', async ({ page, server }) => {
    const user = await register(page);
    const db = openServerDb(server);
    const caption = `modal-${randomUUID().slice(0, 6)}`;
    const postId = await insertPost(db, user.username, caption);
    await insertComments(db, postId, 'demo', ['c one', 'c two', 'c three']);
    db.close();
    await page.goto('/feed');
    const opener = page.getByRole('article').filter({ hasText: caption }).getByRole('link', { name: 'View all 3 comments' });
    const dialog = page.getByRole('dialog', { name: `Post by ${user.username}` });

    await opener.click();
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(`/p/${postId}`);
    await expect(dialog.getByText('c one')).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Add a comment' })).toBeVisible();
    // The owner's menu works in the modal too.
    await expect(dialog.getByRole('button', { name: 'Edit' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL('/feed');
    await expect(opener).toBeFocused();

    await opener.click();
    await expect(dialog).toBeVisible();
    // Focus stays inside: tabbing never reaches the page behind.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
    }
    await page.goBack();
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL('/feed');

    await opener.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Add a comment' }).fill('from the modal');
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(dialog.getByText('from the modal')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: `Post by ${user.username}` })).toBeAttached();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByText('from the modal')).toBeVisible();
  });

  test('leaving the modal for another page clears it', async ({ page, server }) => {
    await register(page);
    const db = openServerDb(server);
    const caption = `leave-${randomUUID().slice(0, 6)}`;
    const postId = await insertPost(db, 'demo', caption);
    await insertComments(db, postId, 'demo', ['x', 'y', 'z']);
    db.close();
    await page.goto('/feed');
    await page.getByRole('article').filter({ hasText: caption }).getByRole('link', { name: 'View all 3 comments' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('link', { name: 'demo' }).first().click();
    await expect(page).toHaveURL('/u/demo');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
