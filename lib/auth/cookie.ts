import { SESSION_TTL_MS } from './session-token';
import { TOKEN_TTL_SECONDS } from './token';

export type AuthStrategy = 'jwt' | 'session';

/**
 * HttpOnly: scripts cannot read it. Secure: HTTPS only (browsers treat http://localhost as
 * secure). SameSite=Strict: never sent on cross-site requests, the first CSRF defence.
 */
const baseCookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' } as const;

/** Each strategy's cookie: its name and lifetime in seconds. */
export const AUTH_COOKIES = {
  jwt: { name: 'token', maxAge: TOKEN_TTL_SECONDS },
  session: { name: 'session', maxAge: SESSION_TTL_MS / 1000 },
} as const satisfies Record<AuthStrategy, { name: string; maxAge: number }>;

export function authCookieOptions(strategy: AuthStrategy) {
  return { ...baseCookieOptions, maxAge: AUTH_COOKIES[strategy].maxAge };
}

/** Same attributes, expired (Max-Age=0, Expires in 1970): the browser drops the cookie. */
export const clearedCookieOptions = { ...baseCookieOptions, maxAge: 0, expires: new Date(0) } as const;

/** The other strategy's cookie, which is ignored and cleared (AUTH_STRATEGY may have changed). */
export function foreignCookieName(strategy: AuthStrategy): string {
  return AUTH_COOKIES[strategy === 'jwt' ? 'session' : 'jwt'].name;
}
