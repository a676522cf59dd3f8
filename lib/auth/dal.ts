import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { type CurrentSession, type SessionUser, hasAuthCookie, readSession } from './session';

export type { SessionUser };

/** Where a request with a cookie that no longer holds goes: the cookie is cleared there. */
export const SESSION_ENDED_PATH = '/session-ended';

/**
 * The data access layer's session check. Every protected page, action and route handler calls
 * it: the proxy's check is only the fast first pass (and can be skipped, CVE-2025-29927).
 * Memoised per request, so a page and its components check once.
 */
export const getCurrentSession = cache((): Promise<CurrentSession | null> => readSession());

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => (await getCurrentSession())?.user ?? null);

/**
 * For pages and actions: the user, or a redirect. A cookie that the proxy accepted but the
 * database refuses (revoked, logged out everywhere) must be cleared, which a page cannot do,
 * so that case goes through a route handler rather than straight to /login (which the proxy
 * would bounce back here).
 */
export const verifySession = cache(async (): Promise<SessionUser> => {
  const user = await getCurrentUser();
  if (user) return user;
  redirect((await hasAuthCookie()) ? SESSION_ENDED_PATH : '/login');
});
