// The account's own row, for the mail flows: its address and whether it is confirmed.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { users } from '@/lib/db/schema';

export type AccountEmail = { id: number; username: string; email: string; emailVerifiedAt: number | null };

const columns = { id: users.id, username: users.username, email: users.email, emailVerifiedAt: users.emailVerifiedAt };

export async function accountById(userId: number): Promise<AccountEmail | undefined> {
  return (await getDb().select(columns).from(users).where(eq(users.id, userId)))[0];
}

export async function accountByEmail(email: string): Promise<AccountEmail | undefined> {
  return (await getDb().select(columns).from(users).where(eq(users.email, email)))[0];
}

/** Confirms the address, if it is still the account's (a link to an old address confirms nothing). */
export async function markEmailVerified(userId: number, email: string, now = Date.now()): Promise<boolean> {
  const rows = await getDb()
    .update(users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(users.id, userId), eq(users.email, email)))
    .returning({ id: users.id });
  return rows.length > 0;
}
