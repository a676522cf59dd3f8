// The JWT strategy, server side: a signed token in the `token` cookie (jwt-token.ts signs and
// verifies it). A JWT cannot be taken back once issued, so the database keeps what would undo
// one: the ids of tokens logged out before they expired, and a per-user epoch that "log out of
// all devices" moves on. The proxy checks only the signature; this checks the rest.
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { purgeExpired } from '@/lib/db/purge';
import { revokedTokens, users } from '@/lib/db/schema';
import { AUTH_COOKIES } from '../cookies';
import { getKeyring } from '../secret';
import { type TokenStateQuery, isTokenCurrent, tokenStateQuery } from '../statements';
import type { Session, Strategy } from '.';
import { type VerifiedToken, signToken, verifyToken } from './jwt-token';

let tokenState: TokenStateQuery | undefined;

/** Remembers the token's id until the token would have expired anyway. */
async function revokeToken(jti: string, expiresAtSeconds: number, nowSeconds = Math.floor(Date.now() / 1000)) {
  const db = getDb();
  await db.insert(revokedTokens).values({ jti, expiresAt: expiresAtSeconds }).onConflictDoNothing();
  // Rows of expired tokens protect nothing: the signature check already refuses those tokens.
  await purgeExpired(db, revokedTokens, revokedTokens.expiresAt, nowSeconds);
}

const sessionOf = (token: VerifiedToken): Session => ({
  strategy: 'jwt',
  viewer: { id: token.userId, username: token.username },
  id: token.jti,
  createdAt: token.issuedAt * 1000,
  expiresAt: token.expiresAt * 1000,
});

export const jwtStrategy: Strategy = {
  name: 'jwt',
  cookie: AUTH_COOKIES.jwt,

  async issue(user, { previous }) {
    const keyring = await getKeyring();
    // Logging in again on this browser retires the token it held.
    const old = await verifyToken(previous, keyring);
    if (old) await revokeToken(old.jti, old.expiresAt);
    return signToken(user, keyring);
  },

  /** Signature, expiry, issuer and audience; then the user exists, the epoch is current, the id not revoked. */
  async authenticate(cookieValue) {
    const token = await verifyToken(cookieValue, await getKeyring());
    if (!token) return null;
    tokenState ??= tokenStateQuery(getDb()).prepare();
    return (await isTokenCurrent(tokenState, token)) ? sessionOf(token) : null;
  },

  async revoke(session) {
    await revokeToken(session.id, Math.ceil(session.expiresAt / 1000));
  },

  /** Every token issued so far becomes invalid. */
  async revokeAll(userId) {
    await getDb()
      .update(users)
      .set({ tokenEpoch: sql`${users.tokenEpoch} + 1` })
      .where(eq(users.id, userId));
  },
};
