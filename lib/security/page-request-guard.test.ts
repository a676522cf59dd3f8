import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, guardPageRequest } from './page-request-guard';

const SITE = 'http://cookiegram.test';
const ID = '60c36db10c809c5ba112acb70344a11ad82d5a068b';

function post(body: BodyInit | null, headers: Record<string, string> = {}, method = 'POST') {
  const request = new Request(`${SITE}/login`, { method, body, headers: { Origin: SITE, Host: 'cookiegram.test', ...headers } });
  // undici sets Content-Length for string and FormData bodies only when sending; set it as a browser would.
  const declared = Object.keys(headers).some((name) => name.toLowerCase() === 'content-length');
  if (typeof body === 'string' && !declared) request.headers.set('content-length', String(Buffer.byteLength(body)));
  return request;
}

async function multipart(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  const body = await encoded.text();
  return post(body, { 'Content-Type': encoded.headers.get('content-type') ?? '', ...headers });
}

const statusOf = async (request: Request) => (await guardPageRequest(request))?.status ?? 'passes';

describe('guardPageRequest', () => {
  it('lets GET and HEAD through and refuses other methods but POST with 405', async () => {
    expect(await statusOf(new Request(`${SITE}/feed`))).toBe('passes');
    expect(await statusOf(new Request(`${SITE}/feed`, { method: 'HEAD' }))).toBe('passes');
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const refused = await guardPageRequest(new Request(`${SITE}/feed`, { method }));
      expect(refused?.status, method).toBe(405);
      expect(refused?.headers.get('allow')).toBe('GET, HEAD, POST');
    }
  });

  it('passes the action calls React makes, with and without JavaScript', async () => {
    const js = { 'Next-Action': ID, 'Content-Type': 'text/plain;charset=UTF-8' };
    expect(await statusOf(post('[{},"$K1"]', js))).toBe('passes');
    expect(await statusOf(post('["1700000000000.5"]', js))).toBe('passes');
    expect(await statusOf(post('[{"values":{"email":"$$dollar"}},"$undefined"]', js))).toBe('passes');
    expect(await statusOf(await multipart({ '1_email': 'a@b.co', 0: '[{},"$K1"]' }, { 'Next-Action': ID }))).toBe('passes');
    const noScript = {
      '$ACTION_REF_1': '',
      '$ACTION_1:0': JSON.stringify({ id: ID, bound: '$@1' }),
      '$ACTION_1:1': '[{}]',
      '$ACTION_KEY': 'k',
      email: 'a@b.co',
    };
    expect(await statusOf(await multipart(noScript))).toBe('passes');
    expect(await statusOf(await multipart({ [`$ACTION_ID_${ID}`]: '', sessionId: 'x' }))).toBe('passes');
  });

  it('refuses what Next.js would answer with a 500, with a 4xx', async () => {
    const js = { 'Next-Action': ID, 'Content-Type': 'text/plain' };
    const cases: [string, Request | Promise<Request>, number][] = [
      ['cross-site Origin', post('[]', { ...js, Origin: 'https://evil.example' }), 403],
      ['garbage Origin', await multipart({ email: 'a' }, { Origin: 'garbage' }), 403],
      ['cross-site fetch', post('[]', { ...js, 'Sec-Fetch-Site': 'cross-site' }), 403],
      ['a reference to a missing part', post('["$1"]', js), 400],
      ['a promise reference', post('["$@1"]', js), 400],
      ['a server reference', post('["$h1"]', js), 400],
      ['not JSON', post('{{{', js), 400],
      ['a JSON object', post('{"a":1}', js), 400],
      ['garbage multipart', post('garbage', { 'Content-Type': 'multipart/form-data; boundary=xx' }), 400],
      ['a form naming no action', multipart({ email: 'a@b.co' }), 400],
      ['a no-script form with broken bound arguments', multipart({ '$ACTION_REF_1': '', '$ACTION_1:0': JSON.stringify({ id: ID, bound: '$@1' }), '$ACTION_1:1': '[{' }), 400],
      ['a no-script form with a bad action id', multipart({ '$ACTION_REF_1': '', '$ACTION_1:0': '{"id":"../x","bound":null}' }), 400],
      ['text without an action header', post('[]', { 'Content-Type': 'text/plain' }), 415],
      ['JSON', post('{}', { 'Content-Type': 'application/json' }), 415],
      ['url-encoded', post('a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415],
      ['too large', post('[]', { ...js, 'Content-Length': String(ACTION_BODY_LIMIT + 1) }), 413],
      ['a strange length', post('[]', { ...js, 'Content-Length': '1e3' }), 413],
    ];
    for (const [name, request, status] of cases) {
      const refused = await guardPageRequest(await request);
      expect(refused?.status, name).toBe(status);
      expect(((await refused?.json()) as { error?: string }).error, name).toMatch(/\w/);
    }
  });
});
