/** One message for an unknown email and a wrong password: it must not say which. */
export const INVALID_CREDENTIALS = 'Invalid email or password';

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

/** A text field of a submitted form; '' when missing or not text. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
