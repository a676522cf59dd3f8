// Single-use links sent by mail (confirm an email, reset a password, change an email). The link
// holds 256 random bits; the database holds only their SHA-256, so a leaked table opens nothing,
// and a lookup by hash compares hashes, never the secret (nothing to time). A link is used by one
// DELETE … RETURNING (or, for a reset, by the password update whose trigger deletes it), so of
// two parallel uses exactly one gets the row. Sending a newer link of a kind voids the older.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { generateSessionToken, hashSessionToken, isWellFormedSessionToken } from '@/lib/auth/strategies/session-token';
import { getDb } from '@/lib/db/client';
import { purgeExpired } from '@/lib/db/purge';
import { type AccountTokenKind, accountTokens } from '@/lib/db/schema';

const MINUTE_MS = 60 * 1000;

export const TOKEN_TTL_MS: Record<AccountTokenKind, number> = {
  'verify-email': 24 * 60 * MINUTE_MS,
  'reset-password': 30 * MINUTE_MS,
  'change-email': 24 * 60 * MINUTE_MS,
};

/** What a link's token came to: its account and address, or why not. */
export type TokenCheck = { ok: true; userId: number; email: string } | { ok: false; reason: 'invalid' | 'expired' };

/** Same format as a session token: 43 base64url characters. */
export const isWellFormedToken = isWellFormedSessionToken;
export const hashToken = hashSessionToken;

/** A new link for `userId` to `email`; the account's older links of this kind stop working. */
export async function issueToken(userId: number, kind: AccountTokenKind, email: string, now = Date.now()): Promise<string> {
  const token = generateSessionToken();
  const db = getDb();
  await db.delete(accountTokens).where(and(eq(accountTokens.userId, userId), eq(accountTokens.kind, kind)));
  await db.insert(accountTokens).values({ id: await hashToken(token), userId, kind, email, expiresAt: now + TOKEN_TTL_MS[kind], createdAt: now });
  await purgeExpired(db, accountTokens, accountTokens.expiresAt, now);
  return token;
}

function checked(row: { userId: number; email: string; expiresAt: number } | undefined, now: number): TokenCheck {
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.userId, email: row.email };
}

const columns = { userId: accountTokens.userId, email: accountTokens.email, expiresAt: accountTokens.expiresAt };

/** Whether the link would work now, without using it (the page a link opens asks this first). */
export async function peekToken(token: string, kind: AccountTokenKind, now = Date.now()): Promise<TokenCheck> {
  if (!isWellFormedToken(token)) return { ok: false, reason: 'invalid' };
  const [row] = await getDb()
    .select(columns)
    .from(accountTokens)
    .where(and(eq(accountTokens.id, await hashToken(token)), eq(accountTokens.kind, kind)));
  return checked(row, now);
}

/** Uses the link: at most one caller ever gets ok for a token. An expired one is deleted too. */
export async function consumeToken(token: string, kind: AccountTokenKind, now = Date.now()): Promise<TokenCheck> {
  if (!isWellFormedToken(token)) return { ok: false, reason: 'invalid' };
  const [row] = await getDb()
    .delete(accountTokens)
    .where(and(eq(accountTokens.id, await hashToken(token)), eq(accountTokens.kind, kind)))
    .returning(columns);
  return checked(row, now);
}
