'use client';

import { Link } from '@/components/ui/link';
import { useActionState, useEffect, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { chooseNewPassword } from '@/lib/account/actions';
import type { FormState } from '@/lib/forms/form-state';
import { ROUTES } from '@/lib/routes';
import { PasswordStrengthMeter } from './password-strength-meter';

/** The new-password form a reset link opens. The token rides in a hidden field, not the URL. */
export function ResetPasswordForm({ token, userInputs }: { token: string; userInputs: string[] }) {
  const [state, action, pending] = useActionState(chooseNewPassword, {} satisfies FormState);
  const [password, setPassword] = useState('');
  // The token leaves the address bar (and so the history, and anything that reads the URL) at once.
  useEffect(() => window.history.replaceState(null, '', ROUTES.resetPassword), []);
  const submit = (formData: FormData) => {
    setPassword('');
    action(formData);
  };
  return (
    <form action={submit} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state.message} />
      {state.message && !state.errors ? (
        <Link href={ROUTES.forgotPassword} className="text-sm font-semibold text-brand hover:underline dark:text-orange-400">
          Send a new link
        </Link>
      ) : null}
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        autoFocus
        hint="8–64 characters. A passphrase of a few words works well."
        errors={state.errors?.password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      <PasswordStrengthMeter password={password} userInputs={userInputs} />
      <SubmitButton pending={pending}>Reset password</SubmitButton>
    </form>
  );
}
