// Attacks on the profile pages, the follow API and profile editing, against the production build
// under each strategy: what leaks, who can be changed, bad usernames, cross-site requests, races
// and the hourly follow limit.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { register, uniqueUser } from '../helpers';
import { credentialsFor, insertUsers, leaksInternals, openServerDb } from './support';

async function followState(db: ReturnType<typeof openServerDb>, userId: number) {
  const [row] = await db.all<{ count: number; rows: number; following: number; followingRows: number }>(
    `SELECT follower_count AS count, (SELECT count(*) FROM follows WHERE followee_id = ?) AS rows,
            following_count AS following, (SELECT count(*) FROM follows WHERE follower_id = ?) AS followingRows
     FROM users WHERE id = ?`,
    [userId, userId, userId],
  );
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

test.describe('profiles: what leaks', () => {
  test("profile pages and the follow API show no one's id, email or secrets", async ({ page, browser, baseURL, server }) => {
    const a = await register(page);
    const b = uniqueUser();
    const other = await browser.newContext({ baseURL });
    const bPage = await other.newPage();
    await register(bPage, b);
    const answer = await bPage.request.post(`/api/users/${a.username}/follow`);
    expect(await answer.json()).toEqual({ following: true, followerCount: 1 });

    const db = openServerDb(server);
    const ids = await db.all<{ id: number }>('SELECT id FROM users WHERE username IN (?, ?)', [a.username, b.username]);
    db.close();
    for (const path of [`/u/${a.username}`, `/u/${a.username}/followers`, `/u/${b.username}/following`, '/settings/profile']) {
      const html = await (await bPage.request.get(path)).text();
      // b's own address may show (the banner asking b to confirm it); a's never does on b's pages.
      for (const secret of [a.email, 'password_hash', 'passwordHash', 'tokenEpoch', 'token_epoch', 'followerId', 'followeeId', '"authorId"']) {
        expect(html, `${path} shows ${secret}`).not.toContain(secret);
      }
      for (const { id } of ids) expect(html, `${path} shows a user id`).not.toMatch(new RegExp(`\\\\?"(user)?[iI]d\\\\?":${id}[,}]`));
    }
    await other.close();
  });
});

test.describe('follow API: bad input and refusals', () => {
  test('unknown user 404, yourself 400, logged out 401, malformed usernames 4xx; nothing written', async ({ page, playwright, baseURL }) => {
    const me = await register(page);
    const api = page.request;
    expect((await api.post('/api/users/nobody_by_that_name/follow')).status()).toBe(404);
    const self = await api.post(`/api/users/${me.username}/follow`);
    expect(self.status()).toBe(400);
    expect(await self.json()).toEqual({ error: 'You cannot follow yourself.' });
    expect((await api.delete(`/api/users/${me.username.toUpperCase()}/follow`)).status()).toBe(400);

    for (const name of ['%00', 'a'.repeat(5000), '..', '%2e%2e', '%2F', 'x%27%3B%20DROP%20TABLE%20users', '%ff', '%E2%80%AE', '<script>', 'a%0Ab']) {
      for (const method of ['POST', 'DELETE'] as const) {
        const response = await api.fetch(`/api/users/${name}/follow`, { method });
        expect(response.status(), `${method} ${name.slice(0, 20)}`).toBeGreaterThanOrEqual(400);
        expect(response.status(), `${method} ${name.slice(0, 20)}`).toBeLessThan(500);
        expect(leaksInternals(await response.text())).toBe(false);
      }
      // ".." and "%2e%2e" are resolved away by the URL itself (to /, then /feed): only a status below 500 is asked of them.
      const profile = await api.get(`/u/${name}`);
      expect(profile.status(), `/u/${name.slice(0, 20)}`).toBeLessThan(500);
      // Next.js itself answers 400 for a path that is not valid percent-encoding (%ff).
      if (new URL(profile.url()).pathname.startsWith('/u/')) expect([400, 404], `/u/${name.slice(0, 20)}`).toContain(profile.status());
    }
    expect((await api.get('/api/users/demo/follow')).status()).toBe(405);

    const stranger = await playwright.request.newContext({ baseURL });
    const loggedOut = await stranger.post('/api/users/demo/follow');
    expect(loggedOut.status()).toBe(401);
    await stranger.dispose();
    const [state] = await page.request.get(`/u/${me.username}`).then(async (r) => [await r.text()]);
    expect(state).toContain('0 following');
  });

  test('cross-site follows are refused, even with the cookie, and change nothing', async ({ page, server }) => {
    await register(page);
    const db = openServerDb(server);
    const [target] = await insertUsers(db, 1);
    if (!target) throw new Error('no target');
    const crossSite: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'null' }];
    for (const headers of crossSite) {
      for (const method of ['POST', 'DELETE'] as const) {
        const response = await page.request.fetch(`/api/users/${target.username}/follow`, { method, headers });
        expect(response.status(), JSON.stringify(headers)).toBe(403);
        expect(await response.json()).toEqual({ error: 'Cross-site requests are not allowed.' });
      }
    }
    expect(await followState(db, target.id)).toMatchObject({ count: 0, rows: 0 });
    db.close();
  });
});

