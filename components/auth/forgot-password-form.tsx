'use client';

import { useActionState } from 'react';
import { FormMessage, FormNotice } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { EmailField } from './email-field';
import { forgotPassword } from '@/lib/account/actions';
import type { FormState } from '@/lib/forms/form-state';

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPassword, {} satisfies FormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormMessage message={state.message} />
      <FormNotice notice={state.notice} />
      <EmailField defaultValue={state.values?.email} errors={state.errors?.email} />
      <SubmitButton pending={pending}>Send reset link</SubmitButton>
    </form>
  );
}
