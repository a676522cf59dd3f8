// The session strategy, server side (after Lucia's guide): the cookie holds 256 random bits and
// the database a row per login, keyed by their SHA-256, so a leaked table logs no one in. The
// rules (lifetimes, renewal) are plain functions in session-token.ts; this is their storage.
import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { purgeExpired } from '@/lib/db/purge';
import { sessions } from '@/lib/db/schema';
import { AUTH_COOKIES } from '../cookies';
import { sessionLookupQuery } from '../statements';
import type { Session, Strategy } from '.';
import {
  LAST_SEEN_RESOLUTION_MS,
  SESSION_TTL_MS,
  absoluteExpiry,
  generateSessionToken,
  hashSessionToken,
  isSessionExpired,
  isWellFormedSessionToken,
  renewedExpiry,
  sessionNeedsRenewal,
} from './session-token';

type SessionRow = typeof sessions.$inferSelect;

const MAX_USER_AGENT = 512;

/** A new session row; the raw token goes to the cookie and nowhere else. */
export async function createSession(userId: number, userAgent: string, now = Date.now()) {
  const token = generateSessionToken();
  const row: SessionRow = {
    id: await hashSessionToken(token),
    userId,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    lastSeenAt: now,
    userAgent: userAgent.slice(0, MAX_USER_AGENT),
  };
  const db = getDb();
  await db.insert(sessions).values(row);
  await purgeExpired(db, sessions, sessions.expiresAt, now);
  return { token, row };
}

let lookup: ReturnType<ReturnType<typeof sessionLookupQuery>['prepare']> | undefined;

const sessionOf = (row: SessionRow, username: string): Session => ({
  strategy: 'session',
  viewer: { id: row.userId, username },
  id: row.id,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  absoluteExpiresAt: absoluteExpiry(row.createdAt),
  lastSeenAt: row.lastSeenAt,
});

/**
 * The session a token names, or null when there is none or it has ended (an ended row is
 * deleted). A session used in the second half of its life is renewed, up to its absolute limit.
 */
export async function validateSessionToken(token: string | undefined, now = Date.now()): Promise<Session | null> {
  if (!isWellFormedSessionToken(token)) return null;
  const id = await hashSessionToken(token);
  lookup ??= sessionLookupQuery(getDb()).prepare();
  const [found] = await lookup.execute({ id });
  if (!found) return null;
  const { username, ...row } = found;
  if (isSessionExpired(row, now)) {
    await deleteSession(id);
    return null;
  }
  if (sessionNeedsRenewal(row, now)) {
    row.expiresAt = renewedExpiry(row.createdAt, now);
    row.lastSeenAt = now;
    await getDb().update(sessions).set({ expiresAt: row.expiresAt, lastSeenAt: now }).where(eq(sessions.id, id));
  } else if (now - row.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
    row.lastSeenAt = now;
    await getDb().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return sessionOf(row, username);
}

async function deleteSession(id: string): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.id, id));
}

/** Deletes one of the user's sessions; false when it is not theirs (or already gone). */
export async function deleteUserSession(userId: number, id: string): Promise<boolean> {
  const deleted = await getDb()
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** A login as the sessions page lists it. */
export type SessionListing = Pick<Session, 'id' | 'createdAt' | 'expiresAt' | 'absoluteExpiresAt' | 'lastSeenAt'> & { userAgent: string };

/** The user's live sessions, oldest first. */
export async function listUserSessions(userId: number, now = Date.now()): Promise<SessionListing[]> {
  const rows = await getDb()
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt));
  return rows
    .filter((row) => !isSessionExpired(row, now))
    .map((row) => ({ ...row, absoluteExpiresAt: absoluteExpiry(row.createdAt) }));
}

export const sessionStrategy: Strategy = {
  name: 'session',
  cookie: AUTH_COOKIES.session,

  async issue(user, { userAgent, previous }) {
    // Logging in again on this browser replaces its old row instead of leaving it alive.
    if (isWellFormedSessionToken(previous)) await deleteSession(await hashSessionToken(previous));
    return (await createSession(user.id, userAgent)).token;
  },

  authenticate: (cookieValue, now) => validateSessionToken(cookieValue, now),

  async revoke(session) {
    await deleteSession(session.id);
  },

  async revokeAll(userId) {
    await getDb().delete(sessions).where(eq(sessions.userId, userId));
  },
};
