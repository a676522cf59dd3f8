// The data access layer's door: the one place a request becomes a viewer. The proxy's check is
// only the fast first pass (it can be skipped, CVE-2025-29927), so every page, action, route
// handler and data function that needs a viewer gets it here, checked with the database.
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { accountById } from '@/lib/account/queries';
import { UNVERIFIED_REFUSED } from '@/lib/account/messages';
import { getConfig } from '@/lib/config';
import { redirectIfUnreachable } from '@/lib/db/unavailable';
import { ROUTES, loginPath } from '@/lib/routes';
import { carriesAuthCookie } from './cookies';
import { type Session, type Viewer, activeStrategy } from './strategies';

export type { Viewer };

type CookieJar = Awaited<ReturnType<typeof cookies>>;

// One check per request. React's cache() memoises only while rendering, not in route handlers
// or server actions, so the result is kept against the request's own cookie store instead: the
// same object for the whole request, gone with it.
const checked = new WeakMap<CookieJar, Promise<Session | null>>();

/** The request's login, fully checked (signature, expiry, revocation, session row), or null. */
export async function getSession(): Promise<Session | null> {
  const jar = await cookies();
  let session = checked.get(jar);
  if (!session) {
    const strategy = activeStrategy();
    session = strategy.authenticate(jar.get(strategy.cookie.name)?.value, Date.now());
    checked.set(jar, session);
  }
  return session;
}

/** Forgets this request's check, after a login or logout changed the cookie. */
export async function forgetCheckedSession(): Promise<void> {
  checked.delete(await cookies());
}

export async function getViewer(): Promise<Viewer | null> {
  return (await getSession())?.viewer ?? null;
}

/** A data function was called for a request with no valid login. */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
  constructor() {
    super('Authentication required. Log in and try again.');
  }
}

/**
 * For data functions: the viewer, or an UnauthenticatedError. Every query that reads or writes
 * on someone's behalf starts here, so a page that forgets to check cannot leak data.
 */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

/** REQUIRE_VERIFIED_EMAIL=on and the viewer has not confirmed their email yet. */
export class EmailUnverifiedError extends Error {
  override name = 'EmailUnverifiedError';
  constructor() {
    super(UNVERIFIED_REFUSED);
  }
}

/**
 * requireViewer for what waits for a confirmed email when REQUIRE_VERIFIED_EMAIL=on (posting,
 * commenting, following): the viewer, or an EmailUnverifiedError (403 from the JSON API).
 */
export async function requireVerifiedViewer(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!getConfig().mail.requireVerifiedEmail) return viewer;
  const account = await accountById(viewer.id);
  if (account?.emailVerifiedAt == null) throw new EmailUnverifiedError();
  return viewer;
}

/** Whether this request carries any auth cookie, valid or not. */
export async function hasAuthCookie(): Promise<boolean> {
  return carriesAuthCookie(await cookies());
}

/**
 * For pages and actions: the viewer, or a redirect. A cookie that the proxy accepted but the
 * database refuses (revoked, logged out everywhere) must be cleared, which a page cannot do,
 * so that case goes through a route handler rather than straight to the login page (which the
 * proxy would bounce back here). A database that does not answer sends people to the 503 page.
 */
export async function verifySession(): Promise<Viewer> {
  const viewer = await getViewer().catch(redirectIfUnreachable);
  if (viewer) return viewer;
  redirect((await hasAuthCookie()) ? ROUTES.sessionEnded : loginPath());
}
