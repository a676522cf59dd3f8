// The mail-backed journeys, read from the real SMTP server behind each e2e server: confirm the
// email after sign-up, forgot → reset password, and the notices those send.
import { expect, randomClientIp, test } from './fixtures';
import { logIn, register, uniqueUser } from './helpers';
import { linkPath, mailsTo, readMail } from './mail';

// Each journey signs up and logs in more than once (bcrypt each time): give them room on a busy machine.
test.slow();

const RESET_REQUESTED = "If an account exists for that email, we've sent a link to reset your password.";

test.describe('confirm your email', () => {
  test('sign-up mails a link; the banner says so until it is used; a second use says it is spent', async ({ page, server }) => {
    const since = Date.now();
    const user = await register(page);
    const banner = page.getByRole('complementary', { name: 'Unconfirmed address' });
    await expect(banner).toContainText(`we sent a link to ${user.email}`);

    const mail = await readMail(server, user.email, 'Confirm your email', since);
    expect(mail.text).toMatch(/Requested .+ UTC from .+, near 198\.18\.\d+\.0\/24\./);
    const link = linkPath(mail, '/verify-email');

    // "Resend" mails a new link and voids the first.
    await banner.getByRole('button', { name: 'Resend' }).click();
    await expect(banner.getByRole('status')).toHaveText('We sent you a new link. Check your inbox.');
    await expect.poll(() => mailsTo(server, user.email, since).filter((m) => m.subject === 'Confirm your email').length).toBe(2);
    await page.goto(link);
    await expect(page.getByRole('alert').filter({ hasText: 'This link has already been used or is no longer valid.' })).toBeVisible();

    const fresh = linkPath(await readMail(server, user.email, 'Confirm your email', since), '/verify-email');
    expect(fresh).not.toBe(link);
    await page.goto(fresh);
    await expect(page.getByRole('status').filter({ hasText: /./ })).toHaveText('Your email is confirmed. Thank you!');
    await page.goto('/feed');
    await expect(page.getByRole('complementary', { name: 'Unconfirmed address' })).toHaveCount(0);
    await page.goto(fresh);
    await expect(page.getByRole('alert').filter({ hasText: 'This link has already been used or is no longer valid.' })).toBeVisible();
  });

  test('the demo account is already confirmed: no banner', async ({ page }) => {
    await page.goto('/login');
    await logIn(page, 'demo@example.com', 'cookies-and-cream');
    await expect(page).toHaveURL('/feed');
    await expect(page.getByRole('complementary', { name: 'Unconfirmed address' })).toHaveCount(0);
  });
});

test.describe('forgot password', () => {
  test('from the login page to a new password, logged in afresh, with the token kept out of the URL and the Referer', async ({ page, server, browser }) => {
    const user = await register(page);
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL('/login');

    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page).toHaveURL('/forgot-password');
    const since = Date.now();
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status').filter({ hasText: /./ })).toHaveText(RESET_REQUESTED);

    const mail = await readMail(server, user.email, 'Reset your password', since);
    expect(mail.html).toContain('Reset password');
    const link = linkPath(mail, '/reset-password');
    const response = await page.goto(link);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await expect(page).toHaveURL('/reset-password'); // the token left the address bar
    await expect(page.getByLabel('New password')).toBeFocused();

    // The same rules as sign-up, with the meter.
    await page.getByLabel('New password').fill('password1');
    await expect(page.getByText(/Too guessable|Very weak|Weak/)).toBeVisible();
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page.getByText(/This password is too easy to guess/)).toBeVisible();

    const newPassword = `${user.password}-renewed`;
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page).toHaveURL('/feed');
    await readMail(server, user.email, 'Your password was reset', since);

    // The link is spent; the old password is dead, the new one works.
    await page.goto(link);
    await expect(page.getByRole('alert').filter({ hasText: 'This link has already been used or is no longer valid.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Send a new link' })).toHaveAttribute('href', '/forgot-password');
    const other = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() } });
    const second = await other.newPage();
    await second.goto('/login');
    await logIn(second, user.email, user.password);
    await expect(second.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    await logIn(second, user.email, newPassword);
    await expect(second).toHaveURL('/feed');
    await other.close();
  });

  test('an unknown email gets the same answer, and no mail goes anywhere', async ({ page, server }) => {
    const email = uniqueUser().email;
    const since = Date.now();
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status').filter({ hasText: /./ })).toHaveText(RESET_REQUESTED);
    await page.waitForTimeout(1000);
    expect(mailsTo(server, email, since)).toEqual([]);
  });

  test('a malformed address is a field error, announced', async ({ page }) => {
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByText('Enter a valid email address.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  test('a reset ends the session of every other browser', async ({ page, browser, server }) => {
    const user = await register(page);
    const elsewhere = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() } });
    const other = await elsewhere.newPage();
    await other.goto('/login');
    await logIn(other, user.email, user.password);
    await expect(other).toHaveURL('/feed');

    const since = Date.now();
    expect((await page.request.post('/api/auth/forgot-password', { data: { email: user.email } })).status()).toBe(202);
    const link = linkPath(await readMail(server, user.email, 'Reset your password', since), '/reset-password');
    await page.goto(link);
    await page.getByLabel('New password').fill(`${user.password}-after-reset`);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page).toHaveURL('/feed');

    await other.goto('/feed');
    await expect(other).toHaveURL(/\/login/);
    expect((await other.request.post('/api/posts/5/like')).status()).toBe(401);
    await elsewhere.close();
    // This browser was logged in afresh and stays in.
    await page.goto('/feed');
    await expect(page).toHaveURL('/feed');
  });
});

test('a login from a browser the account never used mails "New login to your account"', async ({ page, browser, server }) => {
  const user = await register(page);
  const since = Date.now();
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() } });
  const other = await elsewhere.newPage();
  await other.goto('/login');
  await logIn(other, user.email, user.password);
  await expect(other).toHaveURL('/feed');
  const alert = await readMail(server, user.email, 'New login to your account', since);
  expect(alert.links.map((l) => new URL(l).pathname)).toEqual(['/settings/sessions']);
  expect(alert.text).toMatch(/Requested .+ UTC from .+, near 198\.18\.\d+\.0\/24\./);

  // The same browser again: known, no second alert.
  await other.getByRole('button', { name: 'Log out' }).click();
  await expect(other).toHaveURL('/login');
  await logIn(other, user.email, user.password);
  await expect(other).toHaveURL('/feed');
  await other.waitForTimeout(1000);
  expect(mailsTo(server, user.email, since).filter((m) => m.subject === 'New login to your account')).toHaveLength(1);
  await elsewhere.close();
});
