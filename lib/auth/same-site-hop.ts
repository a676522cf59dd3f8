// SameSite=Strict's trap: a navigation that starts on another site (a link in a mail, a chat, a
// search result) arrives without the auth cookie, so a logged-in person would be shown the login
// page. When a cross-site navigation carries no auth cookie, the answer is a tiny page that
// navigates again to the same URL; that second navigation starts on this site, so the browser
// sends the cookie, and the page renders as it should. It sets no cookie and clears none.
import { carriesAuthCookie } from './cookies';

type CookieReader = { has(name: string): boolean };

export function needsSameSiteHop(request: Request, cookies: CookieReader): boolean {
  const h = request.headers;
  return (
    request.method === 'GET' &&
    h.get('sec-fetch-site') === 'cross-site' &&
    h.get('sec-fetch-mode') === 'navigate' &&
    h.get('sec-fetch-dest') === 'document' &&
    !carriesAuthCookie(cookies)
  );
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The hop page: a meta refresh to `path` (no script, so the strictest CSP still allows it), and a link for the rest. */
export function sameSiteHop(path: string): Response {
  const href = escapeHtml(path);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Cookiegram</title></head><body><p><a href="${href}">Continue to Cookiegram</a></p></body></html>`;
  return new Response(html, {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    },
  });
}
