'use client';

import { Link } from '@/components/ui/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { EmailField } from './email-field';
import { login } from '@/lib/auth/actions';
import type { FormState } from '@/lib/forms/form-state';
import { ROUTES } from '@/lib/routes';

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(login, {} satisfies FormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormMessage message={state.message} />
      <EmailField defaultValue={state.values?.email} errors={state.errors?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
      />
      <Link href={ROUTES.forgotPassword} className="-mt-2 self-end text-sm font-medium text-brand hover:underline dark:text-orange-400">
        Forgot password?
      </Link>
      <SubmitButton pending={pending}>Log in</SubmitButton>
    </form>
  );
}
