'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/dal';
import { BUSY } from '@/lib/auth/messages';
import { clearAuthCookies, currentRequester, signIn } from '@/lib/auth/sign-in';
import { forgotPasswordSchema, resetPasswordSchema } from '@/lib/auth/validation';
import type { FormState } from '@/lib/forms/form-state';
import { validatedAction } from '@/lib/forms/validated-action';
import { sendAccountNotice } from '@/lib/mail/notices';
import { requestContextOf } from '@/lib/mail/request-context';
import { ROUTES } from '@/lib/routes';
import { retryMessage } from '@/lib/security/rate-limit';
import { requestEmailChange } from './change-email';
import { changePassword } from './change-password';
import { deleteMyAccount } from './delete-account';
import { LINK_EXPIRED, LINK_INVALID, RESET_REQUESTED, VERIFY_SENT } from './messages';
import { requestPasswordReset, resetPassword } from './password-reset';
import { ACCOUNT_DELETED_PATH, PASSWORD_CHANGED_PATH, WRONG_PASSWORD, changeEmailSchema, changePasswordSchema, deleteAccountSchema } from './validation';
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

export const changePasswordAction = validatedAction(changePasswordSchema, { echo: [] }, async (input) => {
  await verifySession();
  const result = await changePassword(input, await currentRequester());
  if (!result.ok) {
    if (result.reason === 'field') return { errors: { [result.field]: [result.message] } };
    return { message: result.reason === 'rate-limited' ? retryMessage(result.retryAfterSeconds) : BUSY };
  }
  // So a change the owner did not make does not go unnoticed (sent after the answer).
  await sendAccountNotice(result.userId, 'password-changed');
  redirect(PASSWORD_CHANGED_PATH);
});

export const deleteAccountAction = validatedAction(deleteAccountSchema, { echo: [] }, async ({ password }) => {
  await verifySession();
  const result = await deleteMyAccount(password, await currentRequester());
  if (!result.ok && result.reason !== 'gone') {
    if (result.reason === 'invalid') return { errors: { password: [WRONG_PASSWORD] } };
    return { message: result.reason === 'rate-limited' ? retryMessage(result.retryAfterSeconds) : BUSY };
  }
  // The row is gone: the address comes from the deletion itself.
  if (result.ok) await sendAccountNotice(result.account, 'account-deleted');
  // Deleted by this request or, a moment earlier, by another of this browser's: either way it is gone.
  await clearAuthCookies();
  redirect(ACCOUNT_DELETED_PATH);
});

/** "Change email": the same answer whether or not the new address is taken; the mails go after it. */
export const changeEmailAction = validatedAction(changeEmailSchema, { echo: ['newEmail'] }, async (input) => {
  await verifySession();
  const result = await requestEmailChange(input, await currentRequester(), requestContextOf(await headers()));
  if (!result.ok) {
    if (result.reason === 'field') return { errors: { [result.field]: [result.message] } };
    return { message: result.reason === 'rate-limited' ? retryMessage(result.retryAfterSeconds) : BUSY };
  }
  return { notice: result.message, values: { newEmail: '' } };
});
