import { type NextRequest, NextResponse } from 'next/server';
import { TOKEN_COOKIE } from '@/lib/auth/cookie';
import { HOME_PATH } from '@/lib/auth/redirect';
import { getSigningKey } from '@/lib/auth/secret';
import { verifyToken } from '@/lib/auth/token';

// The fast first check: a signature verification, no database. Pages and route handlers check
// again in the data access layer (lib/auth/dal.ts), so skipping this never grants access.
const AUTH_PAGES = new Set(['/login', '/register']);

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const token = request.cookies.get(TOKEN_COOKIE)?.value;
  const session = token ? await verifyToken(token, await getSigningKey()) : null;

  if (AUTH_PAGES.has(pathname)) {
    return session ? NextResponse.redirect(new URL(HOME_PATH, request.url)) : NextResponse.next();
  }
  if (session) return NextResponse.next();

  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: 'Authentication required. Log in and try again.' }, { status: 401 });
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('next', `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ['/feed/:path*', '/api/posts/:path*', '/login', '/register'],
};
