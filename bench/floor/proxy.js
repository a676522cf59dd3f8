import { NextResponse } from 'next/server';

// Runs on every request, as the app's proxy does, and does nothing.
export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
