// The rate limits the app enforces, and the key each counter is stored under
// (lib/security/rate-limit.ts counts them in the database).
import { createHash } from 'node:crypto';

export type RateLimit = { name: string; max: number; windowMs: number };

const MINUTE = 60 * 1000;

/** The limits the app enforces (OWASP: throttle per account and per client). */
export const LIMITS = {
  /** Failed logins for one email from browsers it never logged in on, known or not (so the lockout reveals nothing). */
  loginPerAccount: { name: 'login-account', max: 5, windowMs: 15 * MINUTE },
  /** Failed logins from one browser that logged in to that account before (its device cookie). */
  loginPerDevice: { name: 'login-device', max: 10, windowMs: 15 * MINUTE },
  /** Failed logins from one client, across accounts (password spraying). */
  loginPerClient: { name: 'login-client', max: 30, windowMs: 15 * MINUTE },
  /** Sign-up attempts from one client. */
  signupPerClient: { name: 'signup-client', max: 10, windowMs: 60 * MINUTE },
  /** New posts by one user: each upload is decoded and stored, the costliest write there is. */
  postsPerUser: { name: 'posts-user', max: 30, windowMs: 60 * MINUTE },
  /** Upload attempts by one user, published or refused: refused ones cost decoding too. */
  uploadsPerUser: { name: 'uploads-user', max: 60, windowMs: 60 * MINUTE },
  /** Follow attempts by one user: each writes two counts and a notification; more is a script. */
  followsPerUser: { name: 'follows-user', max: 200, windowMs: 60 * MINUTE },
  /** Comments by one user: a person writes a few an hour; sixty is a script, or a spammer. */
  commentsPerUser: { name: 'comments-user', max: 60, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateLimit>;

/** Keys are hashed: an attacker-chosen email or address never lands in the table as text. */
export const counterKey = (limit: RateLimit, subject: string) =>
  `${limit.name}:${createHash('sha256').update(subject).digest('base64url')}`;
