// The stateful strategy's token and lifetime rules, in a few plain functions (after Lucia's
// guide). Web APIs only: the proxy uses the format check.

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Sliding expiry: a session used when less than half its life is left gets a full life again. */
export const SESSION_RENEW_WITHIN_MS = SESSION_TTL_MS / 2;
/** last_seen_at is a hint for the sessions page, not a clock: write it at most once a minute. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url (43 characters). Lives only in the cookie. */
export function generateSessionToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function isWellFormedSessionToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_PATTERN.test(token);
}

/** The session id stored in the database: SHA-256 of the token, hex. A leaked table logs no one in. */
export async function hashSessionToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function isSessionExpired(expiresAt: number, now: number): boolean {
  return now >= expiresAt;
}

export function sessionNeedsRenewal(expiresAt: number, now: number): boolean {
  return expiresAt - now < SESSION_RENEW_WITHIN_MS;
}
