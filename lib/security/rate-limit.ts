import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { purgeExpired } from '@/lib/db/purge';
import { rateLimits } from '@/lib/db/schema';
import { LIMITS, type RateLimit, counterKey } from './limits';

// Fixed-window counters in the database, so limits hold across restarts and server instances.
// An attempt is reserved before its work is done (one statement that counts it and says whether
// the limit was already reached), so however many requests arrive at once, no more than `max`
// of them are ever let through in a window.

// The limits themselves and their keys live in ./limits.ts (no database: tests outside the app
// fill counters with them too).
export { LIMITS, counterKey, type RateLimit };

const LONGEST_WINDOW = Math.max(...Object.values(LIMITS).map((l) => l.windowMs));

export type RateLimited = { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };
/** One counted attempt; `windowStart` tells which window it was counted in. */
type Reservation = { key: string; windowStart: number };
type Reserved = { ok: true; reservations: Reservation[] };

/** The counting statement (a new window starts when the old one is over); exported for its query plan. */
export function reserveStatement(limit: RateLimit, key: string, now: number) {
  const expired = sql`${rateLimits.windowStart} <= ${now - limit.windowMs}`;
  return getDb()
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
}

/** Counts one attempt against `limit`; refused when it would be past the limit of this window. */
export function reserveAttempt(limit: RateLimit, subject: string, now = Date.now()): Promise<Reserved | RateLimited> {
  return reserveAttempts([[limit, subject]], now);
}

/**
 * Reserves an attempt on each counter in order, each by one atomic statement. If one is used up,
 * the attempt is refused and the reservations already made are given back: it was never evaluated.
 */
export async function reserveAttempts(checks: readonly (readonly [RateLimit, string])[], now = Date.now()): Promise<Reserved | RateLimited> {
  const reservations: Reservation[] = [];
  for (const [limit, subject] of checks) {
    const key = counterKey(limit, subject);
    const [row] = await reserveStatement(limit, key, now);
    if (!row) throw new Error('the rate-limit upsert returned no row');
    if (row.count > limit.max) {
      // This counter's own increment goes back too: a refused attempt is never evaluated, and
      // counting it would lock the caller out below the limit once the others are released.
      await releaseAttempts([...reservations, { key, windowStart: row.windowStart }]);
      return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil((row.windowStart + limit.windowMs - now) / 1000)) };
    }
    reservations.push({ key, windowStart: row.windowStart });
  }
  await purgeExpired(getDb(), rateLimits, rateLimits.windowStart, now - LONGEST_WINDOW);
  return { ok: true, reservations };
}

/** Takes one attempt off a counter, in the window it was counted in only (exported for its query plan). */
export function releaseStatement({ key, windowStart }: Reservation) {
  return getDb()
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart), gt(rateLimits.count, 0)));
}

/** Gives reservations back (the attempt was not evaluated, or should not count). */
export async function releaseAttempts(reservations: readonly Reservation[]): Promise<void> {
  for (const reservation of reservations) await releaseStatement(reservation);
}

/** Clears a counter: a successful login ends that account's (or device's) run of failures. */
export async function resetLimit(limit: RateLimit, subject: string): Promise<void> {
  await getDb().delete(rateLimits).where(eq(rateLimits.key, counterKey(limit, subject)));
}

export function retryMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`;
}
