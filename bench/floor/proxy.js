import { NextResponse } from 'next/server';

// Runs on every request, as the app's proxy does, and does nothing. /api/bare/ and /api/pages/
// measure the like API's answer without a proxy.
export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|api/bare/|api/pages/).*)'] };
