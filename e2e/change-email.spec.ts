// Change email at /settings/account, read from the real SMTP server behind each e2e server: the
// link to the new address and the notice to the old one, the switch when the link is opened (the
// new address logs in, the old one no longer does), a taken address answered the same way, and a
// link that works once.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { logIn, logOut, register, uniqueUser } from './helpers';
import { linkPath, mailsTo, readMail } from './mail';

// Each journey signs up and logs in more than once (bcrypt each time): give them room on a busy machine.
test.slow();

const LINK_INVALID = 'This link has already been used or is no longer valid.';
const answer = (to: string, from: string) => `We've sent a link to ${to}. Your email stays ${from} until you open it.`;

async function requestChange(page: Page, newEmail: string, password: string) {
  await page.goto('/settings/account');
  const section = page.getByRole('region', { name: 'Change email' });
  await section.getByLabel('New email').fill(newEmail);
  await section.getByLabel('Current password').fill(password);
  await section.getByRole('button', { name: 'Change email' }).click();
  return section;
}

test.describe('change email', () => {
  test('a link to the new address, a notice to the old; opening it switches the login, once', async ({ page, server }) => {
    const user = await register(page);
    const newEmail = uniqueUser().email;
    const since = Date.now();

    // Bad input: field errors, nothing sent.
    let section = await requestChange(page, 'not-an-address', user.password);
    await expect(section.getByText('Enter a valid email address.')).toBeVisible();
    section = await requestChange(page, newEmail, 'wrong-password-here');
    await expect(section.getByText('That is not your current password.')).toBeVisible();
    await expect(section.getByLabel('New email')).toHaveValue(newEmail);

    section = await requestChange(page, newEmail, user.password);
    await expect(section.getByRole('status').filter({ hasText: /./ })).toHaveText(answer(newEmail, user.email));

    const link = await readMail(server, newEmail, 'Confirm your new email', since);
    expect(link.text).toContain(`Until then your email stays ${user.email}.`);
    const path = linkPath(link, '/verify-email');
    const requested = await readMail(server, user.email, 'Your email is being changed', since);
    expect(requested.text).toMatch(/Requested .+ UTC from .+/);

    // Until the link is used, the old address is the login.
    await logOut(page);
    await logIn(page, user.email, user.password);
    await expect(page).toHaveURL('/feed');

    const response = await page.goto(path);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await expect(page.getByRole('status').filter({ hasText: /./ })).toHaveText(`Your email is now ${newEmail}. Log in with it from now on.`);
    await readMail(server, user.email, 'Your email was changed', since);

    // Used once: a second visit is refused.
    await page.goto(path);
    await expect(page.getByRole('alert').filter({ hasText: LINK_INVALID })).toBeVisible();

    await page.goto('/feed');
    await logOut(page);
    await logIn(page, user.email, user.password);
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    await logIn(page, newEmail, user.password);
    await expect(page).toHaveURL('/feed');
    // Confirmed by the link: no banner.
    await expect(page.getByRole('complementary', { name: 'Unconfirmed address' })).toHaveCount(0);
  });

  test('a taken address gets the same answer; its owner is told and no link goes out', async ({ page, server, browser }) => {
    const owner = uniqueUser();
    const ownerContext = await browser.newContext();
    await register(await ownerContext.newPage(), owner);
    await ownerContext.close();

    const user = await register(page);
    const since = Date.now();
    const section = await requestChange(page, owner.email, user.password);
    await expect(section.getByRole('status').filter({ hasText: /./ })).toHaveText(answer(owner.email, user.email));

    await readMail(server, owner.email, 'Someone tried to use your email', since);
    await readMail(server, user.email, 'Your email is being changed', since);
    expect(mailsTo(server, owner.email, since).map((m) => m.subject)).not.toContain('Confirm your new email');

    // Nothing changed: both still log in with their own addresses.
    await logOut(page);
    await logIn(page, user.email, user.password);
    await expect(page).toHaveURL('/feed');
  });
});
