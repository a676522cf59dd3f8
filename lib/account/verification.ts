// Confirming an email: a link mailed after sign-up (and on "Resend"), 24 hours, single use. The
// address is confirmed only if it is still the account's when the link is used.
import 'server-only';
import { requireViewer } from '@/lib/auth/dal';
import { getConfig } from '@/lib/config';
import { composeMail } from '@/lib/mail/compose';
import type { RequestContext } from '@/lib/mail/request-context';
import { afterResponse } from '@/lib/mail/send';
import { deliver } from '@/lib/mail/transport';
import { ROUTES } from '@/lib/routes';
import { LIMITS, type RateLimited, reserveAttempt } from '@/lib/security/rate-limit';
import { type AccountEmail, accountById, markEmailVerified } from './queries';
import { type TokenCheck, consumeToken, issueToken } from './tokens';

type Addressee = Pick<AccountEmail, 'id' | 'username' | 'email'>;

export async function mailVerificationLink(account: Addressee, context: RequestContext): Promise<void> {
  const token = await issueToken(account.id, 'verify-email', account.email, context.at);
  await deliver(
    composeMail({
      to: account.email,
      subject: 'Confirm your email',
      paragraphs: [`Hi ${account.username}, welcome to Cookiegram! Please confirm that this is your email address:`],
      action: { label: 'Confirm email', url: `${getConfig().appOrigin}${ROUTES.verifyEmail}?token=${token}` },
      after: ['The link works once, for 24 hours.'],
      context,
    }),
  );
}

/** After a sign-up's answer: the confirmation link to the new account's address. */
export function welcome(account: Addressee, context: RequestContext): void {
  afterResponse('the confirmation mail', () => mailVerificationLink(account, context));
}

/** Uses a confirmation link. */
export async function confirmEmail(token: string, now = Date.now()): Promise<Exclude<TokenCheck, { ok: true }> | { ok: true }> {
  const check = await consumeToken(token, 'verify-email', now);
  if (!check.ok) return check;
  return (await markEmailVerified(check.userId, check.email, now)) ? { ok: true } : { ok: false, reason: 'invalid' };
}

/** The viewer's address and whether it is confirmed (the banner). */
export async function getMyEmailStatus(): Promise<{ email: string; verified: boolean } | null> {
  const viewer = await requireViewer();
  const account = await accountById(viewer.id);
  return account ? { email: account.email, verified: account.emailVerifiedAt !== null } : null;
}

/** "Resend": a new link (the old one stops working), at most 3 an hour per account. */
export async function resendVerification(context: RequestContext): Promise<{ ok: true; alreadyVerified: boolean } | RateLimited> {
  const viewer = await requireViewer();
  const account = await accountById(viewer.id);
  if (!account || account.emailVerifiedAt !== null) return { ok: true, alreadyVerified: true };
  const reserved = await reserveAttempt(LIMITS.verifyResendPerUser, String(account.id));
  if (!reserved.ok) return reserved;
  afterResponse('the confirmation mail', () => mailVerificationLink(account, context));
  return { ok: true, alreadyVerified: false };
}
