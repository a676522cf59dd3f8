import { z } from 'zod';
import { forgotPasswordSchema, loginSchema, newPasswordSchema } from '@/lib/auth/validation';
import { ROUTES } from '@/lib/routes';

// The account forms' rules and words. A password typed to prove who you are is checked like a
// login's (never the sign-up rules); a new one exactly like a sign-up's.

const currentPassword = loginSchema.shape.password;

export const changePasswordSchema = z.object({ currentPassword, newPassword: newPasswordSchema });
export const deleteAccountSchema = z.object({ password: currentPassword });
export const changeEmailSchema = z.object({ newEmail: forgotPasswordSchema.shape.email, currentPassword });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

export const WRONG_PASSWORD = 'That is not your current password.';
export const SAME_EMAIL = 'This is already your email.';
export const SAME_PASSWORD = 'Choose a new password: this is the one you have now.';

/** Where the security page says the password was changed. */
export const PASSWORD_CHANGED_PATH = `${ROUTES.securitySettings}?changed=1`;
/** The login page's `reason` after an account was deleted, and the page that says so. */
export const ACCOUNT_DELETED_REASON = 'account-deleted';
export const ACCOUNT_DELETED_PATH = `${ROUTES.login}?reason=${ACCOUNT_DELETED_REASON}`;
