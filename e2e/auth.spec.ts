import { COOKIE, expect, test } from './fixtures';
import { DEMO, authCookie, fillRegisterForm, logIn, logOut, register, uniqueUser } from './helpers';

test.describe('sign up', () => {
  test('lands on the feed, logged in, with a cookie of exactly the right flags', async ({ page, strategy }) => {
    const expected = COOKIE[strategy];
    const user = uniqueUser();
    await page.goto('/register');
    await fillRegisterForm(page, user);
    const actionResponse = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/register');
    await page.getByRole('button', { name: 'Sign up' }).click();

    const setCookie = (await (await actionResponse).allHeaders())['set-cookie'] ?? '';
    const authLine = setCookie.split('\n').find((line) => line.startsWith(`${expected.name}=`)) ?? '';
    const [nameValue = '', ...attributes] = authLine.split(';').map((part) => part.trim());
    expect(nameValue.slice(expected.name.length + 1)).toMatch(expected.value);
    // Exactly these attributes, no more, no fewer (Expires only restates Max-Age).
    expect(attributes.map((a) => a.toLowerCase()).filter((a) => !a.startsWith('expires=')).sort()).toEqual(
      ['httponly', `max-age=${expected.maxAge}`, 'path=/', 'samesite=strict', 'secure'],
    );

    await expect(page).toHaveURL('/feed');
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(user.username);

    const cookie = await authCookie(page, strategy);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const secondsLeft = (cookie?.expires ?? 0) - Date.now() / 1000;
    expect(secondsLeft).toBeGreaterThan(expected.maxAge - 100);
    expect(secondsLeft).toBeLessThanOrEqual(expected.maxAge);
  });

  test('shows field errors next to the fields, keeps what was typed, never echoes the password', async ({ page, strategy }) => {
    await page.goto('/register');
    await page.getByLabel('Username').fill('No Spaces!');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();

    const username = page.getByLabel('Username');
    await expect(username).toHaveAccessibleDescription(/letters, numbers, dots and underscores/);
    await expect(username).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter a valid email address.');
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 8 characters/);
    await expect(username).toHaveValue('No Spaces!');
    await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page).toHaveURL('/register');
    expect(await authCookie(page, strategy)).toBeUndefined();
  });

  test('says clearly when the email or the username is taken', async ({ page, browser }) => {
    const user = await register(page);
    const other = await browser.newPage();
    await other.goto('/register');
    await fillRegisterForm(other, { ...uniqueUser(), email: user.email.toUpperCase() });
    await other.getByRole('button', { name: 'Sign up' }).click();
    await expect(other.getByLabel('Email')).toHaveAccessibleDescription(/already exists/);

    await fillRegisterForm(other, { ...uniqueUser(), username: user.username });
    await other.getByRole('button', { name: 'Sign up' }).click();
    await expect(other.getByLabel('Username')).toHaveAccessibleDescription(/taken/);
    await expect(other).toHaveURL('/register');
    await other.close();
  });
});

test.describe('session', () => {
  test('survives a reload, and logout clears the cookie and guards the feed again', async ({ page, strategy }) => {
    const user = await register(page);
    await page.reload();
    await expect(page).toHaveURL('/feed');
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(user.username);

    await logOut(page);
    expect(await authCookie(page, strategy)).toBeUndefined();

    await page.goto('/feed');
    await expect(page).toHaveURL('/login?next=%2Ffeed');
  });

  test('logs in again with the same credentials', async ({ page }) => {
    const user = await register(page);
    await logOut(page);
    await logIn(page, user.email, user.password);
    await expect(page).toHaveURL('/feed');
  });

  test('sends a logged-in user away from the login and sign-up pages', async ({ page }) => {
    await register(page);
    await page.goto('/login');
    await expect(page).toHaveURL('/feed');
    await page.goto('/register');
    await expect(page).toHaveURL('/feed');
  });
});

test.describe('log in', () => {
  test('gives the same generic error for a wrong password and an unknown email', async ({ page, strategy }) => {
    const user = await register(page);
    await logOut(page);

    await logIn(page, user.email, 'wrong-password');
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
    await expect(page.getByLabel('Password')).toHaveValue('');

    await page.goto('/login');
    await logIn(page, 'nobody-here@example.com', 'wrong-password');
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    expect(await authCookie(page, strategy)).toBeUndefined();
  });

  test('works with the demo account shown on the login page', async ({ page }) => {
    await page.goto('/login');
    const demo = page.getByRole('complementary', { name: 'Demo account' });
    await expect(demo).toContainText(DEMO.email);
    await expect(demo).toContainText(DEMO.password);
    await logIn(page, DEMO.email, DEMO.password);
    await expect(page).toHaveURL('/feed');
    await expect(page.getByRole('article').first()).toBeVisible();
  });

  test('returns to the page that asked for login', async ({ page }) => {
    const user = await register(page);
    await logOut(page);

    await page.goto('/feed?from=test');
    await expect(page).toHaveURL('/login?next=%2Ffeed%3Ffrom%3Dtest');
    await logIn(page, user.email, user.password);
    await expect(page).toHaveURL('/feed?from=test');

  });
});
