'use server';

import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/dal';
import { BUSY } from '@/lib/auth/messages';
import { clearAuthCookies, currentRequester } from '@/lib/auth/sign-in';
import { validatedAction } from '@/lib/forms/validated-action';
import { retryMessage } from '@/lib/security/rate-limit';
import { changePassword } from './change-password';
import { deleteMyAccount } from './delete-account';
import { notifyPasswordChanged } from './notices';
import { ACCOUNT_DELETED_PATH, PASSWORD_CHANGED_PATH, WRONG_PASSWORD, changePasswordSchema, deleteAccountSchema } from './validation';

export const changePasswordAction = validatedAction(changePasswordSchema, { echo: [] }, async (input) => {
  await verifySession();
  const result = await changePassword(input, await currentRequester());
  if (!result.ok) {
    if (result.reason === 'field') return { errors: { [result.field]: [result.message] } };
    return { message: result.reason === 'rate-limited' ? retryMessage(result.retryAfterSeconds) : BUSY };
  }
  await notifyPasswordChanged(result);
  redirect(PASSWORD_CHANGED_PATH);
});

export const deleteAccountAction = validatedAction(deleteAccountSchema, { echo: [] }, async ({ password }) => {
  await verifySession();
  const result = await deleteMyAccount(password, await currentRequester());
  if (!result.ok && result.reason !== 'gone') {
    if (result.reason === 'invalid') return { errors: { password: [WRONG_PASSWORD] } };
    return { message: result.reason === 'rate-limited' ? retryMessage(result.retryAfterSeconds) : BUSY };
  }
  // Deleted by this request or, a moment earlier, by another of this browser's: either way it is gone.
  await clearAuthCookies();
  redirect(ACCOUNT_DELETED_PATH);
});
