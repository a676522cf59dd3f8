'use client';

import { useActionState, useRef, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import { deleteAccountAction } from '@/lib/account/actions';
import type { FormState } from '@/lib/forms/form-state';

const dangerButton =
  'rounded-lg bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-700 disabled:cursor-wait disabled:opacity-70';

/**
 * "Delete account", in two steps: the first button only opens the confirmation (what is lost, the
 * password); the second, inside it, deletes. Only one of the two is on the page at a time.
 */
export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, {} satisfies FormState);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  return (
    <section aria-labelledby="delete-account" className="flex flex-col gap-3 rounded-xl border border-red-200 bg-white p-4 dark:border-red-900 dark:bg-neutral-950">
      <h2 id="delete-account" className="font-semibold text-red-700 dark:text-red-400">
        Delete your account
      </h2>
      {open ? (
        <form action={action} noValidate className="flex flex-col gap-4">
          <div className="text-sm">
            <p className="font-semibold">This cannot be undone. Deleting your account removes, for good:</p>
            <ul className="mt-1 list-disc pl-5 text-neutral-700 dark:text-neutral-300">
              <li>your profile, your posts and their photos</li>
              <li>your comments and likes, on everyone&apos;s posts</li>
              <li>who you follow and who follows you, and your notifications</li>
              <li>every login, on every device</li>
            </ul>
            <p className="mt-2 text-neutral-600 dark:text-neutral-400">Download your data first if you want to keep a copy.</p>
          </div>
          <FormMessage message={state.message} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            hint="Your password, to confirm that it is you."
            errors={state.errors?.password}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending} aria-busy={pending || undefined} className={dangerButton}>
              Delete account
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                requestAnimationFrame(() => opener.current?.focus());
              }}
              className="rounded-lg border border-neutral-300 px-4 py-2 text-sm font-semibold hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900"
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Removes your account and everything in it: posts, photos, comments, likes and follows.
          </p>
          <button
            ref={opener}
            type="button"
            onClick={() => setOpen(true)}
            className={`self-start ${dangerButton}`}
          >
            Delete account
          </button>
        </>
      )}
    </section>
  );
}
