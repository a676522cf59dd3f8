import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { users } from '@/lib/db/schema';

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
