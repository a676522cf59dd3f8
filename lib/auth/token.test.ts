import { SignJWT, base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_TTL_SECONDS, importSigningKey, signToken, verifyToken } from './token';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const user = { id: 42, username: 'chinu' };
let key: CryptoKey;

beforeAll(async () => {
  key = await importSigningKey(SECRET);
});

const encode = (value: object) => base64url.encode(JSON.stringify(value));

describe('signToken / verifyToken', () => {
  it('round-trips the user with iat and a one-hour exp', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signToken(user, key, now);
    expect(await verifyToken(token, key)).toEqual({
      userId: 42,
      username: 'chinu',
      issuedAt: now,
      expiresAt: now + TOKEN_TTL_SECONDS,
    });
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(new TextDecoder().decode(base64url.decode(part))) as unknown);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ sub: '42', username: 'chinu', iat: now, exp: now + 3600 });
  });

  it('refuses a token whose signature was changed', async () => {
    const token = await signToken(user, key);
    const [h, p, s = ''] = token.split('.');
    const flipped = (s.startsWith('A') ? 'B' : 'A') + s.slice(1);
    expect(await verifyToken(`${h}.${p}.${flipped}`, key)).toBeNull();
  });

  it('refuses a token whose payload was changed (signature kept)', async () => {
    const token = await signToken(user, key);
    const [h, , s] = token.split('.');
    const forged = encode({ sub: '1', username: 'admin', iat: 1, exp: 9999999999 });
    expect(await verifyToken(`${h}.${forged}.${s}`, key)).toBeNull();
  });

  it('refuses an expired token', async () => {
    const twoHoursAgo = Math.floor(Date.now() / 1000) - 2 * 3600;
    expect(await verifyToken(await signToken(user, key, twoHoursAgo), key)).toBeNull();
  });

  it('refuses alg "none"', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: '42', username: 'chinu', iat: now, exp: now + 60 })}.`;
    expect(await verifyToken(unsigned, key)).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = await importSigningKey('another-secret-that-is-also-32-bytes-long!!');
    expect(await verifyToken(await signToken(user, other), key)).toBeNull();
  });

  it('refuses another HMAC algorithm with the same secret (algorithm pinned to HS256)', async () => {
    const token = await new SignJWT({ username: 'chinu' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('42')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifyToken(token, key)).toBeNull();
  });

  it('refuses tokens without a numeric subject or a username', async () => {
    const bad = [
      new SignJWT({ username: 'x' }).setSubject('abc'),
      new SignJWT({ username: 'x' }).setSubject('-1'),
      new SignJWT({}).setSubject('42'),
      new SignJWT({ username: 'x' }),
    ];
    for (const jwt of bad) {
      const token = await jwt.setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(key);
      expect(await verifyToken(token, key)).toBeNull();
    }
  });

  it('refuses garbage without throwing', async () => {
    for (const garbage of [undefined, '', 'abc', 'a.b.c', '..', 'eyJ.eyJ.sig', '%%%.%%%.%%%', 'x'.repeat(100_000)]) {
      expect(await verifyToken(garbage, key)).toBeNull();
    }
  });
});
