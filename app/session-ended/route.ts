import { type NextRequest, NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/dal';
import { HOME_PATH } from '@/lib/auth/redirect';
import { clearAuthCookies } from '@/lib/auth/session';

/**
 * The data access layer sends a request here when its cookie no longer holds. Cookies are
 * cleared only when they really are dead, so a cross-site link here cannot log anyone out.
 */
export async function GET(request: NextRequest) {
  if (await getCurrentUser()) return NextResponse.redirect(new URL(HOME_PATH, request.url));
  await clearAuthCookies();
  const login = new URL('/login', request.url);
  login.searchParams.set('reason', 'session-ended');
  return NextResponse.redirect(login);
}
