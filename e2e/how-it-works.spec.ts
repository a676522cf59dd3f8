import { expect, test } from './fixtures';
import { register } from './helpers';

test.describe('auth inspector', () => {
  test('explains the flow to a visitor who is logged out', async ({ page, strategy }) => {
    await page.goto('/how-it-works');
    await expect(page.getByRole('heading', { name: 'How your login works' })).toBeVisible();
    await expect(page.getByText(`AUTH_STRATEGY=${strategy}`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'You are not logged in' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'you are here' })).toContainText('Register or log in');
  });

  test("takes the visitor's own cookie apart, linked from the top bar", async ({ page, strategy }) => {
    const user = await register(page);
    await page.getByRole('link', { name: 'How it works' }).click();
    await expect(page).toHaveURL('/how-it-works');
    await expect(page.getByText('no token cookie — scripts cannot read it.').or(page.getByText('no session cookie — scripts cannot read it.'))).toBeVisible();

    if (strategy === 'jwt') {
      const token = page.getByRole('region', { name: 'Your token, taken apart' });
      await expect(token).toContainText('"alg": "HS256"');
      await expect(token).toContainText(`"username": "${user.username}"`);
      await expect(token).toContainText('"jti"');
      const countdown = token.getByText(/^00:5\d:\d\d$/);
      const first = await countdown.innerText();
      await expect(countdown).not.toHaveText(first); // it ticks
    } else {
      const session = page.getByRole('region', { name: 'Your session row' });
      await expect(session).toContainText(user.username);
      await expect(session).toContainText(/[0-9a-f]{12}…[0-9a-f]{4}/);
      await expect(session.getByText(/^6d 23:5\d:\d\d$/)).toBeVisible();
    }
    await expect(page.getByRole('listitem').filter({ hasText: 'you are here' })).toContainText(strategy === 'jwt' ? 'Server verifies' : 'Server looks it up');
  });
});
