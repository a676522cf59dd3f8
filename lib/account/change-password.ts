import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { UnauthenticatedError, requireViewer } from '@/lib/auth/dal';
import type { Busy, Requester } from '@/lib/auth/credentials';
import { PasswordPoolBusyError, hashPassword, normalizePassword } from '@/lib/auth/password';
import { passwordStrength } from '@/lib/auth/password-strength';
import { signIn } from '@/lib/auth/sign-in';
import { getConfig } from '@/lib/config';
import { atomically } from '@/lib/db/atomic';
import { sessions, users } from '@/lib/db/schema';
import type { RateLimited } from '@/lib/security/rate-limit';
import { findAccount } from './queries';
import { confirmPassword } from './reauth';
import { type ChangePasswordInput, SAME_PASSWORD, WRONG_PASSWORD } from './validation';

type Refused =
  | { ok: false; reason: 'field'; field: 'currentPassword' | 'newPassword'; message: string }
  | RateLimited
  | Busy;

/**
 * A new password for the viewer. Every other login ends with the old password: the JWT epoch
 * moves on and every session row goes, in the same transaction as the new hash, so no old
 * credential outlives it. This browser is then issued a fresh login (a token of the new epoch,
 * or a new session id), so the person who changed it stays logged in.
 */
export async function changePassword(input: ChangePasswordInput, requester: Requester): Promise<{ ok: true; userId: number } | Refused> {
  const viewer = await requireViewer();
  const account = await findAccount(viewer.id);
  if (!account) throw new UnauthenticatedError();

  // Judged before the current password is checked: it says nothing about the stored one.
  const newPassword = normalizePassword(input.newPassword);
  if (newPassword === normalizePassword(input.currentPassword)) return { ok: false, reason: 'field', field: 'newPassword', message: SAME_PASSWORD };
  const strength = passwordStrength(newPassword, [account.username, account.email]);
  if (!strength.acceptable) {
    const message = `This password is too easy to guess. ${strength.hint ?? 'Add a few more words or characters.'}`;
    return { ok: false, reason: 'field', field: 'newPassword', message };
  }

  const confirmed = await confirmPassword(account, input.currentPassword, requester);
  if (!confirmed.ok) {
    return confirmed.reason === 'invalid' ? { ok: false, reason: 'field', field: 'currentPassword', message: WRONG_PASSWORD } : confirmed;
  }

  let passwordHash: string;
  try {
    passwordHash = await hashPassword(input.newPassword, getConfig().bcryptCost);
  } catch (err) {
    if (!(err instanceof PasswordPoolBusyError)) throw err;
    return { ok: false, reason: 'busy', retryAfterSeconds: err.retryAfterSeconds };
  }

  const [updated] = await atomically((db) => [
    db
      .update(users)
      .set({ passwordHash, tokenEpoch: sql`${users.tokenEpoch} + 1` })
      .where(eq(users.id, viewer.id))
      .returning({ id: users.id, username: users.username, tokenEpoch: users.tokenEpoch }),
    db.delete(sessions).where(eq(sessions.userId, viewer.id)).returning({ id: sessions.id }),
  ]);
  const user = updated[0];
  // Deleted meanwhile (in another tab): nothing to keep logged in.
  if (!user) throw new UnauthenticatedError();
  await signIn(user, requester.device);
  return { ok: true, userId: user.id };
}
