// The data access layer's per-request JWT check as one prepared query: the user still exists,
// and its epoch and whether this token id was revoked. No 'server-only': the benchmark's
// framework-free baseline runs the very same SQL.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { revokedTokens, users } from '@/lib/db/schema';
import type { VerifiedToken } from './token';

/** The query builder (for EXPLAIN in tests); prepare it once with `prepareTokenState`. */
export function tokenStateQuery(db: Db) {
  return db
    .select({
      epoch: users.tokenEpoch,
      revoked: sql<number>`exists(select 1 from ${revokedTokens} where ${revokedTokens.jti} = ${sql.placeholder('jti')})`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')));
}

export const prepareTokenState = (db: Db) => tokenStateQuery(db).prepare();
export type TokenStateQuery = ReturnType<typeof prepareTokenState>;

/** True when the token's user exists, the token is of the user's current epoch and not revoked. */
export async function isTokenCurrent(query: TokenStateQuery, token: Pick<VerifiedToken, 'userId' | 'jti' | 'epoch'>) {
  const [row] = await query.execute({ userId: token.userId, jti: token.jti });
  return row !== undefined && !row.revoked && row.epoch === token.epoch;
}
