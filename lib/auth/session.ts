import 'server-only';
import { cookies, headers } from 'next/headers';
import { getConfig } from '@/lib/config';
import { AUTH_COOKIES, type AuthStrategy, authCookieOptions, clearedCookieOptions, foreignCookieName } from './cookie';
import { bumpTokenEpoch, isTokenStillValid, revokeToken } from './revocation';
import { getKeyring } from './secret';
import { type SessionRecord, createSession, deleteAllUserSessions, deleteSession, validateSessionToken } from './session-store';
import { type TokenUser, type VerifiedToken, signToken, verifyToken } from './token';

export type SessionUser = { id: number; username: string };

/** The verified credential of this request, whichever strategy issued it. */
export type CurrentSession =
  | { strategy: 'jwt'; user: SessionUser; token: VerifiedToken }
  | { strategy: 'session'; user: SessionUser; session: SessionRecord };

export const activeStrategy = (): AuthStrategy => getConfig().authStrategy;

/** Logs the user in with the active strategy and sets its cookie. */
export async function startSession(user: TokenUser): Promise<void> {
  const strategy = activeStrategy();
  const jar = await cookies();
  if (strategy === 'jwt') {
    jar.set(AUTH_COOKIES.jwt.name, await signToken(user, await getKeyring()), authCookieOptions('jwt'));
  } else {
    const userAgent = (await headers()).get('user-agent') ?? '';
    const { token } = await createSession(user.id, userAgent);
    jar.set(AUTH_COOKIES.session.name, token, authCookieOptions('session'));
  }
  jar.set(foreignCookieName(strategy), '', clearedCookieOptions);
}

/**
 * Full check, with the database: signature and expiry, then (JWT) not revoked and of the
 * user's current epoch, or (session) a live row. A cookie of the other strategy is ignored.
 */
export async function readSession(): Promise<CurrentSession | null> {
  const jar = await cookies();
  if (activeStrategy() === 'jwt') {
    const token = await verifyToken(jar.get(AUTH_COOKIES.jwt.name)?.value, await getKeyring());
    if (!token || !(await isTokenStillValid(token))) return null;
    return { strategy: 'jwt', user: { id: token.userId, username: token.username }, token };
  }
  const valid = await validateSessionToken(jar.get(AUTH_COOKIES.session.name)?.value);
  return valid ? { strategy: 'session', user: valid.user, session: valid.session } : null;
}

/** Whether this request carries any auth cookie, valid or not. */
export async function hasAuthCookie(): Promise<boolean> {
  const jar = await cookies();
  return jar.has(AUTH_COOKIES.jwt.name) || jar.has(AUTH_COOKIES.session.name);
}

export async function clearAuthCookies(): Promise<void> {
  const jar = await cookies();
  jar.set(AUTH_COOKIES.jwt.name, '', clearedCookieOptions);
  jar.set(AUTH_COOKIES.session.name, '', clearedCookieOptions);
}

/** Logout: the credential dies on the server too (JWT id revoked, session row deleted). */
export async function endSession(current: CurrentSession | null): Promise<void> {
  if (current?.strategy === 'jwt') await revokeToken(current.token);
  if (current?.strategy === 'session') await deleteSession(current.session.id);
  await clearAuthCookies();
}

/** "Log out of all devices": every JWT issued so far and every session row of the user. */
export async function endAllSessions(userId: number): Promise<void> {
  await bumpTokenEpoch(userId);
  await deleteAllUserSessions(userId);
  await clearAuthCookies();
}
