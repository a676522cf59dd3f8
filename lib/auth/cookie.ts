import { TOKEN_TTL_SECONDS } from './token';

export const TOKEN_COOKIE = 'token';

/**
 * HttpOnly: scripts cannot read it. Secure: HTTPS only (browsers treat http://localhost as
 * secure). SameSite=Strict: never sent on cross-site requests, the first CSRF defence.
 */
export const tokenCookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: '/',
  maxAge: TOKEN_TTL_SECONDS,
} as const;

/** Same attributes, expired: the browser drops the cookie. */
export const clearedCookieOptions = { ...tokenCookieOptions, maxAge: 0, expires: new Date(0) } as const;
