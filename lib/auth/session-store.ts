import 'server-only';
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { sessions, users } from '@/lib/db/schema';
import {
  LAST_SEEN_RESOLUTION_MS,
  SESSION_TTL_MS,
  generateSessionToken,
  hashSessionToken,
  isSessionExpired,
  isWellFormedSessionToken,
  sessionNeedsRenewal,
} from './session-token';

export type SessionRecord = {
  id: string;
  userId: number;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  userAgent: string;
};
export type ValidatedSession = { session: SessionRecord; user: { id: number; username: string } };

const MAX_USER_AGENT = 512;

/** A new session row; the raw token goes to the cookie and nowhere else. */
export async function createSession(userId: number, userAgent: string, now = Date.now()) {
  const token = generateSessionToken();
  const session: SessionRecord = {
    id: await hashSessionToken(token),
    userId,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    lastSeenAt: now,
    userAgent: userAgent.slice(0, MAX_USER_AGENT),
  };
  await getDb().insert(sessions).values(session);
  return { token, session };
}

const lookup = () =>
  getDb()
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
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare();
let lookupStatement: ReturnType<typeof lookup> | undefined;

/**
 * The session a token names, or null when there is none or it has expired (an expired row is
 * deleted). A session used in the second half of its life is renewed to a full life.
 */
export async function validateSessionToken(token: string | undefined, now = Date.now()): Promise<ValidatedSession | null> {
  if (!isWellFormedSessionToken(token)) return null;
  const id = await hashSessionToken(token);
  lookupStatement ??= lookup();
  const [row] = await lookupStatement.execute({ id });
  if (!row) return null;
  const { username, ...session } = row;
  if (isSessionExpired(session.expiresAt, now)) {
    await deleteSession(id);
    return null;
  }
  if (sessionNeedsRenewal(session.expiresAt, now)) {
    session.expiresAt = now + SESSION_TTL_MS;
    session.lastSeenAt = now;
    await getDb().update(sessions).set({ expiresAt: session.expiresAt, lastSeenAt: now }).where(eq(sessions.id, id));
  } else if (now - session.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
    session.lastSeenAt = now;
    await getDb().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { session, user: { id: session.userId, username } };
}

export async function deleteSession(id: string): Promise<void> {
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

export async function deleteAllUserSessions(userId: number): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.userId, userId));
}

/** The user's live sessions, oldest first. */
export async function listUserSessions(userId: number, now = Date.now()): Promise<SessionRecord[]> {
  return getDb()
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt));
}

export async function purgeExpiredSessions(now = Date.now()): Promise<void> {
  await getDb().delete(sessions).where(lte(sessions.expiresAt, now));
}
