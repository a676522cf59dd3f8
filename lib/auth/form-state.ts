/** One message for an unknown email and a wrong password: it must not say which. */
export const INVALID_CREDENTIALS = 'Invalid email or password';

export const TAKEN = {
  username: 'That username is taken. Try another one.',
  email: 'An account with this email already exists. Log in instead?',
} as const;

export type AuthField = 'username' | 'email' | 'password';

/**
 * What an auth action returns to its form (via useActionState). `values` refills the fields
 * React resets after an action; it never holds the password.
 */
export type AuthFormState = {
  errors?: Partial<Record<AuthField, string[]>>;
  message?: string;
  values?: { username?: string; email?: string };
};

/**
 * A text field of a submitted form; '' when missing or not text. Actions are public endpoints:
 * `formData` is whatever the caller sent, not necessarily a FormData.
 */
export function formText(formData: unknown, name: string): string {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === 'string' ? value : '';
}
