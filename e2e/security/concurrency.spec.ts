import { expect, randomClientIp, test } from '../fixtures';
import { uniqueUser } from '../helpers';
import { credentialsFor, insertUsers, likeState, openServerDb } from './support';

test.describe('concurrency', () => {
  test('200 simultaneous likes of one post by one user make exactly one like', async ({ playwright, baseURL, strategy, server }) => {
    const db = openServerDb(server);
    const [user] = await insertUsers(db, 1);
    if (!user) throw new Error('no user');
    const [cookie = ''] = await credentialsFor({ strategy, baseURL: baseURL ?? '' }, db, [user]);
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });
    const postId = 20;
    const before = await likeState(db, postId);

    const responses = await Promise.all(Array.from({ length: 200 }, () => ctx.post(`/api/posts/${postId}/like`)));
    expect(responses.map((r) => r.status())).toEqual(Array(200).fill(200));
    const after = await likeState(db, postId);
    expect(after.rows).toBe(before.rows + 1);
    expect(after.count).toBe(after.rows);
    await ctx.dispose();
    db.close();
  });

  test('200 users liking one post at once: count = 200 = rows', async ({ playwright, baseURL, strategy, server }) => {
    test.slow();
    const db = openServerDb(server);
    const postId = 21;
    const before = await likeState(db, postId);
    const users = await insertUsers(db, 200);
    const cookies = await credentialsFor({ strategy, baseURL: baseURL ?? '' }, db, users);
    const contexts = await Promise.all(cookies.map((cookie) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } })));

    const responses = await Promise.all(contexts.map((ctx) => ctx.post(`/api/posts/${postId}/like`)));
    expect(responses.filter((r) => r.status() === 200)).toHaveLength(200);
    const after = await likeState(db, postId);
    expect(after.rows).toBe(before.rows + 200);
    expect(after.count).toBe(after.rows);
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
    db.close();
  });

  test('two simultaneous sign-ups with one email: one account, one clear error', async ({ request }) => {
    const user = uniqueUser();
    const [a, b] = await Promise.all([
      request.post('/api/auth/register', { data: user, headers: { 'X-Forwarded-For': randomClientIp() } }),
      request.post('/api/auth/register', { data: { ...user, username: `${user.username}_2` }, headers: { 'X-Forwarded-For': randomClientIp() } }),
    ]);
    expect([a.status(), b.status()].sort()).toEqual([201, 409]);
    const loser = a.status() === 409 ? a : b;
    expect(await loser.json()).toEqual({ error: 'An account with this email already exists. Log in instead?', field: 'email' });
  });
});
