import { expect, test } from '../fixtures';
import { register, scrollToEndOfFeed } from '../helpers';
import { openServerDb } from './support';

// Markup that runs as soon as it is parsed as HTML (an image that fails to load, an SVG that
// loads): if the caption were ever inserted as HTML, with escaping and the CSP both failing,
// these would open a dialog and set the flag.
const PAYLOAD = `<img src="x-xss" onerror="alert('xss');window.__xss=1"><svg onload="alert('xss');window.__xss=2"></svg>"><b>bold?</b>`;

test.describe('XSS', () => {
  test('a caption full of markup renders as text: no element made of it, nothing run', async ({ page, server }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const db = openServerDb(server);
    // The oldest post: last on the feed, so other tests' post positions do not move.
    await db.run(
      "INSERT INTO posts (author_id, image_key, medium_key, thumbnail_key, width, height, caption, created_at) SELECT id, hex(randomblob(11)) || '.webp', hex(randomblob(11)) || '.webp', hex(randomblob(11)) || '.webp', 1080, 1080, ?, 1000 FROM users WHERE username = 'demo'",
      [PAYLOAD],
    );
    db.close();

    await register(page);
    await scrollToEndOfFeed(page);
    const post = page.getByRole('article').last();
    await expect(post).toContainText(PAYLOAD);
    // The DOM holds the markup as text: no img, svg or b element came out of it.
    expect(await post.locator('img[src="x-xss"], svg[onload], b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('hostile values echoed back into the sign-up form stay text', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto('/register');
    const username = `"><img src=x onerror=alert(1)>`;
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Email').fill(`"><svg onload="alert(2)">@example.com`);
    await page.getByLabel('Password').fill('x');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Username')).toHaveValue(username);
    expect(await page.locator('form img, form svg[onload]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
