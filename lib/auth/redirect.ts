export const HOME_PATH = '/feed';
const BASE = 'http://cookiegram.invalid';

/**
 * Where to go after login: `next` only when it is a same-origin relative path; anything that
 * could leave the site (`//evil`, `/\evil`, `https:`, `javascript:`) falls back to the feed.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return HOME_PATH;
  // Browsers read "\" as "/" and drop tabs and newlines, so "/\evil" would be protocol-relative.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return HOME_PATH;
  try {
    const url = new URL(next, BASE);
    if (url.origin !== BASE) return HOME_PATH;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return HOME_PATH;
  }
}
