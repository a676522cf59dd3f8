import type { APIRequestContext } from '@playwright/test';
import { LIMITS, counterKey } from '../../lib/security/limits';
import { expect, test } from '../fixtures';
import { insertComments, insertPost } from '../social-support';
import { credentialsFor, insertUsers, leaksInternals, openServerDb } from './support';

type User = { id: number; username: string };

// Three members: the post's owner, a commenter and a stranger, each with their own API client.
async function members(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, strategy: 'jwt' | 'session', server: 'jwt' | 'session' | 'libsql') {
  const db = openServerDb(server);
  const users = await insertUsers(db, 3);
  const cookies = await credentialsFor({ strategy, baseURL }, db, users);
  const clients = await Promise.all(cookies.map((cookie) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } })));
  const [owner, commenter, stranger] = users.map((user, i) => ({ ...user, api: clients[i] as APIRequestContext })) as [
    User & { api: APIRequestContext },
    User & { api: APIRequestContext },
    User & { api: APIRequestContext },
  ];
  const postId = await insertPost(db, owner.username);
  const dispose = async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    db.close();
  };
  return { db, owner, commenter, stranger, postId, dispose };
}

const commentRows = async (db: ReturnType<typeof openServerDb>, postId: number) => {
  const [row] = await db.all<{ count: number; rows: number }>('SELECT comment_count AS count, (SELECT count(*) FROM comments WHERE post_id = ?) AS rows FROM posts WHERE id = ?', [postId, postId]);
  return { count: Number(row?.count), rows: Number(row?.rows) };
};

