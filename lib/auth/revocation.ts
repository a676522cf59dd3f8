import 'server-only';
import { eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { revokedTokens, users } from '@/lib/db/schema';
import type { VerifiedToken } from './token';

// The JWT strategy's answer to "a JWT cannot be invalidated": the data access layer refuses a
// token whose id was revoked at logout, or that was issued before "log out of all devices".

/** Logout: remember the token's id until the token would have expired anyway. */
export async function revokeToken(token: Pick<VerifiedToken, 'jti' | 'expiresAt'>, nowSeconds = Date.now() / 1000) {
  const db = getDb();
  await db.insert(revokedTokens).values({ jti: token.jti, expiresAt: token.expiresAt }).onConflictDoNothing();
  // Rows of expired tokens protect nothing: the signature check already refuses those tokens.
  await db.delete(revokedTokens).where(lt(revokedTokens.expiresAt, Math.floor(nowSeconds)));
}

const check = () =>
  getDb()
    .select({
      epoch: users.tokenEpoch,
      revoked: sql<number>`exists(select 1 from ${revokedTokens} where ${revokedTokens.jti} = ${sql.placeholder('jti')})`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare();
let checkStatement: ReturnType<typeof check> | undefined;

/** One indexed query: the user still exists, the token is of the current epoch and not revoked. */
export async function isTokenStillValid(token: Pick<VerifiedToken, 'userId' | 'jti' | 'epoch'>): Promise<boolean> {
  checkStatement ??= check();
  const [row] = await checkStatement.execute({ userId: token.userId, jti: token.jti });
  return row !== undefined && !row.revoked && row.epoch === token.epoch;
}

/** "Log out of all devices": every token issued so far becomes invalid. */
export async function bumpTokenEpoch(userId: number): Promise<void> {
  await getDb()
    .update(users)
    .set({ tokenEpoch: sql`${users.tokenEpoch} + 1` })
    .where(eq(users.id, userId));
}
