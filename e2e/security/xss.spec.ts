import { expect, test } from '../fixtures';
import { register, scrollToEndOfFeed } from '../helpers';
import { openServerDb } from './support';

const PAYLOAD = `<script>window.__xss = 1</script>"><img src=x onerror="window.__xss = 2"><svg onload="window.__xss = 3">`;

test.describe('XSS', () => {
  test('a caption full of markup renders as text and runs nothing', async ({ page, server }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const db = openServerDb(server);
    // The oldest post: last on the feed, so other tests' post positions do not move.
    await db.run(
      "INSERT INTO posts (author_id, image, caption, created_at) SELECT id, '/demo/post-01.svg', ?, 1000 FROM users WHERE username = 'demo'",
      [PAYLOAD],
    );
    db.close();

    await register(page);
    await scrollToEndOfFeed(page);
    await expect(page.getByRole('article').last()).toContainText(PAYLOAD);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('hostile values echoed back into the sign-up form stay text', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('Username').fill(PAYLOAD.slice(0, 30));
    await page.getByLabel('Email').fill(`"><img src=x onerror="window.__xss=4">@example.com`);
    await page.getByLabel('Password').fill('x');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Username')).toHaveValue(PAYLOAD.slice(0, 30));
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