test.describe('comments API', () => {
  test('a comment is answered with its public fields only, and listed oldest first', async ({ playwright, baseURL, strategy, server }) => {
    const { owner, commenter, postId, dispose } = await members(playwright, baseURL ?? '', strategy, server);
    const first = await commenter.api.post(`/api/posts/${postId}/comments`, { data: { text: '  first\u0000 one\r\nsecond line  ' } });
    expect(first.status()).toBe(201);
    const body = (await first.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['author', 'createdAt', 'id', 'text']);
    expect(body).toMatchObject({ text: 'first one\nsecond line', author: commenter.username });
    expect(typeof body.createdAt).toBe('number');
    await owner.api.post(`/api/posts/${postId}/comments`, { data: { text: 'second' } });

    const list = await owner.api.get(`/api/posts/${postId}/comments`);
    expect(list.status()).toBe(200);
    const text = await list.text();
    const page = JSON.parse(text) as { comments: Record<string, unknown>[]; nextCursor: string | null };
    expect(page.nextCursor).toBeNull();
    expect(page.comments.map((c) => c.text)).toEqual(['first one\nsecond line', 'second']);
    for (const c of page.comments) expect(Object.keys(c).sort()).toEqual(['author', 'createdAt', 'id', 'text']);
    // No user's id or email, anywhere in the answer.
    expect(text).not.toMatch(/@example\.com|"(author_?id|userId|email)"/i);
    await dispose();
  });

  test('bad input: a clear 4xx, never a 500, and nothing written', async ({ playwright, baseURL, strategy, server }) => {
    const { db, commenter, postId, dispose } = await members(playwright, baseURL ?? '', strategy, server);
    const url = `/api/posts/${postId}/comments`;
    const cases: [string, Promise<{ status(): number; text(): Promise<string> }>, number, RegExp?][] = [
      ['empty', commenter.api.post(url, { data: { text: '' } }), 400, /Write something/],
      ['whitespace and controls only', commenter.api.post(url, { data: { text: ' \n\t\u0007 ' } }), 400, /Write something/],
      ['2,201 characters', commenter.api.post(url, { data: { text: 'a'.repeat(2201) } }), 400, /at most 2,200/],
      ['not a string', commenter.api.post(url, { data: { text: 42 } }), 400],
      ['no text', commenter.api.post(url, { data: {} }), 400],
      ['extra fields', commenter.api.post(url, { data: { text: 'hi', authorId: 1 } }), 400],
      ['bad JSON', commenter.api.post(url, { headers: { 'Content-Type': 'application/json' }, data: '{"text": ' }), 400],
      ['form encoding', commenter.api.post(url, { form: { text: 'hi' } }), 415],
      ['body too large', commenter.api.post(url, { headers: { 'Content-Type': 'application/json' }, data: `{"text":"${'a'.repeat(100_000)}"}` }), 413],
      ['unknown post', commenter.api.post('/api/posts/999999999/comments', { data: { text: 'hi' } }), 404],
      ['malformed post id', commenter.api.post('/api/posts/1e3/comments', { data: { text: 'hi' } }), 400],
      ['bad cursor', commenter.api.get(`${url}?cursor=nope`), 400],
      ['unknown post, listed', commenter.api.get('/api/posts/999999999/comments'), 404],
      ['unknown comment', commenter.api.delete('/api/comments/999999999'), 404],
      ['malformed comment id', commenter.api.delete('/api/comments/-1'), 400],
    ];
    for (const [name, pending, status, message] of cases) {
      const response = await pending;
      expect(response.status(), name).toBe(status);
      const text = await response.text();
      expect(leaksInternals(text), name).toBe(false);
      if (message) expect(text, name).toMatch(message);
    }
    // 2,200 exactly is fine.
    expect((await commenter.api.post(url, { data: { text: 'b'.repeat(2200) } })).status()).toBe(201);
    expect(await commentRows(db, postId)).toEqual({ count: 1, rows: 1 });
    await dispose();
  });

  test("nobody deletes another's comment on another's post; the post's owner may", async ({ playwright, baseURL, strategy, server }) => {
    const { db, owner, commenter, stranger, postId, dispose } = await members(playwright, baseURL ?? '', strategy, server);
    const { id } = (await (await commenter.api.post(`/api/posts/${postId}/comments`, { data: { text: 'keep me' } })).json()) as { id: number };

    const refused = await stranger.api.delete(`/api/comments/${id}`);
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/author or the post’s owner/) });
    expect(await commentRows(db, postId)).toEqual({ count: 1, rows: 1 });

    expect((await owner.api.delete(`/api/comments/${id}`)).status()).toBe(204);
    expect(await commentRows(db, postId)).toEqual({ count: 0, rows: 0 });
    expect((await owner.api.delete(`/api/comments/${id}`)).status()).toBe(404);

    // And the author deletes their own.
    const { id: own } = (await (await stranger.api.post(`/api/posts/${postId}/comments`, { data: { text: 'mine' } })).json()) as { id: number };
    expect((await stranger.api.delete(`/api/comments/${own}`)).status()).toBe(204);
    await dispose();
  });

  test('cross-site writes are refused and write nothing', async ({ playwright, baseURL, strategy, server }) => {
    const { db, owner, commenter, postId, dispose } = await members(playwright, baseURL ?? '', strategy, server);
    await insertComments(db, postId, commenter.username, ['stays']);
    const [{ id } = { id: 0 }] = await db.all<{ id: number }>('SELECT id FROM comments WHERE post_id = ?', [postId]);
    const attacks: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'null' }];
    for (const headers of attacks) {
      expect((await commenter.api.post(`/api/posts/${postId}/comments`, { data: { text: 'csrf' }, headers })).status()).toBe(403);
      expect((await owner.api.delete(`/api/comments/${id}`, { headers })).status()).toBe(403);
    }
    expect(await commentRows(db, postId)).toEqual({ count: 1, rows: 1 });
    await dispose();
  });

  test('70 parallel comments from one user: exactly 60 written, the rest 429 with Retry-After', async ({ playwright, baseURL, strategy, server }) => {
    test.slow();
    const { db, commenter, postId, dispose } = await members(playwright, baseURL ?? '', strategy, server);
    const responses = await Promise.all(Array.from({ length: 70 }, (_, i) => commenter.api.post(`/api/posts/${postId}/comments`, { data: { text: `burst ${i}` } })));
    const statuses = responses.map((r) => r.status());
    expect(statuses.filter((s) => s === 201)).toHaveLength(LIMITS.commentsPerUser.max);
    const refused = responses.filter((r) => r.status() === 429);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(Number(r.headers()['retry-after'])).toBeGreaterThan(0);
    expect(await commentRows(db, postId)).toEqual({ count: 60, rows: 60 });
    // The counter is the user's: 60 used.
    const [counter] = await db.all<{ count: number }>('SELECT count FROM rate_limits WHERE key = ?', [counterKey(LIMITS.commentsPerUser, String(commenter.id))]);
    expect(Number(counter?.count)).toBe(60);
    await dispose();
  });

  test('100 comments and deletes at once by many users keep the count equal to the rows', async ({ playwright, baseURL, strategy, server }) => {
    test.slow();
    const { db, owner, postId, dispose } = await members(playwright, baseURL ?? '', strategy, server);
    const users = await insertUsers(db, 50);
    const cookies = await credentialsFor({ strategy, baseURL: baseURL ?? '' }, db, users);
    const clients = await Promise.all(cookies.map((cookie) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } })));
    const first = await Promise.all(clients.map(async (c) => ((await (await c.post(`/api/posts/${postId}/comments`, { data: { text: 'one' } })).json()) as { id: number }).id));
    // The owner deletes the first 50 while the same 50 users comment again.
    await Promise.all([...first.map((id) => owner.api.delete(`/api/comments/${id}`)), ...clients.map((c) => c.post(`/api/posts/${postId}/comments`, { data: { text: 'two' } }))]);
    expect(await commentRows(db, postId)).toEqual({ count: 50, rows: 50 });
    const [notified] = await db.all<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE post_id = ? AND kind = 'comment'", [postId]);
    expect(Number(notified?.n)).toBe(50);
    await Promise.all(clients.map((c) => c.dispose()));
    await dispose();
  });
});
