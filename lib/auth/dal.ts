import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { readSession } from './session';

export type SessionUser = { id: number; username: string };

/**
 * The data access layer's session check. Every protected page, action and route handler calls
 * it: the proxy's check is only the fast first pass (and can be skipped, CVE-2025-29927).
 * Memoised per request, so a page and its components verify once.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await readSession();
  return session ? { id: session.userId, username: session.username } : null;
});

/** For pages and actions: the user, or a redirect to the login page. */
export const verifySession = cache(async (): Promise<SessionUser> => {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
});