test.describe('profile editing only ever changes your own row', () => {
  test('a replayed save carrying another user id or username changes only the sender', async ({ page, server }) => {
    const me = await register(page);
    const db = openServerDb(server);
    const [target] = await insertUsers(db, 1);
    if (!target) throw new Error('no victim');
    const before = await db.all('SELECT * FROM users WHERE id = ?', [target.id]);

    await page.goto('/settings/profile');
    const action = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByLabel('Display name').fill('Mine');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toHaveText('Profile saved.');
    const request = await action;

    // The very same call, its text changed and the victim's id and name added as fields: there
    // are no such fields to honour, and the row written is the cookie's.
    const boundary = /boundary=(\S+)/.exec(request.headers()['content-type'] ?? '')?.[1] ?? '';
    expect(boundary).not.toBe('');
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const extra = [['1_id', String(target.id)], ['1_userId', String(target.id)], ['1_username', target.username], ['id', String(target.id)]];
    const body = (request.postData() ?? '').replace('Mine', 'Hijacked').replace(`--${boundary}--`, `${extra.map(([n, v]) => part(n ?? '', v ?? '')).join('')}--${boundary}--`);
    const replay = await page.request.post('/settings/profile', {
      headers: { ...(await request.allHeaders()), 'content-length': String(Buffer.byteLength(body)) },
      data: body,
    });
    expect(replay.status()).toBeLessThan(500);
    expect(await db.all('SELECT * FROM users WHERE id = ?', [target.id])).toEqual(before);
    const [mine] = await db.all<{ display_name: string }>('SELECT display_name FROM users WHERE username = ?', [me.username]);
    expect(replay.status()).toBe(200);
    expect(mine?.display_name).toBe('Hijacked');
    db.close();
  });
});

test.describe('follows under concurrency', () => {
  const follow = (ctx: APIRequestContext, username: string, on = true) => ctx.fetch(`/api/users/${username}/follow`, { method: on ? 'POST' : 'DELETE' });

  test('200 people following one at once: follower_count = 200 = rows; racing unfollows keep counts = rows', async ({ playwright, baseURL, strategy, server }) => {
    test.slow();
    const db = openServerDb(server);
    const [star, ...fans] = await insertUsers(db, 201);
    if (!star) throw new Error('no star');
    const cookies = await credentialsFor({ strategy, baseURL: baseURL ?? '' }, db, fans);
    // Each wave from fresh clients: a keep-alive socket the server closed while the test read the
    // database would otherwise be reused and reset.
    const wave = async (on: (i: number) => boolean) => {
      const contexts = await Promise.all(cookies.map((cookie) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } })));
      const statuses = await Promise.all(contexts.map(async (ctx, i) => (await follow(ctx, star.username, on(i))).status()));
      await Promise.all(contexts.map((ctx) => ctx.dispose()));
      return statuses;
    };

    expect((await wave(() => true)).filter((s) => s === 200)).toHaveLength(200);
    expect(await followState(db, star.id)).toMatchObject({ count: 200, rows: 200 });

    // Half unfollow while the other half follow again (a no-op), all at once; then everyone
    // flips at once. Whatever the order, counts = rows on both sides.
    expect(await wave((i) => i % 2 === 0)).toEqual(Array(200).fill(200));
    expect(await followState(db, star.id)).toMatchObject({ count: 100, rows: 100 });
    expect(await wave((i) => i % 2 === 1)).toEqual(Array(200).fill(200));
    expect(await followState(db, star.id)).toMatchObject({ count: 100, rows: 100 });
    for (const fan of fans.slice(0, 20)) {
      const state = await followState(db, fan.id);
      expect(state.following).toBe(state.followingRows);
    }
    db.close();
  });

  test('one user gets 200 follows an hour, however many are sent at once; then 429 with Retry-After', async ({ playwright, baseURL, strategy, server }) => {
    test.slow();
    const db = openServerDb(server);
    const [eager, ...targets] = await insertUsers(db, 211);
    if (!eager) throw new Error('no user');
    const [cookie = ''] = await credentialsFor({ strategy, baseURL: baseURL ?? '' }, db, [eager]);
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });

    const responses = await Promise.all(targets.map((t) => follow(ctx, t.username)));
    const statuses = responses.map((r) => r.status());
    expect(statuses.filter((s) => s === 200)).toHaveLength(200);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    const refused = responses.find((r) => r.status() === 429);
    expect(Number(refused?.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await refused?.json()) as unknown).toEqual({ error: expect.stringMatching(/^You have followed a lot of people this hour\./) });
    expect(await followState(db, eager.id)).toMatchObject({ following: 200, followingRows: 200 });
    // Unfollowing is never limited.
    expect((await follow(ctx, targets[0]?.username ?? '', false)).status()).toBe(200);
    await ctx.dispose();
    db.close();
  });
});
