import { type NextRequest, NextResponse } from 'next/server';

/**
 * A redirect whose Location is a path, not an absolute URL. `request.url` names the host the
 * server was started on (localhost), not the one the browser asked for, so an absolute URL built
 * from it would send people behind a proxy to the wrong host; a path resolves against the page.
 */
export function redirectTo(path: string, status: 303 | 307 = 307): NextResponse {
  return new NextResponse(null, { status, headers: { Location: path } });
}

/**
 * The same from the proxy. Next's proxy adapter parses every Location as an absolute URL (a path
 * throws), then writes a same-origin one back as a path; so the proxy hands it an absolute URL
 * on the request's own origin and the browser still receives a relative Location.
 */
export function proxyRedirectTo(request: NextRequest, path: string): NextResponse {
  return NextResponse.redirect(new URL(path, request.nextUrl), 307);
}
