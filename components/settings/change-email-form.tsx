'use client';

import { useActionState, useState } from 'react';
import { FormMessage, FormNotice } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { changeEmailAction } from '@/lib/account/actions';
import type { FormState } from '@/lib/forms/form-state';
import { SettingsSection } from './settings-section';

/** "Change email": the new address and the current password; a link to the new address makes the change. */
export function ChangeEmailForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changeEmailAction, {} satisfies FormState);
  // The password is asked for once a new address is typed: until then this page holds one
  // password field only, Delete account's, so "Password" always names one field.
  const [typed, setTyped] = useState(false);
  const askPassword = typed || Boolean(state.values?.newEmail) || Boolean(state.errors?.currentPassword);
  return (
    <SettingsSection id="change-email" title="Change email">
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Your email is <strong>{email}</strong>. We send a link to the new address; the change is made when you open it.
      </p>
      <form action={action} noValidate className="flex flex-col gap-4">
        <FormMessage message={state.message} />
        <FormNotice notice={state.notice} />
        <div onInput={(event) => setTyped((event.target as HTMLInputElement).value.trim() !== '')}>
          <TextField label="New email" name="newEmail" type="email" autoComplete="email" required defaultValue={state.values?.newEmail} errors={state.errors?.newEmail} />
        </div>
        {askPassword ? (
          <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={state.errors?.currentPassword} />
        ) : null}
        <SubmitButton pending={pending}>Change email</SubmitButton>
      </form>
    </SettingsSection>
  );
}
