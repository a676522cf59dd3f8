// The account's own row: for the mail flows (its address, whether it is confirmed) and the account pages.
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

/** What the account pages need of the viewer's own row (never the password hash). */
export async function findAccount(userId: number) {
  const [row] = await getDb()
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      displayName: users.displayName,
      bio: users.bio,
      avatarKey: users.avatarKey,
      postCount: users.postCount,
      followerCount: users.followerCount,
      followingCount: users.followingCount,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;
