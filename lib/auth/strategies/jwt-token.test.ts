import { SignJWT, base64url } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Keyring, TOKEN_TTL_SECONDS, importKeyring, rememberedCount, signToken, verifyToken } from './jwt-token';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const SITE = { audience: 'https://cookiegram.test' };
const user = { id: 42, username: 'chinu', tokenEpoch: 3 };
let key: Keyring;

beforeAll(async () => {
  key = await importKeyring([SECRET], SITE);
});

const encode = (value: object) => base64url.encode(JSON.stringify(value));

/** A token signed with our key but built by hand: only `header` (and, unless told, the site claims) vary. */
function handMade(header: { alg: string; typ?: string; kid?: string }, { site = true } = {}) {
  const jwt = new SignJWT({ username: 'chinu', epoch: 3 }).setProtectedHeader(header).setSubject('42').setJti('j').setIssuedAt().setExpirationTime('1h');
  if (site) jwt.setIssuer(SITE.audience).setAudience(SITE.audience);
  return jwt.sign(key.current.key);
}

describe('signToken / verifyToken', () => {
  it('round-trips the user with iat and a one-hour exp', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signToken(user, key, now);
    const verified = await verifyToken(token, key);
    expect(verified).toEqual({
      userId: 42,
      username: 'chinu',
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      epoch: 3,
      issuedAt: now,
      expiresAt: now + TOKEN_TTL_SECONDS,
    });
    const [header, payload] = token.split('.').slice(0, 2).map((part: string) => JSON.parse(new TextDecoder().decode(base64url.decode(part))) as unknown);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT', kid: key.current.kid });
    expect(key.current.kid).toMatch(/^[\w-]{11}$/);
    expect(payload).toEqual({ sub: '42', username: 'chinu', epoch: 3, jti: verified?.jti, iat: now, exp: now + 3600, iss: SITE.audience, aud: SITE.audience });
    expect((await verifyToken(await signToken(user, key, now), key))?.jti).not.toBe(verified?.jti);
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
    const forged = encode({ sub: '1', username: 'admin', epoch: 0, jti: 'j', iat: 1, exp: 9999999999 });
    expect(await verifyToken(`${h}.${forged}.${s}`, key)).toBeNull();
  });

  it('refuses an expired token', async () => {
    const twoHoursAgo = Math.floor(Date.now() / 1000) - 2 * 3600;
    expect(await verifyToken(await signToken(user, key, twoHoursAgo), key)).toBeNull();
  });

  it('refuses alg "none"', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: '42', username: 'chinu', epoch: 3, jti: 'j', iat: now, exp: now + 60 };
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
    expect(await verifyToken(unsigned, key)).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = await importKeyring(['another-secret-that-is-also-32-bytes-long!!'], SITE);
    expect(await verifyToken(await signToken(user, other), key)).toBeNull();
  });

  it('refuses another HMAC algorithm with the same secret (algorithm pinned to HS256)', async () => {
    const token = await new SignJWT({ username: 'chinu', epoch: 3 })
      .setProtectedHeader({ alg: 'HS512', typ: 'JWT', kid: key.current.kid })
      .setIssuer(SITE.audience)
      .setAudience(SITE.audience)
      .setSubject('42')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifyToken(token, key)).toBeNull();
  });

  it('refuses tokens without a numeric subject, a username, a jti or an epoch', async () => {
    // Everything else is right (header, key, site claims): the control below verifies.
    const signed = (jwt: SignJWT) =>
      jwt
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.current.kid })
        .setIssuer(SITE.audience)
        .setAudience(SITE.audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key.current.key);
    expect(await verifyToken(await signed(new SignJWT({ username: 'x', epoch: 0 }).setSubject('42').setJti('j')), key)).not.toBeNull();
    const bad = [
      new SignJWT({ username: 'x', epoch: 0 }).setSubject('abc').setJti('j'),
      new SignJWT({ username: 'x', epoch: 0 }).setSubject('-1').setJti('j'),
      new SignJWT({ epoch: 0 }).setSubject('42').setJti('j'),
      new SignJWT({ username: 'x', epoch: 0 }).setJti('j'),
      new SignJWT({ username: 'x', epoch: 0 }).setSubject('42'), // no jti: cannot be revoked
      new SignJWT({ username: 'x' }).setSubject('42').setJti('j'), // no epoch
      new SignJWT({ username: 'x', epoch: '0' }).setSubject('42').setJti('j'),
    ];
    for (const jwt of bad) expect(await verifyToken(await signed(jwt), key)).toBeNull();
  });

  it('refuses a token without a kid, or with a kid that is not ours', async () => {
    expect(await verifyToken(await handMade({ alg: 'HS256', typ: 'JWT', kid: key.current.kid }), key)).not.toBeNull(); // the control
    for (const header of [{ alg: 'HS256', typ: 'JWT' }, { alg: 'HS256', typ: 'JWT', kid: 'other' }]) {
      expect(await verifyToken(await handMade(header), key)).toBeNull();
    }
  });

  it('verifies tokens of a previous secret after rotation and signs with the new one', async () => {
    const before = await signToken(user, key);
    const rotated = await importKeyring(['a-brand-new-secret-that-is-32-bytes-long!', SECRET], SITE);
    expect(await verifyToken(before, rotated)).toMatchObject({ userId: 42 });
    const after = await signToken(user, rotated);
    expect(await verifyToken(after, rotated)).toMatchObject({ userId: 42 });
    expect(await verifyToken(after, key)).toBeNull(); // the old keyring does not know the new key
    const retired = await importKeyring(['a-brand-new-secret-that-is-32-bytes-long!'], SITE);
    expect(await verifyToken(before, retired)).toBeNull(); // once dropped from the list, old tokens die
  });

  it('refuses a token of another site (issuer and audience), even with the same secret', async () => {
    const preview = await importKeyring([SECRET], { audience: 'https://preview.cookiegram.test' });
    expect(await verifyToken(await signToken(user, preview), key)).toBeNull();
    expect(await verifyToken(await handMade({ alg: 'HS256', typ: 'JWT', kid: key.current.kid }, { site: false }), key)).toBeNull();
  });

  it('accepts only the canonical base64url form of a token', async () => {
    const token = await signToken(user, key);
    expect(await verifyToken(token, key)).not.toBeNull();
    const [h = '', p = '', s = ''] = token.split('.');
    // The signature is 32 bytes: 43 characters whose last one carries 2 unused bits.
    const last = s.charAt(s.length - 1);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const spareBitsSet = alphabet.charAt(alphabet.indexOf(last) | 1);
    for (const variant of [
      `${token}=`,
      `${h}.${p}.${s}==`,
      `${h}.${p}.${s.slice(0, 10)} ${s.slice(10)}`,
      `${h}.${p}.${s.slice(0, -1)}${spareBitsSet}`,
      `${h}=.${p}.${s}`,
      `${h}.${p}.${s.replace(/-/g, '+').replace(/_/g, '/')}`,
      ` ${token}`,
      // (A signature without - or _ has no standard-base64 spelling: that variant is the token.)
    ].filter((variant) => variant !== token)) {
      expect(await verifyToken(variant, key), variant).toBeNull();
    }
  });

  it('refuses garbage without throwing', async () => {
    for (const garbage of [undefined, '', 'abc', 'a.b.c', '..', 'eyJ.eyJ.sig', '%%%.%%%.%%%', 'x'.repeat(100_000)]) {
      expect(await verifyToken(garbage, key)).toBeNull();
    }
  });
});

