import 'server-only';
import { eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { revokedTokens, users } from '@/lib/db/schema';
import type { VerifiedToken } from './token';
import { type TokenStateQuery, isTokenCurrent, prepareTokenState } from './token-state';

// The JWT strategy's answer to "a JWT cannot be invalidated": the data access layer refuses a
// token whose id was revoked at logout, or that was issued before "log out of all devices".

/** Logout: remember the token's id until the token would have expired anyway. */
export async function revokeToken(token: Pick<VerifiedToken, 'jti' | 'expiresAt'>, nowSeconds = Date.now() / 1000) {
  const db = getDb();
  await db.insert(revokedTokens).values({ jti: token.jti, expiresAt: token.expiresAt }).onConflictDoNothing();
  // Rows of expired tokens protect nothing: the signature check already refuses those tokens.
  await db.delete(revokedTokens).where(lt(revokedTokens.expiresAt, Math.floor(nowSeconds)));
}

let checkStatement: TokenStateQuery | undefined;

/** One indexed query: the user still exists, the token is of the current epoch and not revoked. */
export function isTokenStillValid(token: Pick<VerifiedToken, 'userId' | 'jti' | 'epoch'>): Promise<boolean> {
  checkStatement ??= prepareTokenState(getDb());
  return isTokenCurrent(checkStatement, token);
}

/** "Log out of all devices": every token issued so far becomes invalid. */
export async function bumpTokenEpoch(userId: number): Promise<void> {
  await getDb()
    .update(users)
    .set({ tokenEpoch: sql`${users.tokenEpoch} + 1` })
    .where(eq(users.id, userId));
}
