// The session strategy's token and lifetime rules, in a few plain functions (after Lucia's
// guide). Web APIs only: the proxy uses the format check.
import { base64url } from 'jose';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 7 * DAY_MS;
/** Sliding expiry: a session used when less than half its life is left gets a full life again. */
const SESSION_RENEW_WITHIN_MS = SESSION_TTL_MS / 2;
/** However often it is used, a session ends this long after the login that made it. */
export const SESSION_ABSOLUTE_TTL_MS = 30 * DAY_MS;
/** last_seen_at is a hint for the sessions page, not a clock: write it at most once a minute. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url (43 characters). Lives only in the cookie. */
export function generateSessionToken(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

export function isWellFormedSessionToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_PATTERN.test(token);
}

/** The session id stored in the database: SHA-256 of the token, hex. A leaked table logs no one in. */
export async function hashSessionToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** When a session made at `createdAt` ends for good, whatever renewals it had. */
export const absoluteExpiry = (createdAt: number) => createdAt + SESSION_ABSOLUTE_TTL_MS;

/** A fresh expiry on use: a full sliding life, never past the absolute limit. */
export const renewedExpiry = (createdAt: number, now: number) => Math.min(now + SESSION_TTL_MS, absoluteExpiry(createdAt));

export function isSessionExpired(session: { expiresAt: number; createdAt: number }, now: number): boolean {
  return now >= session.expiresAt || now >= absoluteExpiry(session.createdAt);
}

export function sessionNeedsRenewal(session: { expiresAt: number; createdAt: number }, now: number): boolean {
  return session.expiresAt - now < SESSION_RENEW_WITHIN_MS && renewedExpiry(session.createdAt, now) > session.expiresAt;
}
