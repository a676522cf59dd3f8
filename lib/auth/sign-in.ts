// The write side of the door: a login starts here (the strategy's cookie, the device cookie) and
// ends here (the credential dies on the server too, then the cookies are cleared).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { recordLogin } from '@/lib/account/login-history';
import { accountById } from '@/lib/account/queries';
import { composeNotice } from '@/lib/mail/notices';
import { requestContextOf } from '@/lib/mail/request-context';
import { afterResponse } from '@/lib/mail/send';
import { deliver } from '@/lib/mail/transport';
import { clientIp } from '@/lib/security/client-ip';
import { AUTH_COOKIES, DEVICE_COOKIE, clearedCookieOptions, cookieOptions, foreignCookieName } from './cookies';
import type { Requester } from './credentials';
import { forgetCheckedSession, getSession } from './dal';
import { type Device, deviceCookieAfterLogin, newDeviceId, readDeviceCookie } from './device-cookie';
import { STRATEGIES, activeStrategy } from './strategies';
import type { TokenUser } from './strategies/jwt-token';

/** Where this request comes from, for the login and sign-up limits. */
export async function currentRequester(): Promise<Requester> {
  const jar = await cookies();
  return { client: clientIp(await headers()), device: await readDeviceCookie(jar.get(DEVICE_COOKIE.name)?.value) };
}

/**
 * Logs `user` in on this browser with the active strategy, replacing any login it held. After the
 * answer, the login goes into the account's history, and a browser the account never logged in
 * from before (while others did) makes a "New login to your account" mail.
 */
export async function signIn(user: TokenUser, device: Device | null): Promise<void> {
  const jar = await cookies();
  const strategy = activeStrategy();
  const requestHeaders = await headers();
  const userAgent = requestHeaders.get('user-agent') ?? '';
  const value = await strategy.issue(user, { userAgent, previous: jar.get(strategy.cookie.name)?.value });
  jar.set(strategy.cookie.name, value, cookieOptions(strategy.cookie));
  if (jar.has(foreignCookieName(strategy.name))) jar.set(foreignCookieName(strategy.name), '', clearedCookieOptions);
  const browser = device ?? { id: newDeviceId(), accounts: [] };
  jar.set(DEVICE_COOKIE.name, await deviceCookieAfterLogin(browser, user.id), cookieOptions(DEVICE_COOKIE));
  await forgetCheckedSession();

  const context = requestContextOf(requestHeaders);
  afterResponse('recording a login', async () => {
    const before = await recordLogin(user.id, browser.id, userAgent, context);
    if (before.knownDevice || !before.earlierLogins) return;
    const account = await accountById(user.id);
    if (account) await deliver(composeNotice(account, 'new-login', context));
  });
}

/** Clears the auth cookies this request sent (the device cookie stays: this browser is still known). */
export async function clearAuthCookies(): Promise<void> {
  const jar = await cookies();
  for (const { name } of Object.values(AUTH_COOKIES)) if (jar.has(name)) jar.set(name, '', clearedCookieOptions);
  await forgetCheckedSession();
}

/** Logout: the credential dies on the server too (JWT id revoked, session row deleted). */
export async function signOut(): Promise<void> {
  const session = await getSession();
  if (session) await STRATEGIES[session.strategy].revoke(session);
  await clearAuthCookies();
}

/** "Log out of all devices": every JWT issued so far and every session row of the user, whichever strategy made them. */
export async function signOutEverywhere(userId: number): Promise<void> {
  for (const strategy of Object.values(STRATEGIES)) await strategy.revokeAll(userId);
  await clearAuthCookies();
}
