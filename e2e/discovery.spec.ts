// Finding people and posts: the following feed and "Suggested for you", Explore, tag pages and
// search, as a new account meets them.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { FEED_PAGE_SIZE } from '@/lib/posts/cursor';
import { plainJpeg } from '@/testing/images';
import { expect, test } from './fixtures';
import { DEMO, logIn, register } from './helpers';

const suggestedHeading = (page: Page) => page.getByRole('heading', { level: 2, name: 'Suggested for you' });

/** The author named in a feed card's header (its first link). */
const authorOf = (page: Page, n: number) => page.getByRole('article').nth(n).getByRole('link').first().innerText();

async function search(page: Page, q: string) {
  const box = page.getByRole('search').getByRole('searchbox', { name: 'Search' });
  await box.fill(q);
  await box.press('Enter');
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent(q).replace(/%20/g, '+')}`);
}

test.describe('discovery', () => {
  test('a new account follows nobody: its feed is "Suggested for you", with posts and accounts to follow', async ({ page }) => {
    const me = await register(page);
    // On libSQL this page is four round trips (the following feed, then suggestions, accounts, mentions).
    await expect(suggestedHeading(page)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('article')).toHaveCount(FEED_PAGE_SIZE);
    const accounts = page.getByRole('list', { name: 'Accounts to follow' });
    await expect(accounts.getByRole('button', { name: 'Follow' }).first()).toBeVisible();
    await expect(accounts.getByRole('listitem')).not.toHaveCount(0);
    await expect(accounts).not.toContainText(me.username);
    // The heading comes before the first post: there is nothing of the viewer's own to show.
    const headingBox = await suggestedHeading(page).boundingBox();
    const firstPost = await page.getByRole('article').first().boundingBox();
    expect(headingBox && firstPost && headingBox.y < firstPost.y).toBe(true);
  });

  test('following someone puts their posts in the feed, above the suggestions', async ({ page }) => {
    await register(page);
    await search(page, 'chinu');
    const result = page.getByRole('list', { name: /^Accounts matching/ }).getByRole('listitem').filter({ hasText: 'chinu' });
    const followed = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/users/chinu/follow'));
    await result.getByRole('button', { name: 'Follow' }).click();
    expect((await followed).status()).toBe(200);
    await expect(result.getByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('link', { name: 'Cookiegram' }).first().click();
    await expect(page).toHaveURL('/feed');
    await expect(page.getByRole('article')).toHaveCount(FEED_PAGE_SIZE);
    for (let i = 0; i < FEED_PAGE_SIZE; i++) expect(await authorOf(page, i)).toBe('chinu');
    // chinu's ninth post and then the suggestions, none of them chinu's.
    await expect(suggestedHeading(page)).toBeHidden();
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(suggestedHeading(page)).toBeVisible();
    const afterHeading = page.locator('section:has(#suggested-heading) ~ article');
    await expect(afterHeading.first()).toBeVisible();
    for (const author of await afterHeading.evaluateAll((cards) => cards.map((c) => c.querySelector('header a')?.textContent ?? ''))) {
      expect(author).not.toBe('chinu');
    }
  });

  test('the demo account follows the other demo accounts: its feed is full, and @mentions of real accounts are links', async ({ page }) => {
    await page.goto('/login');
    await logIn(page, DEMO.email, DEMO.password);
    await expect(page).toHaveURL('/feed');
    await expect(page.getByRole('article')).toHaveCount(FEED_PAGE_SIZE);
    await expect(suggestedHeading(page)).toBeHidden();
    // maya.bakes wrote "Saved one for @chinu #cozy": a link to chinu's profile. Found through its
    // tag, not its place in the feed, which other tests' posts on this server move down.
    await page.goto('/explore/tags/cozy');
    await page.getByRole('main').getByRole('link', { name: /Saved one for @chinu/ }).first().click();
    await expect(page).toHaveURL(/\/p\/\d+$/);
    await expect(page.getByRole('link', { name: '@chinu', exact: true }).first()).toHaveAttribute('href', '/u/chinu');
  });

  test('Explore is a grid of everyone\'s posts, each linking to its page', async ({ page }) => {
    await register(page);
    await page.getByRole('link', { name: 'Explore' }).click();
    await expect(page).toHaveURL('/explore');
    await expect(page.getByRole('heading', { level: 1, name: 'Explore' })).toBeVisible();
    const cells = page.getByRole('main').getByRole('link', { name: /\S/ }).filter({ has: page.getByRole('img') });
    await expect(cells.first()).toBeVisible();
    expect(await cells.count()).toBeGreaterThanOrEqual(12);
    const href = (await cells.first().getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/p\/\d+$/);
    await cells.first().click();
    await expect(page).toHaveURL(href);
  });

  test('a #tag in a caption leads to the tag page listing the post', async ({ page }) => {
    test.slow(); // an upload and eight page loads
    await register(page);
    const tag = `t${randomUUID().slice(0, 8)}`;
    const created = await page.request.post('/api/posts', {
      multipart: { photo: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await plainJpeg(600, 600) }, caption: `Testing #${tag.toUpperCase()} today`, alt: 'A grey square' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    await page.goto('/feed');
    const card = page.getByRole('article').first();
    await card.getByRole('link', { name: `#${tag.toUpperCase()}` }).click();
    await expect(page).toHaveURL(`/explore/tags/${tag}`);
    await expect(page.getByRole('heading', { level: 1, name: `#${tag}` })).toBeVisible();
    await expect(page.getByText('1 post', { exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'A grey square' })).toHaveAttribute('href', `/p/${id}`);

    // No post has this tag: the page says so (200); no caption could link to these: 404.
    const unknown = await page.goto('/explore/tags/nobodyhasthistag');
    expect(unknown?.status()).toBe(200);
    await expect(page.getByText('No posts with #nobodyhasthistag yet.')).toBeVisible();
    for (const bad of ['a-b', 'x'.repeat(101), '%3Cscript%3E', 'a%20b', '%F0%9F%8D%AA']) {
      expect((await page.goto(`/explore/tags/${bad}`))?.status(), bad).toBe(404);
    }
    // Broken percent-encoding never reaches the page: Next.js answers 400 itself.
    expect((await page.goto('/explore/tags/%E0%A4%A'))?.status()).toBe(400);
  });

  test('search finds people by username prefix and by display-name prefix', async ({ page }) => {
    await register(page);
    await search(page, 'MAYA');
    const results = page.getByRole('list', { name: /^Accounts matching/ });
    await expect(results.getByRole('link', { name: 'maya.bakes' })).toBeVisible();
    await expect(results).toContainText('Maya Fernandes');
    await expect(results).toContainText(/\d+ followers?/);

    // "Chinmayi Rao" is chinu's display name: no username starts with "chinm".
    await search(page, 'Chinm');
    await expect(page.getByRole('list', { name: /^Accounts matching/ }).getByRole('link', { name: 'chinu' })).toBeVisible();

    await search(page, 'zz%_');
    await expect(page.getByText('No accounts match “zz%_”.')).toBeVisible();
    await page.goto('/search');
    await expect(page.getByText(/^Type the start of a username/)).toBeVisible();
    const huge = await page.request.get(`/search?q=${'a'.repeat(5000)}`);
    expect(huge.status()).toBeLessThan(500);
    expect(await huge.text()).toContain('Search for at most 50 characters.');
    // Nobody's id or email is in the answer.
    // (The viewer's own address may show, in the banner asking to confirm it; no one else's.)
    const html = await page.content();
    for (const email of ['demo@example.com', 'chinu@example.com', 'maya.bakes@example.com', 'arjun_clicks@example.com']) expect(html).not.toContain(email);
  });
});
