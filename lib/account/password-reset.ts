// Forgot password → a mailed link → a new password. The request answers the same words in the
// same time for every address: everything that depends on the address (the per-address limit,
// the lookup, the token, the mail) runs after the answer has gone. The reset itself is one
// statement: the password changes only if the link is still good, and the trigger that voids
// reset links on a new password uses it up in that same statement, so of two parallel resets
// with one link exactly one happens.
import 'server-only';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { PasswordPoolBusyError, hashPassword } from '@/lib/auth/password';
import { STRATEGIES } from '@/lib/auth/strategies';
import type { TokenUser } from '@/lib/auth/strategies/jwt-token';
import { guessabilityProblem } from '@/lib/auth/validation';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { accountTokens, users } from '@/lib/db/schema';
import { composeMail } from '@/lib/mail/compose';
import { sendAccountNotice } from '@/lib/mail/notices';
import type { RequestContext } from '@/lib/mail/request-context';
import { afterResponse } from '@/lib/mail/send';
import { deliver } from '@/lib/mail/transport';
import { ROUTES } from '@/lib/routes';
import { LIMITS, type RateLimited, reserveAttempt } from '@/lib/security/rate-limit';
import { accountByEmail, accountById } from './queries';
import { type TokenCheck, TOKEN_TTL_MS, hashToken, isWellFormedToken, issueToken, peekToken } from './tokens';

/**
 * Counts the request against the client's limit (the only refusal, and the same for every
 * address), then queues the rest for after the answer.
 */
export async function requestPasswordReset(email: string, client: string, context: RequestContext): Promise<{ ok: true } | RateLimited> {
  const reserved = await reserveAttempt(LIMITS.resetPerClient, client);
  if (!reserved.ok) return reserved;
  afterResponse('a password reset request', () => mailResetLink(email, context));
  return { ok: true };
}

/** Off the answer's path: the per-address limit (counted for unknown addresses too), then the link. */
export async function mailResetLink(email: string, context: RequestContext): Promise<void> {
  const reserved = await reserveAttempt(LIMITS.resetPerEmail, email);
  if (!reserved.ok) return;
  const account = await accountByEmail(email);
  if (!account) return;
  const token = await issueToken(account.id, 'reset-password', account.email, context.at);
  const url = `${getConfig().appOrigin}${ROUTES.resetPassword}?token=${token}`;
  await deliver(
    composeMail({
      to: account.email,
      subject: 'Reset your password',
      paragraphs: [`Hi ${account.username}, someone asked to reset the password of your Cookiegram account. To choose a new one, open this link:`],
      action: { label: 'Reset password', url },
      after: [`The link works once, for ${TOKEN_TTL_MS['reset-password'] / 60_000} minutes. Resetting logs you out everywhere else.`],
      context,
    }),
  );
}

/** Who a reset link belongs to, for the page it opens (the strength meter's hints), or why it cannot be used. */
export async function resetLinkOwner(token: string): Promise<{ ok: true; username: string; email: string } | Exclude<TokenCheck, { ok: true }>> {
  const check = await peekToken(token, 'reset-password');
  if (!check.ok) return check;
  const account = await accountById(check.userId);
  return account ? { ok: true, username: account.username, email: account.email } : { ok: false, reason: 'invalid' };
}

type ResetResult =
  | { ok: true; user: TokenUser }
  | Exclude<TokenCheck, { ok: true }>
  | { ok: false; reason: 'weak'; message: string }
  | { ok: false; reason: 'busy'; retryAfterSeconds: number };

/**
 * Sets the new password if the link is still good; every session and JWT of the account ends
 * (epoch bumped in the same statement, session rows deleted right after). The caller logs this
 * browser in afresh with the returned user.
 */
export async function resetPassword(token: string, password: string, context: RequestContext): Promise<ResetResult> {
  const owner = await resetLinkOwner(token);
  if (!owner.ok) return owner;
  const guessable = guessabilityProblem(password, [owner.username, owner.email]);
  if (guessable) return { ok: false, reason: 'weak', message: guessable };

  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password, getConfig().bcryptCost);
  } catch (err) {
    if (!(err instanceof PasswordPoolBusyError)) throw err;
    return { ok: false, reason: 'busy', retryAfterSeconds: err.retryAfterSeconds };
  }
  const db = getDb();
  const id = isWellFormedToken(token) ? await hashToken(token) : '';
  const stillGood = db
    .select({ userId: accountTokens.userId })
    .from(accountTokens)
    .where(and(eq(accountTokens.id, id), eq(accountTokens.kind, 'reset-password'), gt(accountTokens.expiresAt, context.at)));
  const [user] = await db
    .update(users)
    .set({ passwordHash, tokenEpoch: sql`${users.tokenEpoch} + 1` })
    .where(inArray(users.id, stillGood))
    .returning({ id: users.id, username: users.username, tokenEpoch: users.tokenEpoch });
  if (!user) {
    // Used by a parallel request meanwhile, or it expired while bcrypt ran.
    const now = await peekToken(token, 'reset-password', context.at);
    return now.ok ? { ok: false, reason: 'invalid' } : now;
  }
  await STRATEGIES.session.revokeAll(user.id);
  await sendAccountNotice(user.id, 'password-reset', context);
  return { ok: true, user };
}
