// Changing the account's email: the current password (counted as a login attempt), then a link to
// the new address and a notice to the old one. The old address stays the account's until the
// link is used. The answer is the same whether or not the new address is taken: the lookup, the
// token and every mail run after the answer (a taken address's owner is told instead, and no link
// goes), so neither the words nor the time of the answer tell whether an address has an account.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { UnauthenticatedError, requireViewer } from '@/lib/auth/dal';
import type { Busy, Requester } from '@/lib/auth/credentials';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { uniqueViolation } from '@/lib/db/errors';
import { users } from '@/lib/db/schema';
import { composeMail } from '@/lib/mail/compose';
import { composeNotice } from '@/lib/mail/notices';
import type { RequestContext } from '@/lib/mail/request-context';
import { afterResponse } from '@/lib/mail/send';
import { deliver } from '@/lib/mail/transport';
import { ROUTES } from '@/lib/routes';
import { LIMITS, type RateLimited, reserveAttempt } from '@/lib/security/rate-limit';
import { accountByEmail, accountById, findAccount } from './queries';
import { confirmPassword } from './reauth';
import { consumeToken, issueToken } from './tokens';
import { type ChangeEmailInput, SAME_EMAIL, WRONG_PASSWORD } from './validation';

type Refused =
  | { ok: false; reason: 'field'; field: 'newEmail' | 'currentPassword'; message: string }
  | RateLimited
  | Busy;

/** The one answer to a change-email request that passed the password, taken address or not. */
export const emailChangeRequested = (newEmail: string, oldEmail: string) =>
  `We've sent a link to ${newEmail}. Your email stays ${oldEmail} until you open it.`;

/**
 * After the answer: a link to the new address, or (if another account has it) the "email-taken"
 * notice to that account's owner; in both cases the "email-change-requested" notice to the old one.
 */
export async function mailEmailChange(account: { id: number; username: string; email: string }, newEmail: string, context: RequestContext): Promise<void> {
  const owner = await accountByEmail(newEmail);
  if (owner) {
    if (owner.id !== account.id) await deliver(composeNotice(owner, 'email-taken', context));
  } else {
    const token = await issueToken(account.id, 'change-email', newEmail, context.at);
    await deliver(
      composeMail({
        to: newEmail,
        subject: 'Confirm your new email',
        paragraphs: [`Hi ${account.username}, you asked to use this address for your Cookiegram account. Open the link to make it your email:`],
        action: { label: 'Use this email', url: `${getConfig().appOrigin}${ROUTES.verifyEmail}?token=${token}` },
        after: [`The link works once, for 24 hours. Until then your email stays ${account.email}.`],
        context,
      }),
    );
  }
  await deliver(composeNotice(account, 'email-change-requested', context));
}

/** The viewer asks to move their account to `newEmail`. */
export async function requestEmailChange(input: ChangeEmailInput, requester: Requester, context: RequestContext): Promise<{ ok: true; message: string } | Refused> {
  const viewer = await requireViewer();
  const account = await findAccount(viewer.id);
  if (!account) throw new UnauthenticatedError();
  if (input.newEmail === account.email) return { ok: false, reason: 'field', field: 'newEmail', message: SAME_EMAIL };

  const reserved = await reserveAttempt(LIMITS.changeEmailPerUser, String(account.id));
  if (!reserved.ok) return reserved;
  const confirmed = await confirmPassword(account, input.currentPassword, requester);
  if (!confirmed.ok) {
    return confirmed.reason === 'invalid' ? { ok: false, reason: 'field', field: 'currentPassword', message: WRONG_PASSWORD } : confirmed;
  }
  const addressee = { id: account.id, username: account.username, email: account.email };
  afterResponse('the change-email mails', () => mailEmailChange(addressee, input.newEmail, context));
  return { ok: true, message: emailChangeRequested(input.newEmail, account.email) };
}

export type EmailChangeResult =
  | { ok: true; userId: number; username: string; oldEmail: string; newEmail: string }
  | { ok: false; reason: 'invalid' | 'expired' | 'taken' };

/**
 * Uses a change-email link: single use (one DELETE … RETURNING), then one UPDATE that switches the
 * address and marks it confirmed, only if the account still has the address it had when read. If
 * another account took the address meanwhile, the unique index refuses the UPDATE and nothing changed.
 */
export async function confirmEmailChange(token: string, now = Date.now()): Promise<EmailChangeResult> {
  const check = await consumeToken(token, 'change-email', now);
  if (!check.ok) return check;
  const account = await accountById(check.userId);
  if (!account) return { ok: false, reason: 'invalid' };
  try {
    const rows = await getDb()
      .update(users)
      .set({ email: check.email, emailVerifiedAt: now })
      .where(and(eq(users.id, account.id), eq(users.email, account.email)))
      .returning({ id: users.id });
    if (rows.length === 0) return { ok: false, reason: 'invalid' };
  } catch (err) {
    if (uniqueViolation(err) === 'users.email') return { ok: false, reason: 'taken' };
    throw err;
  }
  return { ok: true, userId: account.id, username: account.username, oldEmail: account.email, newEmail: check.email };
}
