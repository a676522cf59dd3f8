// Every successful login, for the new-login alert ("a browser that never logged in to this account
// before") and the data export. The device is named by SHA-256 of the device cookie's random id
// (lib/auth/device-cookie.ts), never the id, so the table lets no one forge a trusted browser.
import 'server-only';
import { createHash } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { loginHistory } from '@/lib/db/schema';
import type { RequestContext } from '@/lib/mail/request-context';

/** User-Agent headers are the client's to choose: kept to a length a real one has. */
const MAX_USER_AGENT = 512;

export const deviceHash = (deviceId: string) => createHash('sha256').update(deviceId).digest('base64url');

/** What the account's history knew before this login. */
export type LoginNovelty = { knownDevice: boolean; earlierLogins: boolean };

/**
 * Records a login of `userId` from the device `deviceId`, and says whether that device (and any
 * device at all) had logged in to the account before.
 */
export async function recordLogin(userId: number, deviceId: string, userAgent: string, context: RequestContext): Promise<LoginNovelty> {
  const db = getDb();
  const hash = deviceHash(deviceId);
  // One row at most: this device's if it has one, else any other's, else none at all.
  const same = sql<number>`${loginHistory.deviceHash} = ${hash}`;
  const [before] = await db.select({ same }).from(loginHistory).where(eq(loginHistory.userId, userId)).orderBy(desc(same)).limit(1);
  await db.insert(loginHistory).values({ userId, deviceHash: hash, userAgent: userAgent.slice(0, MAX_USER_AGENT), address: context.address, createdAt: context.at });
  return { knownDevice: Boolean(before?.same), earlierLogins: before !== undefined };
}

/** The account's logins, oldest first (the data export). */
export function listLoginHistory(userId: number) {
  return getDb()
    .select({ at: loginHistory.createdAt, userAgent: loginHistory.userAgent, address: loginHistory.address, device: loginHistory.deviceHash })
    .from(loginHistory)
    .where(eq(loginHistory.userId, userId))
    .orderBy(asc(loginHistory.createdAt), asc(loginHistory.id));
}

