import { expect, test } from '../fixtures';
import { fillRegisterForm, uniqueUser } from '../helpers';

test.describe('passwords (NIST SP 800-63B)', () => {
  test('refuses a common password with a clear reason, and shows a strength meter', async ({ page }) => {
    await page.goto('/register');
    await fillRegisterForm(page, { ...uniqueUser(), password: 'password123' });
    await expect(page.getByText(/Strength: (Too guessable|Very weak)/)).toBeVisible();
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/too easy to guess.*common password/);
    await expect(page).toHaveURL('/register');

    await page.getByLabel('Password').fill('correct horse battery staple');
    await expect(page.getByText('Strength: Strong')).toBeVisible();
  });

  test('refuses a password longer than 72 UTF-8 bytes instead of truncating it', async ({ request }) => {
    const password = '🍪'.repeat(10) + 'abcdefghijklmnopqrstuvwxyz0123456789'; // 46 characters, 76 bytes
    const response = await request.post('/api/auth/register', { data: { ...uniqueUser(), password } });
    expect(response.status()).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('at most 72 bytes');
  });

  test('login refuses a password over 72 bytes the same way, instead of comparing its first 72', async ({ request, playwright, baseURL }) => {
    const user = { ...uniqueUser(), password: 'crème brûlée, café éclair, thé glacé: 64 characters, 72 bytes é!' };
    // At most 64 characters (the sign-up limit) and exactly bcrypt's 72 bytes.
    expect([user.password.length <= 64, new TextEncoder().encode(user.password).byteLength]).toEqual([true, 72]);
    expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
    const other = await playwright.request.newContext({ baseURL });
    // The same 72 bytes and then more: bcrypt alone would say it matches.
    const longer = await other.post('/api/auth/login', { data: { email: user.email, password: `${user.password} and more` } });
    expect(longer.status()).toBe(400);
    expect(JSON.stringify(await longer.json())).toContain('at most 72 bytes');
    expect(longer.headers()['set-cookie']).toBeUndefined();
    await other.dispose();
  });

  test('accepts any Unicode and compares passwords in NFKC form', async ({ request, playwright, baseURL }) => {
    const user = { ...uniqueUser(), password: 'ﬁve ｆｕｌｌwidth crêpes 🍪' };
    expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
    const fresh = await playwright.request.newContext({ baseURL });
    const login = await fresh.post('/api/auth/login', { data: { email: user.email, password: 'five fullwidth crêpes 🍪' } });
    expect(login.status()).toBe(200);
    await fresh.dispose();
  });
});
