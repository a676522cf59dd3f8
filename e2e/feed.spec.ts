import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { register, scrollToEndOfFeed } from './helpers';
import { FEED_PAGE_SIZE } from '@/lib/posts/cursor';

const likeCount = async (post: Locator) => Number((await post.getByText(/^\d[\d,]* likes?$/).innerText()).split(' ')[0]?.replace(/,/g, ''));

/**
 * The nth post of the feed, and a way to find it again after a reload (by its photo's text).
 * Each test takes its own post: tests run in parallel and must not move each other's counts.
 */
async function nthPost(page: Page, n: number) {
  const post = page.getByRole('article').nth(n);
  const alt = (await post.getByRole('img').getAttribute('alt')) ?? '';
  return { post, again: () => page.getByRole('article').filter({ has: page.getByRole('img', { name: alt, exact: true }) }) };
}

/**
 * Resolves when the server has answered the next like or unlike. The button changes at once
 * (optimistic); a reload before the answer could be served before the write.
 */
const likeSaved = (page: Page, method: 'POST' | 'DELETE') =>
  page.waitForResponse((r) => r.request().method() === method && /\/api\/posts\/\d+\/like$/.test(r.url()));

test.describe('feed', () => {
  test.beforeEach(async ({ page }) => {
    await register(page);
  });

  test('shows posts newest first, with images that do not shift the layout', async ({ page }) => {
    const posts = page.getByRole('article');
    await expect(posts).toHaveCount(FEED_PAGE_SIZE);
    const image = posts.first().getByRole('img');
    // Its author's alt text, or the generated one (other tests post photos meanwhile).
    await expect(image).toHaveAttribute('alt', /\S/);
    const box = await image.boundingBox();
    if (!box) throw new Error('the first photo has no box on the page');
    expect(box.width).toBeGreaterThan(100);
    expect(Math.round(box.width)).toBe(Math.round(box.height));
    const times = await posts.locator('time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('loads more posts with the button, and the rest by scrolling to the end', async ({ page }) => {
    const posts = page.getByRole('article');
    await expect(posts).toHaveCount(FEED_PAGE_SIZE);
    await page.getByRole('button', { name: 'Load more' }).click();
    // Once the button has loaded a page, the end of the list may be in view and load the next.
    await expect.poll(() => posts.count()).toBeGreaterThanOrEqual(2 * FEED_PAGE_SIZE);
    await scrollToEndOfFeed(page);
    // 30 demo posts (the attack suite may add one more at the very end).
    expect(await posts.count()).toBeGreaterThanOrEqual(30);
  });

  test('like and unlike change the count and persist after a reload', async ({ page }) => {
    const { post, again } = await nthPost(page, 1);
    const before = await likeCount(post);

    const liked = likeSaved(page, 'POST');
    await post.getByRole('button', { name: 'Like', exact: true }).click();
    const unlike = post.getByRole('button', { name: 'Unlike' });
    await expect(unlike).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => likeCount(post)).toBe(before + 1);

    await liked;
    await page.reload();
    await expect(again().getByRole('button', { name: 'Unlike' })).toHaveAttribute('aria-pressed', 'true');
    expect(await likeCount(again())).toBe(before + 1);

    const unliked = likeSaved(page, 'DELETE');
    await again().getByRole('button', { name: 'Unlike' }).click();
    await expect(again().getByRole('button', { name: 'Like', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => likeCount(again())).toBe(before);
    await unliked;
    await page.reload();
    await expect(again().getByRole('button', { name: 'Like', exact: true })).toBeVisible();
    expect(await likeCount(again())).toBe(before);
  });

  test('double-tapping the photo likes it', async ({ page }) => {
    const { post, again } = await nthPost(page, 2);
    const before = await likeCount(post);
    const liked = likeSaved(page, 'POST');
    await post.getByRole('img').dblclick();
    await expect(post.getByRole('button', { name: 'Unlike' })).toBeVisible();
    await expect.poll(() => likeCount(post)).toBe(before + 1);
    await liked;
    await page.reload();
    await expect(again().getByRole('button', { name: 'Unlike' })).toBeVisible();
  });

  test('rolls a like back and says so when the server fails', async ({ page }) => {
    const { post } = await nthPost(page, 3);
    const before = await likeCount(post);
    await page.route('**/api/posts/*/like', (route) => route.fulfill({ status: 500, body: '{"error":"boom"}' }));
    await post.getByRole('button', { name: 'Like', exact: true }).click();
    await expect(post.getByRole('alert')).toHaveText('Could not save your like. Please try again.');
    await expect(post.getByRole('button', { name: 'Like', exact: true })).toHaveAttribute('aria-pressed', 'false');
    expect(await likeCount(post)).toBe(before);
  });
});

test.describe('like API', () => {
  test('answers 401 JSON without a cookie, even with x-middleware-subrequest', async ({ request }) => {
    const noHeaders: Record<string, string> = {};
    for (const headers of [noHeaders, { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }]) {
      for (const method of ['POST', 'DELETE'] as const) {
        const response = await request.fetch('/api/posts/30/like', { method, headers });
        expect(response.status()).toBe(401);
        expect(await response.json()).toEqual({ error: expect.stringMatching(/log in/i) as unknown });
      }
    }
  });

  test('likes idempotently and validates the post id', async ({ page }) => {
    await register(page);
    const api = page.request;
    const first = await api.post('/api/posts/30/like');
    expect(first.status()).toBe(200);
    const liked = (await first.json()) as { liked: boolean; likeCount: number };
    expect(liked.liked).toBe(true);
    expect(await (await api.post('/api/posts/30/like')).json()).toEqual(liked);

    const unliked = await api.delete('/api/posts/30/like');
    expect(await unliked.json()).toEqual({ liked: false, likeCount: liked.likeCount - 1 });
    expect(await (await api.delete('/api/posts/30/like')).json()).toEqual({ liked: false, likeCount: liked.likeCount - 1 });

    for (const bad of ['abc', '0', '-1', '1.5', '01']) {
      const response = await api.post(`/api/posts/${bad}/like`);
      expect(response.status(), bad).toBe(400);
      expect(await response.json()).toEqual({ error: 'Post id must be a positive whole number.' });
    }
    const missing = await api.post('/api/posts/999999/like');
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Post not found.' });
  });
});