describe('verifyToken remembers verified tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('answers a token it verified before without running the HMAC again', async () => {
    const token = await signToken(user, key);
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const first = await verifyToken(token, key);
    const second = await verifyToken(token, key);
    expect(second).toEqual(first);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('stops answering a remembered token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await signToken(user, key);
    expect(await verifyToken(token, key)).toMatchObject({ userId: 42 });
    vi.setSystemTime(Date.now() + (TOKEN_TTL_SECONDS + 1) * 1000);
    expect(await verifyToken(token, key)).toBeNull();
  });

  it('remembers per keyring: a token verified under one keyring is not accepted by another', async () => {
    const token = await signToken(user, key);
    expect(await verifyToken(token, key)).toMatchObject({ userId: 42 });
    const other = await importKeyring(['another-secret-that-is-also-32-bytes-long!!'], SITE);
    expect(await verifyToken(token, other)).toBeNull();
  });

  it('keeps at most 16 tokens of one account, so logging in over and over evicts no one else', async () => {
    const ring = await importKeyring([SECRET], SITE);
    const other = { id: 7, username: 'other', tokenEpoch: 0 };
    await verifyToken(await signToken(other, ring), ring);
    for (let i = 0; i < 40; i++) expect(await verifyToken(await signToken(user, ring), ring)).not.toBeNull();
    expect(rememberedCount(ring, user.id)).toBe(16);
    expect(rememberedCount(ring, other.id)).toBe(1);
    expect(rememberedCount(ring)).toBe(17);
  });

  it('does not remember a refusal: a forged token stays refused, a good one still verifies', async () => {
    const token = await signToken(user, key);
    const [h, p, s = ''] = token.split('.');
    const forged = `${h}.${p}.${s.slice(0, -2)}AA`;
    expect(await verifyToken(forged, key)).toBeNull();
    expect(await verifyToken(forged, key)).toBeNull();
    expect(await verifyToken(token, key)).toMatchObject({ userId: 42 });
  });
});
