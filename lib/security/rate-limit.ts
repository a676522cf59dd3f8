import 'server-only';
import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';

export type RateLimit = { name: string; max: number; windowMs: number };

const MINUTE = 60 * 1000;

/** The limits the app enforces (OWASP: throttle per account and per client). */
export const LIMITS = {
  /** Failed logins for one email, known or not (so the lockout reveals nothing either). */
  loginPerAccount: { name: 'login-account', max: 5, windowMs: 15 * MINUTE },
  /** Failed logins from one client, across accounts (password spraying). */
  loginPerClient: { name: 'login-client', max: 30, windowMs: 15 * MINUTE },
  /** Sign-up attempts from one client. */
  signupPerClient: { name: 'signup-client', max: 10, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateLimit>;

const LONGEST_WINDOW = Math.max(...Object.values(LIMITS).map((l) => l.windowMs));

export type LimitState = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Keys are hashed: an attacker-chosen email or address never lands in the table as text. */
const keyOf = (limit: RateLimit, subject: string) =>
  `${limit.name}:${createHash('sha256').update(subject).digest('base64url')}`;

/** Whether `subject` has used up `limit` in the current window. */
export async function checkLimit(limit: RateLimit, subject: string, now = Date.now()): Promise<LimitState> {
  const [row] = await getDb()
    .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(eq(rateLimits.key, keyOf(limit, subject)));
  const windowEnd = (row?.windowStart ?? 0) + limit.windowMs;
  if (!row || row.count < limit.max || windowEnd <= now) return { limited: false };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
}

/** Counts one event in one statement (a new window starts when the old one is over). */
export async function recordHit(limit: RateLimit, subject: string, now = Date.now()): Promise<void> {
  const expired = sql`${rateLimits.windowStart} <= ${now - limit.windowMs}`;
  const db = getDb();
  await db
    .insert(rateLimits)
    .values({ key: keyOf(limit, subject), count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now} else ${rateLimits.windowStart} end`,
      },
    });
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, now - LONGEST_WINDOW));
}

export async function resetLimit(limit: RateLimit, subject: string): Promise<void> {
  await getDb().delete(rateLimits).where(eq(rateLimits.key, keyOf(limit, subject)));
}

/** The first of several checks that says "limited", or not limited. */
export async function firstLimited(checks: readonly [RateLimit, string][], now = Date.now()): Promise<LimitState> {
  for (const [limit, subject] of checks) {
    const state = await checkLimit(limit, subject, now);
    if (state.limited) return state;
  }
  return { limited: false };
}

export function retryMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`;
}
