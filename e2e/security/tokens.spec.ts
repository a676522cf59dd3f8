import { SignJWT, base64url, generateKeyPair } from 'jose';
import { importKeyring, signToken } from '../../lib/auth/strategies/jwt-token';
import { expect, test } from '../fixtures';
import { uniqueUser } from '../helpers';
import { CURRENT_SECRET, PREVIOUS_SECRET, keyringFor } from '../server-env';
import { leaksInternals } from './support';

const now = () => Math.floor(Date.now() / 1000);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A 32-byte signature's last base64url character with one of its 2 unused bits set. */
const spareBitsSet = (signature: string) => ALPHABET.charAt(ALPHABET.indexOf(signature.slice(-1)) | 1);
const enc = (value: object) => base64url.encode(JSON.stringify(value));

test.describe('forged and broken JWTs', () => {
  test.skip(({ strategy }) => strategy !== 'jwt', 'JWT attacks; the session strategy ignores token cookies');

  test('are all refused on pages and the API, without a 500', async ({ request, playwright, baseURL }) => {
    const created = await request.post('/api/auth/register', { data: uniqueUser() });
    const { user } = (await created.json()) as { user: { id: number; username: string } };
    const current = await keyringFor(baseURL ?? '');
    // Every hand-made token below is right in all but the one thing its name says (the control
    // further down proves the recipe verifies when nothing is wrong).
    const claims = { sub: String(user.id), username: user.username, epoch: 0, jti: crypto.randomUUID(), iss: current.audience, aud: current.audience };
    const valid = await signToken({ id: user.id, username: user.username, tokenEpoch: 0 }, current);
    const [header = '', payload = '', signature = ''] = valid.split('.');
    const rsa = await generateKeyPair('RS256');
    const hmacOf = (secret: string) => new TextEncoder().encode(secret);

    const attacks: Record<string, string> = {
      'alg none': `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ ...claims, iat: now(), exp: now() + 600 })}.`,
      'RS256 signed with an attacker key': await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: current.current.kid, typ: 'JWT' }).setIssuedAt().setExpirationTime('1h').sign(rsa.privateKey),
      'HS256 with a foreign secret': await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: current.current.kid, typ: 'JWT' }).setIssuedAt().setExpirationTime('1h').sign(hmacOf('a-foreign-secret-that-is-32-bytes-long!!')),
      'HS512 with the right secret': await new SignJWT(claims).setProtectedHeader({ alg: 'HS512', kid: current.current.kid, typ: 'JWT' }).setIssuedAt().setExpirationTime('1h').sign(hmacOf(CURRENT_SECRET)),
      'tampered payload': `${header}.${enc({ ...claims, sub: '1', username: 'demo', iat: now(), exp: now() + 3600 })}.${signature}`,
      'tampered signature': `${header}.${payload}.${signature.slice(0, -4)}AAAA`,
      'expired (right secret)': await signToken({ id: user.id, username: user.username, tokenEpoch: 0 }, current, now() - 7200),
      'no kid (right secret)': await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime('1h').sign(hmacOf(CURRENT_SECRET)),
      garbage: 'not-a-jwt',
      'three empty parts': '..',
      'binary-ish': '%00%ff.%%%.\u00e9',
      'huge but under the header limit': `${header}.${'A'.repeat(12_000)}.${signature}`,
      // The valid token in forms a lenient base64 decoder (atob) would still read as the same bytes.
      'padding appended': `${valid}=`,
      'a space inside': `${header}.${payload.slice(0, 5)} ${payload.slice(5)}.${signature}`,
      "the signature's spare bits changed": `${header}.${payload}.${signature.slice(0, -1)}${spareBitsSet(signature)}`,
      'another deployment (same secret, other audience)': await signToken(
        { id: user.id, username: user.username, tokenEpoch: 0 },
        await importKeyring([CURRENT_SECRET], { audience: 'https://preview.cookiegram.example' }),
      ),
    };

    const control = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: current.current.kid, typ: 'JWT' }).setIssuedAt().setExpirationTime('1h').sign(hmacOf(CURRENT_SECRET));
    const controlContext = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `token=${control}` } });
    expect((await controlContext.get('/feed', { maxRedirects: 0 })).status(), 'the hand-made control token').toBe(200);
    await controlContext.dispose();

    for (const [name, token] of Object.entries(attacks)) {
      const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `token=${encodeURIComponent(token)}` } });
      const page = await ctx.get('/feed', { maxRedirects: 0 });
      expect(page.status(), name).toBe(307);
      expect(page.headers().location, name).toMatch(/^\/login\?next=/);
      const api = await ctx.post('/api/posts/1/like');
      expect(api.status(), name).toBe(401);
      expect(leaksInternals(await api.text()), name).toBe(false);
      await ctx.dispose();
    }
  });

  test('a 100 KB token is refused with 431 (headers too large), not a 500', async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `token=${'a'.repeat(100 * 1024)}` } });
    for (const response of [await ctx.get('/feed', { maxRedirects: 0 }), await ctx.post('/api/posts/1/like')]) {
      expect(response.status()).toBe(431);
    }
    await ctx.dispose();
  });

  test('after a secret rotation, tokens of the previous secret still work and new ones use the current key', async ({ request, playwright, baseURL }) => {
    const created = await request.post('/api/auth/register', { data: uniqueUser() });
    const { user } = (await created.json()) as { user: { id: number; username: string } };
    const previous = await keyringFor(baseURL ?? '', PREVIOUS_SECRET);
    const old = await signToken({ ...user, tokenEpoch: 0 }, previous);
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `token=${old}` } });
    expect((await ctx.post('/api/posts/2/like')).status()).toBe(200);
    await ctx.dispose();

    const issued = (await request.storageState()).cookies.find((c) => c.name === 'token')?.value ?? '';
    const kid = (JSON.parse(new TextDecoder().decode(base64url.decode(issued.split('.')[0] ?? ''))) as { kid: string }).kid;
    expect(kid).toBe((await keyringFor(baseURL ?? '')).current.kid);
  });
});

test('garbage session cookies are refused without a 500', async ({ playwright, baseURL, strategy }) => {
  test.skip(strategy !== 'session', 'session strategy only');
  for (const value of ['x', 'A'.repeat(43), 'A'.repeat(44), '%%%', '"><script>alert(1)</script>', 'A'.repeat(8000)]) {
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `session=${encodeURIComponent(value)}` } });
    const page = await ctx.get('/feed', { maxRedirects: 0 });
    expect([307, 308]).toContain(page.status());
    expect((await ctx.post('/api/posts/1/like')).status()).toBe(401);
    await ctx.dispose();
  }
});
