'use client';

import { useActionState, useState } from 'react';
import { PasswordStrengthMeter } from '@/components/auth/password-strength-meter';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { changePasswordAction } from '@/lib/account/actions';
import type { FormState } from '@/lib/forms/form-state';

/** Current and new password; the meter judges the new one as sign-up does, against the user's own name and email. */
export function ChangePasswordForm({ username, email }: { username: string; email: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, {} satisfies FormState);
  // Tracked for the strength meter; React clears the fields after each submit.
  const [typed, setTyped] = useState('');
  const submit = (formData: FormData) => {
    setTyped('');
    action(formData);
  };
  return (
    <form
      action={submit}
      onInput={(event) => {
        const input = event.target as HTMLInputElement;
        if (input.name === 'newPassword') setTyped(input.value);
      }}
      noValidate
      className="flex flex-col gap-4"
    >
      <FormMessage message={state.message} />
      {/* For password managers: which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="8–64 characters. A passphrase of a few words works well."
        errors={state.errors?.newPassword}
      />
      <PasswordStrengthMeter password={typed} userInputs={[username, email]} />
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  );
}
