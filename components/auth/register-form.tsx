'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { EmailField } from './email-field';
import { PasswordStrengthMeter } from './password-strength-meter';
import { register } from '@/lib/auth/actions';
import type { FormState } from '@/lib/forms/form-state';

export function RegisterForm() {
  const [state, action, pending] = useActionState(register, {} satisfies FormState);
  // Tracked for the strength meter; React clears the password field after each submit.
  const [typed, setTyped] = useState({ password: '', username: '', email: '' });
  const onInput = (event: React.FormEvent<HTMLFormElement>) => {
    const { name, value } = event.target as HTMLInputElement;
    if (name in typed) setTyped((t) => ({ ...t, [name]: value }));
  };
  const submit = (formData: FormData) => {
    setTyped((t) => ({ ...t, password: '' }));
    action(formData);
  };
  return (
    <form action={submit} onInput={onInput} noValidate className="flex flex-col gap-4">
      <FormMessage message={state.message} />
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        minLength={3}
        maxLength={30}
        hint="3–30 characters: letters, numbers, dots and underscores."
        defaultValue={state.values?.username}
        errors={state.errors?.username}
      />
      <EmailField defaultValue={state.values?.email} errors={state.errors?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="8–64 characters. A passphrase of a few words works well."
        errors={state.errors?.password}
      />
      <PasswordStrengthMeter password={typed.password} userInputs={[typed.username, typed.email].filter(Boolean)} />
      <SubmitButton pending={pending}>Sign up</SubmitButton>
    </form>
  );
}
