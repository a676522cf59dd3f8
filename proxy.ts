import { type NextRequest, NextResponse } from 'next/server';
import { AUTH_COOKIES, authCookieOptions, clearedCookieOptions, foreignCookieName } from '@/lib/auth/cookie';
import { HOME_PATH } from '@/lib/auth/redirect';
import { getKeyring } from '@/lib/auth/secret';
import { isWellFormedSessionToken } from '@/lib/auth/session-token';
import { verifyToken } from '@/lib/auth/token';
import { getConfig } from '@/lib/config';
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, createNonce } from '@/lib/security/csp';
import { guardServerAction } from '@/lib/security/server-action-guard';

// The fast, optimistic first check, with no database: a JWT's signature and expiry, or a
// session cookie's format. Pages, actions and route handlers check again in the data access
// layer (lib/auth/dal.ts), so skipping this never grants access.
const AUTH_PAGES = new Set(['/login', '/register']);
const PROTECTED_PREFIXES = ['/feed', '/settings', '/api/posts'];

const isProtected = (path: string) => PROTECTED_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));

export async function proxy(request: NextRequest) {
  const refused = await guardServerAction(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  const { authStrategy: strategy, isProduction } = getConfig();
  const isApi = pathname.startsWith('/api/');
  // Only documents run scripts, so only they need a nonce (and Next.js only reads it for pages).
  const csp = isApi ? API_CONTENT_SECURITY_POLICY : contentSecurityPolicy(createNonce(), !isProduction);
  const cookie = AUTH_COOKIES[strategy];
  const value = request.cookies.get(cookie.name)?.value;
  const looksLoggedIn =
    strategy === 'jwt' ? (await verifyToken(value, await getKeyring())) !== null : isWellFormedSessionToken(value);

  let response: NextResponse;
  if (AUTH_PAGES.has(pathname) && looksLoggedIn) {
    response = NextResponse.redirect(new URL(HOME_PATH, request.url));
  } else if (isProtected(pathname) && !looksLoggedIn) {
    if (isApi) {
      response = NextResponse.json({ error: 'Authentication required. Log in and try again.' }, { status: 401 });
    } else {
      const login = new URL('/login', request.url);
      login.searchParams.set('next', `${pathname}${search}`);
      response = NextResponse.redirect(login);
    }
  } else if (isApi) {
    response = NextResponse.next();
  } else {
    // Next.js reads the nonce from the request's CSP header and puts it on its script tags.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    // Sliding sessions: pages cannot set cookies, so the cookie's lifetime is renewed here on
    // navigation; the database row's expiry (renewed by the data access layer) is what counts.
    if (strategy === 'session' && looksLoggedIn && value && request.method === 'GET') {
      response.cookies.set(cookie.name, value, authCookieOptions('session'));
    }
  }

  response.headers.set('Content-Security-Policy', csp);
  // A cookie of the other strategy (AUTH_STRATEGY changed) is ignored and cleared.
  const foreign = foreignCookieName(strategy);
  if (request.cookies.has(foreign)) response.cookies.set(foreign, '', clearedCookieOptions);
  return response;
}

export const config = {
  // Everything but build assets and the public demo images.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|demo/).*)'],
};
