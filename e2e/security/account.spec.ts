// Attacks on the account actions (change password, delete account) and the data export: each is
// replayed as a script would send it, past the page, and must be refused or harmless.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { register, uniqueUser } from '../helpers';
import { leaksInternals, likeState, openServerDb } from './support';

test.slow();

const WRONG = 'a-wrong-password-to-capture';

type Captured = { url: string; actionId: string; contentType: string; body: Buffer };

/** The request the page's form really sends (with a wrong password), to replay with other values. */
async function capture(page: Page, submit: () => Promise<void>): Promise<Captured> {
  const pending = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await submit();
  const request = await pending;
  const headers = request.headers();
  return { url: request.url(), actionId: headers['next-action'] ?? '', contentType: headers['content-type'] ?? '', body: request.postDataBuffer() ?? Buffer.alloc(0) };
}

const withPassword = (captured: Captured, password: string) => Buffer.from(captured.body.toString('utf8').replaceAll(WRONG, password));

function replay(page: Page, captured: Captured, password: string, origin: string) {
  return page.request.post(captured.url, {
    headers: { 'Next-Action': captured.actionId, 'Content-Type': captured.contentType, Origin: origin },
    data: withPassword(captured, password),
    maxRedirects: 0,
  });
}

async function captureDelete(page: Page) {
  await page.goto('/settings/account');
  await page.getByRole('button', { name: 'Delete account' }).click();
  await page.getByLabel('Password').fill(WRONG);
  const captured = await capture(page, () => page.getByRole('button', { name: 'Delete account' }).click());
  await expect(page.getByText('That is not your current password.')).toBeVisible();
  return captured;
}

async function captureChangePassword(page: Page) {
  await page.goto('/settings/security');
  await page.getByLabel('Current password').fill(WRONG);
  await page.getByLabel('New password').fill('a fresh and lengthy passphrase');
  const captured = await capture(page, () => page.getByRole('button', { name: 'Change password' }).click());
  await expect(page.getByText('That is not your current password.')).toBeVisible();
  return captured;
}

const loginStatus = (page: Page, email: string, password: string) =>
  page.request.post('/api/auth/login', { data: { email, password } }).then((r) => r.status());

test('cross-site posts of the delete and change-password actions are refused and change nothing', async ({ page, server }) => {
  const user = await register(page);
  const attacks = [await captureDelete(page), await captureChangePassword(page)];
  for (const captured of attacks) {
    for (const origin of ['https://evil.example', 'null']) {
      const response = await replay(page, captured, user.password, origin);
      expect(response.status(), `${captured.url} from ${origin}`).toBe(403);
      expect(leaksInternals(await response.text())).toBe(false);
    }
  }
  const db = openServerDb(server);
  expect(await db.all('SELECT id FROM users WHERE username = ?', [user.username])).toHaveLength(1);
  db.close();
  expect(await loginStatus(page, user.email, user.password)).toBe(200);
});

test('wrong passwords on either form count as failed logins: past the limit, even the right one is refused', async ({ page, server }) => {
  const user = await register(page);
  const remove = await captureDelete(page);
  const change = await captureChangePassword(page);
  const origin = new URL(page.url()).origin;
  // This browser logged in to the account (its device cookie): 10 failures in 15 minutes, as at login; 2 used by the captures.
  for (let i = 0; i < 4; i++) expect((await replay(page, change, `${WRONG}-${i}`, origin)).status()).toBe(200);
  for (let i = 0; i < 4; i++) expect((await replay(page, remove, `${WRONG}-${i}`, origin)).status()).toBe(200);
  const refused = await replay(page, remove, user.password, origin);
  expect(refused.status()).toBe(200);
  expect(await refused.text()).toContain('Too many attempts');
  const db = openServerDb(server);
  expect(await db.all('SELECT id FROM users WHERE username = ?', [user.username])).toHaveLength(1);
  db.close();
});

test('parallel deletes of one account: it goes once, no request fails, counts stay equal to rows', async ({ page, server }) => {
  const user = await register(page);
  expect((await page.request.post('/api/posts/5/like')).status()).toBe(200);
  const remove = await captureDelete(page);
  const origin = new URL(page.url()).origin;
  const answers = await Promise.all(Array.from({ length: 6 }, () => replay(page, remove, user.password, origin)));
  for (const answer of answers) {
    expect(answer.status()).toBeLessThan(500);
    expect(leaksInternals(await answer.text())).toBe(false);
  }
  const db = openServerDb(server);
  expect(await db.all('SELECT id FROM users WHERE username = ?', [user.username])).toEqual([]);
  const state = await likeState(db, 5);
  expect(state.count).toBe(state.rows);
  db.close();
});

test('the export is the caller\'s own: nothing in the request can name someone else', async ({ page, request, server, playwright, baseURL }) => {
  const victim = uniqueUser();
  expect((await request.post('/api/auth/register', { data: victim })).status()).toBe(201);
  const db = openServerDb(server);
  const [row] = await db.all<{ id: number }>('SELECT id FROM users WHERE username = ?', [victim.username]);
  db.close();
  const me = await register(page);

  for (const path of [
    `/api/account/export?userId=${row?.id}`,
    `/api/account/export?username=${victim.username}`,
    `/api/account/export?id=${row?.id}&user=${victim.username}`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    expect((JSON.parse(text) as { profile: { username: string } }).profile.username).toBe(me.username);
    expect(text).not.toContain(victim.username);
    expect(text).not.toContain(victim.email);
  }
  expect((await page.request.get(`/api/account/export/${row?.id}`)).status()).toBe(404);
  const post = await page.request.post('/api/account/export', { data: { userId: row?.id } });
  expect(post.status()).toBe(405);

  const stranger = await playwright.request.newContext({ baseURL });
  const anonymous = await stranger.get('/api/account/export');
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: expect.any(String) as unknown });
  await stranger.dispose();
});
