import { ROUTES } from '@/lib/routes';

const BASE = 'http://cookiegram.invalid';

/**
 * Where to go after login: `next` only when it is a path of this site; anything a browser could
 * resolve to another host (`//evil`, `/\evil`, `https:`, `javascript:`, or dot segments that
 * normalise to `//evil`) falls back to the feed. The result is normalised, so applying this to
 * its own output changes nothing.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return ROUTES.home;
  // Browsers read "\" as "/" and drop tabs and newlines, so "/\evil" would be protocol-relative.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return ROUTES.home;
  try {
    const url = new URL(next, BASE);
    const path = `${url.pathname}${url.search}${url.hash}`;
    // "/.//evil", "/%2e//evil" and "/a/..//evil" all normalise to "//evil": another host.
    if (url.origin !== BASE || path.startsWith('//')) return ROUTES.home;
    return path;
  } catch {
    return ROUTES.home;
  }
}
