import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/lib/db/client';
import { uniqueViolation } from '@/lib/db/errors';
import { users } from '@/lib/db/schema';

type NewUser = { username: string; email: string; passwordHash: string };
type CreateUserResult =
  | { ok: true; user: { id: number; username: string; tokenEpoch: number } }
  | { ok: false; taken: 'username' | 'email' };

/**
 * Inserts the user. A taken username or email is reported by the unique index itself, so two
 * sign-ups racing for one email cannot both succeed.
 */
export async function createUser(input: NewUser): Promise<CreateUserResult> {
  try {
    const [user] = await getDb()
      .insert(users)
      .values(input)
      .returning({ id: users.id, username: users.username, tokenEpoch: users.tokenEpoch });
    if (!user) throw new Error('INSERT … RETURNING returned no row');
    return { ok: true, user };
  } catch (err) {
    const taken = uniqueViolation(err);
    if (taken === 'users.email') return { ok: false, taken: 'email' };
    if (taken === 'users.username') return { ok: false, taken: 'username' };
    throw err;
  }
}

/** The login's lookup (exported for its query plan). */
export const userByEmailQuery = (db: Db) =>
  db
    .select({ id: users.id, username: users.username, tokenEpoch: users.tokenEpoch, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, sql.placeholder('email')));
let byEmailStatement: ReturnType<ReturnType<typeof userByEmailQuery>['prepare']> | undefined;

/** The account an email belongs to, for the login check (before anyone is logged in). */
export async function findUserByEmail(email: string) {
  byEmailStatement ??= userByEmailQuery(getDb()).prepare();
  return (await byEmailStatement.execute({ email }))[0];
}

export async function updatePasswordHash(userId: number, passwordHash: string): Promise<void> {
  await getDb().update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** How many mentioned names one lookup checks: a page's captions or comments, not an essay's. */
const MENTION_LOOKUP_MAX = 200;

/** Which of these usernames (lower-case, from mentionedUsernames) belong to an account: one query. */
export async function existingUsernames(names: readonly string[]): Promise<ReadonlySet<string>> {
  const wanted = names.slice(0, MENTION_LOOKUP_MAX);
  if (wanted.length === 0) return new Set();
  const rows = await getDb().select({ username: users.username }).from(users).where(inArray(users.username, wanted));
  return new Set(rows.map((r) => r.username));
}
