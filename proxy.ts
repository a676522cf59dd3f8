import { type NextRequest, NextResponse } from 'next/server';
import { AUTH_COOKIES, authCookieOptions, clearedCookieOptions, foreignCookieName } from '@/lib/auth/cookies';
import { AUTH_REQUIRED } from '@/lib/auth/messages';
import { needsSameSiteHop, sameSiteHop } from '@/lib/auth/same-site-hop';
import { getKeyring } from '@/lib/auth/secret';
import { verifyToken } from '@/lib/auth/strategies/jwt-token';
import { isWellFormedSessionToken } from '@/lib/auth/strategies/session-token';
import { type AuthStrategy, getConfig } from '@/lib/config';
import { jsonError } from '@/lib/http/json';
import { proxyRedirectTo } from '@/lib/http/redirect';
import { AUTH_PAGES, MEDIA_PATH, ROUTES, isApiPath, isProtectedPath, loginPath } from '@/lib/routes';
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, createNonce } from '@/lib/security/csp';
import { guardPageRequest } from '@/lib/security/page-request-guard';

// The fast, optimistic first check, with no database: a JWT's signature and expiry, or a
// session cookie's format. Pages, actions and route handlers check again in the data access
// layer (lib/auth/dal.ts), so skipping this never grants access.

async function looksLoggedIn(strategy: AuthStrategy, value: string | undefined): Promise<boolean> {
  return strategy === 'jwt' ? (await verifyToken(value, await getKeyring())) !== null : isWellFormedSessionToken(value);
}

/** Whether every %-escape in the path decodes (Next.js answers a bare 500 to one that does not). */
function isWellFormedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

let publicMediaOrigin: string | undefined | null = null;
/** Where images load from when not from this site (MEDIA_PUBLIC_URL): the configuration's, worked out once. */
function mediaOrigin(): string | undefined {
  if (publicMediaOrigin === null) {
    const { publicUrl } = getConfig().storage;
    publicMediaOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  }
  return publicMediaOrigin;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isWellFormedPath(pathname)) return jsonError(400, 'This address is not a valid URL.');
  // Uploaded images: public, and served with headers of their own (app/media/[key]/route.ts).
  if (pathname.startsWith(`${MEDIA_PATH}/`)) return NextResponse.next();
  const isApi = isApiPath(pathname);
  if (!isApi) {
    const refused = await guardPageRequest(request);
    if (refused) return refused;
    if (needsSameSiteHop(request, request.cookies)) return sameSiteHop(`${pathname}${search}`);
  }
  const { authStrategy: strategy, isProduction } = getConfig();
  // Only documents run scripts, so only they need a nonce (and Next.js only reads it for pages).
  const csp = isApi ? API_CONTENT_SECURITY_POLICY : contentSecurityPolicy(createNonce(), !isProduction, mediaOrigin());
  const cookie = AUTH_COOKIES[strategy];
  const value = request.cookies.get(cookie.name)?.value;
  const loggedIn = await looksLoggedIn(strategy, value);

  let response: NextResponse;
  if (AUTH_PAGES.includes(pathname) && loggedIn) {
    response = proxyRedirectTo(request, ROUTES.home);
  } else if (isProtectedPath(pathname) && !loggedIn) {
    response = isApi ? jsonError(401, AUTH_REQUIRED) : proxyRedirectTo(request, loginPath(`${pathname}${search}`));
  } else if (isApi) {
    response = NextResponse.next();
  } else {
    // Next.js reads the nonce from the request's CSP header and puts it on its script tags.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    // Sliding sessions: pages cannot set cookies, so the cookie's lifetime is renewed here on
    // navigation; the database row's expiry (renewed by the data access layer) is what counts.
    if (strategy === 'session' && loggedIn && value && request.method === 'GET') {
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
  // Everything but build assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
