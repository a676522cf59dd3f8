// Every cookie the app sets, with its attributes and lifetime, in one place: the code that sets
// them, the proxy, and /how-it-works (which prints them) all read these. Web APIs only.
import type { AuthStrategy } from '@/lib/config';
import { TOKEN_TTL_SECONDS } from './strategies/jwt-token';
import { SESSION_TTL_MS } from './strategies/session-token';

/**
 * HttpOnly: scripts cannot read it. Secure: HTTPS only (browsers treat http://localhost as
 * secure). SameSite=Strict: never sent on cross-site requests, the first CSRF defence.
 */
const BASE_ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' } as const;

export type CookieSpec = { name: string; maxAge: number };

/** Each strategy's cookie: its name and lifetime in seconds. */
export const AUTH_COOKIES = {
  jwt: { name: 'token', maxAge: TOKEN_TTL_SECONDS },
  session: { name: 'session', maxAge: SESSION_TTL_MS / 1000 },
} as const satisfies Record<AuthStrategy, CookieSpec>;

const DEVICE_COOKIE_DAYS = 180;
/** Names the accounts that logged in on this browser before (lib/auth/device-cookie.ts). */
export const DEVICE_COOKIE = { name: 'device', maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60 } as const satisfies CookieSpec;

export function cookieOptions(spec: CookieSpec) {
  return { ...BASE_ATTRIBUTES, maxAge: spec.maxAge };
}

export const authCookieOptions = (strategy: AuthStrategy) => cookieOptions(AUTH_COOKIES[strategy]);

/** Whether a request carries an auth cookie of either strategy, valid or not. */
export function carriesAuthCookie(cookies: { has(name: string): boolean }): boolean {
  return Object.values(AUTH_COOKIES).some((cookie) => cookies.has(cookie.name));
}

/** Same attributes, expired (Max-Age=0, Expires in 1970): the browser drops the cookie. */
export const clearedCookieOptions = { ...BASE_ATTRIBUTES, maxAge: 0, expires: new Date(0) } as const;

/** The other strategy's cookie, which is ignored and cleared (AUTH_STRATEGY may have changed). */
export function foreignCookieName(strategy: AuthStrategy): string {
  return AUTH_COOKIES[strategy === 'jwt' ? 'session' : 'jwt'].name;
}

/** The attributes as a Set-Cookie header writes them, e.g. "HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=3600". */
export function describeCookieAttributes(spec: CookieSpec): string {
  const o = cookieOptions(spec);
  const sameSite = o.sameSite.charAt(0).toUpperCase() + o.sameSite.slice(1);
  return [o.httpOnly && 'HttpOnly', o.secure && 'Secure', `SameSite=${sameSite}`, `Path=${o.path}`, `Max-Age=${o.maxAge}`]
    .filter(Boolean)
    .join('; ');
}
