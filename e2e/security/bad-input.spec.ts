import { expect, test } from '../fixtures';
import { uniqueUser } from '../helpers';
import { leaksInternals } from './support';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

test.describe('bad input gets a clear 4xx, never a 500 or a stack trace', () => {
  test('JSON API: malformed JSON, wrong types, wrong content type, huge bodies', async ({ request }) => {
    const cases: [string, Parameters<typeof request.post>[1], number][] = [
      ['invalid JSON', { headers: { 'Content-Type': 'application/json' }, data: '{"email": ' }, 400],
      ['wrong types', { data: { email: 42, password: ['a'] } }, 400],
      ['JSON but not an object', { data: [1, 2, 3] }, 400],
      ['missing fields', { data: {} }, 400],
      ['form encoding', { form: { email: 'a@b.co', password: 'x' } }, 415],
      ['10 MB body', { headers: { 'Content-Type': 'application/json' }, data: `{"email":"${TEN_MB}"}` }, 413],
    ];
    for (const path of ['/api/auth/login', '/api/auth/register']) {
      for (const [name, options, status] of cases) {
        const response = await request.post(path, options);
        expect(response.status(), `${path}: ${name}`).toBe(status);
        const body = await response.text();
        expect(JSON.parse(body), `${path}: ${name}`).toHaveProperty('error');
        expect(leaksInternals(body), `${path}: ${name}`).toBe(false);
      }
    }
  });

  test('a refused sign-up writes nothing', async ({ request }) => {
    const user = uniqueUser();
    expect((await request.post('/api/auth/register', { data: { ...user, password: 'short' } })).status()).toBe(400);
    expect((await request.post('/api/auth/register', { data: { ...user, username: 'no spaces' } })).status()).toBe(400);
    // The email is still free: nothing was written half-way.
    expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
  });

  test('unknown routes and methods', async ({ request }) => {
    expect((await request.post('/api/auth/register', { data: uniqueUser() })).status()).toBe(201); // logged in
    const expectations: [Promise<{ status(): number; text(): Promise<string> }>, number][] = [
      [request.get('/no-such-page'), 404],
      [request.get('/api/no-such-route'), 404],
      [request.get('/api/auth/login'), 405],
      [request.put('/api/posts/1/like'), 405],
      [request.patch('/api/auth/register'), 405],
      [request.post('/api/posts/99999999999999999999/like'), 400],
      [request.post('/api/posts/1%00/like'), 400],
    ];
    for (const [pending, status] of expectations) {
      const response = await pending;
      expect(response.status()).toBe(status);
      expect(leaksInternals(await response.text())).toBe(false);
    }
  });

  test('malformed server-action requests', async ({ page }) => {
    await page.goto('/login');
    const actionRequest = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByRole('button', { name: 'Log in' }).click();
    const actionId = (await actionRequest).headers()['next-action'] ?? '';
    const origin = new URL(page.url()).origin;
    const post = (headers: Record<string, string>, data: string) =>
      page.request.post('/login', { headers: { 'Next-Action': actionId, Origin: origin, ...headers }, data });

    const cases: [string, Promise<{ status(): number; text(): Promise<string> }>, number][] = [
      ['not JSON', post({ 'Content-Type': 'text/plain' }, '{{{'), 400],
      ['JSON object', post({ 'Content-Type': 'text/plain' }, '{"a":1}'), 400],
      ['garbage multipart', post({ 'Content-Type': 'multipart/form-data; boundary=xx' }, 'garbage'), 400],
      ['octet stream', post({ 'Content-Type': 'application/octet-stream' }, 'zz'), 415],
      ['10 MB', post({ 'Content-Type': 'text/plain' }, TEN_MB), 413],
      ['unknown action', page.request.post('/login', { headers: { 'Next-Action': '00deadbeef', Origin: origin, 'Content-Type': 'text/plain' }, data: '[]' }), 400],
    ];
    for (const [name, pending, status] of cases) {
      const response = await pending;
      expect(response.status(), name).toBe(status);
      expect(leaksInternals(await response.text()), name).toBe(false);
    }
    // Right shape, wrong argument types: the action itself answers with field errors.
    const wrongArgs = await post({ 'Content-Type': 'text/plain' }, '[1,2]');
    expect(wrongArgs.status()).toBe(200);
  });
});
