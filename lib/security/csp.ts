// Content-Security-Policy with a fresh nonce per request (Web APIs only: the proxy builds it).
// Scripts run only with the nonce Next.js puts on its own tags ('strict-dynamic' extends trust
// to the chunks they load); no 'unsafe-inline' for scripts. Inline style *attributes* (Next.js
// puts some on its own elements) need 'unsafe-inline' for styles, which cannot run code.

/** For JSON responses, which are never rendered as a document: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** `mediaOrigin`: where uploaded images load from when not from this site (MEDIA_PUBLIC_URL). */
export function contentSecurityPolicy(nonce: string, isDevelopment: boolean, mediaOrigin?: string): string {
  return [
    "default-src 'self'",
    // React's dev build evaluates code for debugging; the production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${mediaOrigin ? ` ${mediaOrigin}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
