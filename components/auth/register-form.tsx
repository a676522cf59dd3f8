'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { register } from '@/lib/auth/actions';
import type { AuthFormState } from '@/lib/auth/form-state';

export function RegisterForm() {
  const [state, action, pending] = useActionState(register, {} satisfies AuthFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
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
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.errors?.email}
      />
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
      <SubmitButton pending={pending}>Sign up</SubmitButton>
    </form>
  );
}
