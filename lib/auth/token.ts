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
export type VerifiedToken = {
  userId: number;
  username: string;
  jti: string;
  epoch: number;
  issuedAt: number;
  expiresAt: number;
};

export function importSigningKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

export function signToken(user: TokenUser, key: CryptoKey, nowSeconds = Math.floor(Date.now() / 1000)) {
  return new SignJWT({ username: user.username, epoch: user.tokenEpoch })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(String(user.id))
    .setJti(crypto.randomUUID())
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + TOKEN_TTL_SECONDS)
    .sign(key);
}

/** Returns the token's identity, or null for anything not signed by us, expired or malformed. */
export async function verifyToken(token: string | undefined, key: CryptoKey): Promise<VerifiedToken | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  try {
    const { payload } = await jwtVerify(token, key, {
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
    return { userId, username, jti, epoch, issuedAt: iat, expiresAt: exp };
  } catch {
    return null;
  }
}
