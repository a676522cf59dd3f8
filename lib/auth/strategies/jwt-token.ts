// The JWT strategy's token: signing and verifying it. Web APIs only (crypto.subtle, TextEncoder):
// the proxy runs this, and it must stay portable to edge runtimes (jwt-token.edge.test.ts).
import { SignJWT, base64url, jwtVerify } from 'jose';

export const TOKEN_ALGORITHM = 'HS256';
export const TOKEN_TTL_SECONDS = 60 * 60;
/** A real token is ~300 bytes; anything far larger is refused before any crypto runs. */
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

/** A signing key and its id (`kid`): the first 8 bytes of SHA-256(key), base64url. */
export type SigningKey = { kid: string; key: CryptoKey };
/**
 * The keys for one purpose and the site they are for. `current` signs; every key verifies, so
 * tokens signed before a rotation live out their hour. `audience` is the site's origin: tokens
 * carry it as `iss` and `aud`, and a token of another deployment is refused.
 */
export type Keyring = { current: SigningKey; all: ReadonlyMap<string, CryptoKey>; audience: string };

async function importSigningKey(bytes: Uint8Array<ArrayBuffer>): Promise<SigningKey> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const kid = base64url.encode(digest.slice(0, 8));
  const key = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  return { kid, key };
}

/**
 * A purpose other than the session token gets a key of its own, HMAC(secret, purpose), so a token
 * made for one use (the device cookie) can never verify as another (a login).
 */
async function keyBytes(secret: string, purpose: string | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const raw = new TextEncoder().encode(secret);
  if (purpose === undefined) return raw;
  const derive = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', derive, new TextEncoder().encode(purpose)));
}

/** Imports the secrets once: the first is current, the rest are previous ones still accepted. */
export async function importKeyring(
  secrets: readonly string[],
  { audience, purpose }: { audience: string; purpose?: string },
): Promise<Keyring> {
  const keys = await Promise.all(secrets.map(async (secret) => importSigningKey(await keyBytes(secret, purpose))));
  const [current] = keys;
  if (!current) throw new Error('At least one secret is needed');
  return { current, all: new Map(keys.map((k) => [k.kid, k.key])), audience };
}

export function signToken(user: TokenUser, keyring: Keyring, nowSeconds = Math.floor(Date.now() / 1000)) {
  return new SignJWT({ username: user.username, epoch: user.tokenEpoch })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT', kid: keyring.current.kid })
    .setIssuer(keyring.audience)
    .setAudience(keyring.audience)
    .setSubject(String(user.id))
    .setJti(crypto.randomUUID())
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + TOKEN_TTL_SECONDS)
    .sign(keyring.current.key);
}

/** For jwtVerify: the key is chosen by `kid` among our own keys only; an unknown or missing kid fails. */
export function keyOf(keyring: Keyring) {
  return ({ kid }: { kid?: string }) => {
    const key = kid === undefined ? undefined : keyring.all.get(kid);
    if (!key) throw new Error('unknown key id');
    return key;
  };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * True when `part` is base64url exactly as an encoder writes it: no padding, no whitespace, no
 * unused bits set in the last character. jose decodes leniently (atob), so without this check
 * `token=`, a token with a space inside or with its last character's spare bits changed would
 * all verify, each as a different string.
 */
function isCanonicalBase64url(part: string): boolean {
  if (!BASE64URL.test(part)) return false;
  try {
    return base64url.encode(base64url.decode(part)) === part;
  } catch {
    return false;
  }
}

export function isCanonicalToken(token: string): boolean {
  const parts = token.split('.');
  return parts.length === 3 && parts.every(isCanonicalBase64url);
}

// Verifying through WebCrypto is a thread-pool round trip, and every request of a session brings
// the same cookie (the proxy and the data access layer each verify it). So a token that verified
// is remembered, per keyring, until it expires: keyed by the whole (canonical) string, a hit is
// exactly an input that verified before. Only verified tokens are stored, so a forger cannot
// fill the map; one account can hold at most MAX_REMEMBERED_PER_USER entries (its newest), so
// logging in over and over cannot push everyone else out. Revocation is not cached: the data
// access layer asks the database on every request.
const MAX_REMEMBERED = 10_000;
const MAX_REMEMBERED_PER_USER = 16;
type Memory = { tokens: Map<string, VerifiedToken>; perUser: Map<number, string[]> };
const remembered = new WeakMap<Keyring, Memory>();

function memoryOf(keyring: Keyring): Memory {
  let memory = remembered.get(keyring);
  if (!memory) remembered.set(keyring, (memory = { tokens: new Map(), perUser: new Map() }));
  return memory;
}

function forget({ tokens, perUser }: Memory, token: string) {
  const entry = tokens.get(token);
  if (!entry) return;
  tokens.delete(token);
  const list = perUser.get(entry.userId)?.filter((t) => t !== token) ?? [];
  if (list.length > 0) perUser.set(entry.userId, list);
  else perUser.delete(entry.userId);
}

function remember(memory: Memory, token: string, verified: VerifiedToken) {
  const ownOldest = memory.perUser.get(verified.userId)?.[0];
  if (ownOldest !== undefined && (memory.perUser.get(verified.userId)?.length ?? 0) >= MAX_REMEMBERED_PER_USER) forget(memory, ownOldest);
  const oldest = memory.tokens.size >= MAX_REMEMBERED ? memory.tokens.keys().next().value : undefined;
  if (oldest !== undefined) forget(memory, oldest);
  memory.tokens.set(token, verified);
  memory.perUser.set(verified.userId, [...(memory.perUser.get(verified.userId) ?? []), token]);
}

/** How many tokens are remembered for a keyring, in all and for one user (for tests). */
export function rememberedCount(keyring: Keyring, userId?: number): number {
  const memory = memoryOf(keyring);
  return userId === undefined ? memory.tokens.size : (memory.perUser.get(userId)?.length ?? 0);
}

/** Returns the token's identity, or null for anything not signed by us, expired or malformed. */
export async function verifyToken(token: string | undefined, keyring: Keyring): Promise<VerifiedToken | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const memory = memoryOf(keyring);
  const hit = memory.tokens.get(token);
  if (hit && hit.expiresAt > Date.now() / 1000) return hit;
  forget(memory, token);

  // Only on a miss: a remembered string passed this check when it was first verified.
  if (!isCanonicalToken(token)) return null;
  const fresh = await verifySignature(token, keyring);
  if (fresh) remember(memory, token, fresh);
  return fresh;
}

async function verifySignature(token: string, keyring: Keyring): Promise<VerifiedToken | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(keyring), {
      algorithms: [TOKEN_ALGORITHM],
      typ: 'JWT',
      issuer: keyring.audience,
      audience: keyring.audience,
      requiredClaims: ['sub', 'jti', 'iat', 'exp'],
    });
    const { sub, username, epoch, jti, iat, exp } = payload;
    const userId = Number(sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || sub !== String(userId)) return null;
    if (typeof username !== 'string' || typeof jti !== 'string' || jti.length > 64) return null;
    if (typeof epoch !== 'number' || !Number.isSafeInteger(epoch) || iat === undefined || exp === undefined) {
      return null;
    }
    return Object.freeze({ userId, username, jti, epoch, issuedAt: iat, expiresAt: exp });
  } catch {
    return null;
  }
}
