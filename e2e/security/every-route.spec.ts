// The README says bad input never gets a 500: every route, every method, with bodies crafted to
// break parsers, logged out and logged in.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { appRoutes } from '../../testing/app-routes';
import { leaksInternals } from './support';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

type Body = { name: string; headers: Record<string, string>; data?: string | Buffer };
const bodies = (actionId: string, origin: string): Body[] => [
  { name: 'no body', headers: {} },
  { name: 'garbage multipart', headers: { 'Content-Type': 'multipart/form-data; boundary=xx', Origin: origin }, data: 'garbage' },
  { name: 'a no-script form with a garbage Origin', headers: { 'Content-Type': 'multipart/form-data; boundary=b', Origin: 'garbage' }, data: '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.co\r\n--b--\r\n' },
  { name: 'an action call referring to a missing part', headers: { 'Next-Action': actionId, 'Content-Type': 'text/plain', Origin: origin }, data: '["$1"]' },
  { name: 'an action call to an unknown action', headers: { 'Next-Action': '00ff00ff', 'Content-Type': 'text/plain', Origin: origin }, data: '[]' },
  { name: 'broken JSON', headers: { 'Content-Type': 'application/json', Origin: origin }, data: '{"email": ' },
  { name: 'binary', headers: { 'Content-Type': 'application/octet-stream', Origin: origin }, data: Buffer.from([0, 255, 254, 0, 1]) },
  { name: 'url-encoded garbage', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin }, data: '%%%&&==' },
];

async function walkEverything(api: APIRequestContext, origin: string, actionId: string) {
  const failures: string[] = [];
  for (const route of appRoutes()) {
    for (const method of METHODS) {
      for (const body of method === 'GET' || method === 'HEAD' ? bodies(actionId, origin).slice(0, 1) : bodies(actionId, origin)) {
        const response = await api.fetch(route.path, { method, headers: body.headers, data: body.data, maxRedirects: 0 });
        const text = method === 'HEAD' ? '' : await response.text();
        if (response.status() >= 500 || leaksInternals(text)) failures.push(`${method} ${route.path} (${body.name}) → ${response.status()}`);
      }
    }
  }
  return failures;
}

test('every route answers every method and malformed body with a 4xx (or success), never a 500', async ({ page, request, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL ?? '').origin;
  await page.goto('/login');
  const bound = await page.locator('input[name="$ACTION_1:0"]').first().getAttribute('value');
  const actionId = (JSON.parse(bound ?? '{}') as { id?: string }).id ?? '';
  expect(actionId).toMatch(/^[0-9a-f]+$/);
  expect(appRoutes().map((r) => r.path)).toEqual(expect.arrayContaining(['/login', '/feed', '/api/posts/999999/like']));

  expect(await walkEverything(request, origin, actionId)).toEqual([]);
  const user = { username: `walker_${Date.now()}`, email: `walker.${Date.now()}@example.com`, password: 'walk every route please' };
  expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
  expect(await walkEverything(request, origin, actionId)).toEqual([]);
});
