'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/dal';
import { BUSY } from '@/lib/auth/messages';
import { currentRequester, signIn } from '@/lib/auth/sign-in';
import { forgotPasswordSchema, resetPasswordSchema } from '@/lib/auth/validation';
import type { FormState } from '@/lib/forms/form-state';
import { validatedAction } from '@/lib/forms/validated-action';
import { requestContextOf } from '@/lib/mail/request-context';
import { ROUTES } from '@/lib/routes';
import { retryMessage } from '@/lib/security/rate-limit';
import { LINK_EXPIRED, LINK_INVALID, RESET_REQUESTED, VERIFY_SENT } from './messages';
import { requestPasswordReset, resetPassword } from './password-reset';
import { resendVerification } from './verification';

export const forgotPassword = validatedAction(forgotPasswordSchema, { echo: ['email'] }, async ({ email }) => {
  const { client } = await currentRequester();
  const result = await requestPasswordReset(email, client, requestContextOf(await headers()));
  return result.ok ? { notice: RESET_REQUESTED } : { message: retryMessage(result.retryAfterSeconds) };
});

export const chooseNewPassword = validatedAction(resetPasswordSchema, { echo: [] }, async ({ token, password }) => {
  const { device } = await currentRequester();
  const result = await resetPassword(token, password, requestContextOf(await headers()));
  if (!result.ok) {
    if (result.reason === 'weak') return { errors: { password: [result.message] } };
    if (result.reason === 'busy') return { message: BUSY };
    return { message: result.reason === 'expired' ? LINK_EXPIRED : LINK_INVALID };
  }
  await signIn(result.user, device);
  redirect(ROUTES.home);
});

/** The banner's "Resend": a new confirmation link. */
export async function resendConfirmation(): Promise<FormState> {
  await verifySession();
  const result = await resendVerification(requestContextOf(await headers()));
  if (!result.ok) return { message: retryMessage(result.retryAfterSeconds) };
  return { notice: result.alreadyVerified ? 'Your email is already confirmed.' : VERIFY_SENT };
}
