'use client';

import { useActionState } from 'react';
import { resendConfirmation } from '@/lib/account/actions';
import type { FormState } from '@/lib/forms/form-state';

/** Until the email is confirmed: says so, with "Resend" for a new link. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const [state, action, pending] = useActionState(resendConfirmation, {} satisfies FormState);
  return (
    <aside
      aria-label="Confirm your email"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <form action={action} className="mx-auto flex max-w-[470px] flex-wrap items-center gap-x-3 gap-y-1">
        <p className="min-w-0 flex-1">
          Please confirm your email: we sent a link to <strong className="break-all font-semibold">{email}</strong>.
        </p>
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending || undefined}
          className="rounded-md border border-amber-300 px-2.5 py-1 font-semibold hover:bg-amber-100 disabled:opacity-70 dark:border-amber-800 dark:hover:bg-amber-900"
        >
          Resend
        </button>
        <p role="status" className="w-full empty:hidden">
          {state.notice}
        </p>
        <p role="alert" className="w-full font-medium text-red-800 empty:hidden dark:text-red-300">
          {state.message}
        </p>
      </form>
    </aside>
  );
}
