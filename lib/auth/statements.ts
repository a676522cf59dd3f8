// The per-request auth lookups as drizzle query builders. One module, so the strategies, the
// index test (statements.test.ts) and the benchmark's framework-free baseline all run the very
// same SQL. No 'server-only': the bench imports it.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { revokedTokens, sessions, users } from '@/lib/db/schema';

/** JWT: the user still exists, its epoch, and whether this token id was revoked (one query). */
export function tokenStateQuery(db: Db) {
  return db
    .select({
      epoch: users.tokenEpoch,
      revoked: sql<number>`exists(select 1 from ${revokedTokens} where ${revokedTokens.jti} = ${sql.placeholder('jti')})`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')));
}

export type TokenStateQuery = ReturnType<ReturnType<typeof tokenStateQuery>['prepare']>;

/** True when the token's user exists, the token is of the user's current epoch and not revoked. */
export async function isTokenCurrent(query: TokenStateQuery, token: { userId: number; jti: string; epoch: number }) {
  const [row] = await query.execute({ userId: token.userId, jti: token.jti });
  return row !== undefined && !row.revoked && row.epoch === token.epoch;
}

/** Session: the row the token's hash names, with its user's name (one query). */
export function sessionLookupQuery(db: Db) {
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      username: users.username,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')));
}
