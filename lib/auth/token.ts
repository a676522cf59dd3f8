// Signing and verifying the session JWT. Web APIs only (crypto.subtle, TextEncoder): the proxy
// runs this, and it must stay portable to edge runtimes (proven by token.edge.test.ts).
import { SignJWT, jwtVerify } from 'jose';

export const TOKEN_ALGORITHM = 'HS256';
export const TOKEN_TTL_SECONDS = 60 * 60;
/** A real token is ~200 bytes; anything far larger is refused before any crypto runs. */
const MAX_TOKEN_LENGTH = 4096;

/** `tokenEpoch`: the user's epoch at issue; "log out of all devices" moves it on. */
export type TokenUser = { id: number; username: string; tokenEpoch: number };
/** What a verified token tells us. `jti` names this token, so logout can revoke it. */
export type VerifiedToken = Readonly<{
  userId: number;
  username: string;
  jti: string;
  epoch: number;
  issuedAt: number;
  expiresAt: number;
}>;

/** A signing key and its id (`kid`): the first 8 bytes of SHA-256(secret), base64url. */
export type SigningKey = { kid: string; key: CryptoKey };
/** `current` signs; every key verifies, so tokens signed before a rotation live out their hour. */
export type Keyring = { current: SigningKey; all: ReadonlyMap<string, CryptoKey> };

async function importSigningKey(secret: string): Promise<SigningKey> {
  const bytes = new TextEncoder().encode(secret);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const kid = btoa(String.fromCharCode(...digest.slice(0, 8))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const key = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  return { kid, key };
}

/** Imports the secrets once: the first is current, the rest are previous ones still accepted. */
export async function importKeyring(secrets: readonly string[]): Promise<Keyring> {
  const keys = await Promise.all(secrets.map(importSigningKey));
  const [current] = keys;
  if (!current) throw new Error('At least one secret is needed');
  return { current, all: new Map(keys.map((k) => [k.kid, k.key])) };
}

export function signToken(user: TokenUser, keyring: Keyring, nowSeconds = Math.floor(Date.now() / 1000)) {
  return new SignJWT({ username: user.username, epoch: user.tokenEpoch })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT', kid: keyring.current.kid })
    .setSubject(String(user.id))
    .setJti(crypto.randomUUID())
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + TOKEN_TTL_SECONDS)
    .sign(keyring.current.key);
}

// Verifying through WebCrypto is a thread-pool round trip, and every request of a session brings
// the same cookie (the proxy and the data access layer each verify it). So a token that verified
// is remembered, per keyring, until it expires: keyed by the whole string, signature included, a
// hit is exactly an input that verified before. Only verified tokens are stored (a forger cannot
// fill the map), and the oldest entry goes first past the bound. Revocation is not cached: the
// data access layer asks the database on every request.
const MAX_REMEMBERED = 10_000;
const remembered = new WeakMap<Keyring, Map<string, VerifiedToken>>();

/** Returns the token's identity, or null for anything not signed by us, expired or malformed. */
export async function verifyToken(token: string | undefined, keyring: Keyring): Promise<VerifiedToken | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  let known = remembered.get(keyring);
  if (!known) remembered.set(keyring, (known = new Map()));
  const hit = known.get(token);
  if (hit && hit.expiresAt > Date.now() / 1000) return hit;
  known.delete(token);

  const fresh = await verifySignature(token, keyring);
  if (fresh) {
    const oldest = known.size >= MAX_REMEMBERED ? known.keys().next() : undefined;
    if (oldest && !oldest.done) known.delete(oldest.value);
    known.set(token, fresh);
  }
  return fresh;
}

async function verifySignature(token: string, keyring: Keyring): Promise<VerifiedToken | null> {
  try {
    // The key is chosen by `kid` among our own keys only; an unknown or missing kid fails.
    const keyFor = ({ kid }: { kid?: string }) => {
      const key = kid === undefined ? undefined : keyring.all.get(kid);
      if (!key) throw new Error('unknown key id');
      return key;
    };
    const { payload } = await jwtVerify(token, keyFor, {
      algorithms: [TOKEN_ALGORITHM],
      requiredClaims: ['sub', 'jti', 'iat', 'exp'],
    });
    const { sub, username, epoch, jti, iat, exp } = payload;
    const userId = Number(sub);
    if (!Number.isSafeInteger(userId) || userId <= 0) return null;
    if (typeof username !== 'string' || typeof jti !== 'string' || jti.length > 64) return null;
    if (typeof epoch !== 'number' || !Number.isSafeInteger(epoch) || iat === undefined || exp === undefined) {
      return null;
    }
    return Object.freeze({ userId, username, jti, epoch, issuedAt: iat, expiresAt: exp });
  } catch {
    return null;
  }
}
