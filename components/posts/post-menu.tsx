'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { fieldClass } from '@/components/ui/field-class';
import { ALT_MAX, CAPTION_MAX } from '@/lib/posts/limits';
import { ROUTES } from '@/lib/routes';
import { TextCounter } from './text-counter';

type Mode = 'idle' | 'editing' | 'confirming';

const buttonClass = 'rounded-lg px-2.5 py-1 text-sm font-semibold hover:bg-neutral-100 disabled:opacity-60 dark:hover:bg-neutral-900';

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string[]> };
  return Object.values(body.fields ?? {})[0]?.[0] ?? body.error ?? 'Something went wrong. Please try again.';
}

/** The owner's Edit (caption and alt text) and Delete (after a confirmation), on the post's page. */
export function PostMenu({ postId, caption, alt }: { postId: number; caption: string; alt: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('idle');
  const [draft, setDraft] = useState({ caption, alt });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const firstField = useRef<HTMLTextAreaElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  // Focus follows the mode: into the form, or onto the safe choice of the confirmation.
  useEffect(() => {
    if (mode === 'editing') firstField.current?.focus();
    if (mode === 'confirming') cancelDelete.current?.focus();
  }, [mode]);

  /** The form starts from the post as it is now (an earlier unsaved draft is gone). */
  function startEditing() {
    setDraft({ caption, alt });
    setMode('editing');
  }

  /** Back to the buttons, focus on "Edit". */
  function close() {
    setMode('idle');
    setError(null);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/posts/${postId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(draft),
      });
      if (!response.ok) return setError(await errorOf(response));
      close();
      router.refresh();
    } catch {
      setError('Could not save: check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/posts/${postId}`, { method: 'DELETE' });
      if (response.status !== 204 && response.status !== 404) return setError(await errorOf(response));
      router.replace(ROUTES.home);
      router.refresh();
    } catch {
      setError('Could not delete: check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  const errorLine = (
    <p role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-400">
      {error}
    </p>
  );

  if (mode === 'idle') {
    return (
      <div role="group" aria-label="Post options" className="ml-auto flex gap-1">
        <button ref={editButton} type="button" className={buttonClass} onClick={startEditing}>
          Edit
        </button>
        <button type="button" className={`${buttonClass} text-red-700 dark:text-red-400`} onClick={() => setMode('confirming')}>
          Delete
        </button>
      </div>
    );
  }

  if (mode === 'confirming') {
    return (
      <div
        role="alertdialog"
        aria-labelledby={`${ids}-confirm`}
        className="flex basis-full flex-wrap items-center justify-end gap-2 rounded-lg bg-red-50 p-2 dark:bg-red-950/40"
      >
        <p id={`${ids}-confirm`} className="mr-auto text-sm">
          Delete this post? This cannot be undone.
        </p>
        <div className="flex gap-2">
          <button type="button" className={`${buttonClass} bg-red-700 text-white hover:bg-red-800 dark:hover:bg-red-800`} disabled={busy} onClick={() => void remove()}>
            Delete
          </button>
          <button ref={cancelDelete} type="button" className={buttonClass} disabled={busy} onClick={close}>
            Cancel
          </button>
        </div>
        {errorLine}
      </div>
    );
  }

  return (
    <form
      onSubmit={save}
      aria-label="Edit post"
      onKeyDown={(e) => e.key === 'Escape' && close()}
      className="fixed inset-x-0 bottom-0 z-20 flex flex-col gap-3 border-t border-neutral-200 bg-white p-4 shadow-xl sm:absolute sm:inset-x-auto sm:right-0 sm:bottom-auto sm:w-96 sm:rounded-xl sm:border dark:border-neutral-800 dark:bg-neutral-950"
    >
      <label htmlFor={`${ids}-caption`} className="text-sm font-medium">
        Caption
      </label>
      <textarea
        ref={firstField}
        id={`${ids}-caption`}
        rows={4}
        value={draft.caption}
        onChange={(e) => setDraft((d) => ({ ...d, caption: e.target.value }))}
        aria-describedby={`${ids}-caption-count`}
        aria-invalid={draft.caption.length > CAPTION_MAX || undefined}
        className={fieldClass}
      />
      <TextCounter id={`${ids}-caption-count`} length={draft.caption.length} max={CAPTION_MAX} />
      <label htmlFor={`${ids}-alt`} className="text-sm font-medium">
        Alt text
      </label>
      <input
        id={`${ids}-alt`}
        value={draft.alt}
        maxLength={ALT_MAX}
        onChange={(e) => setDraft((d) => ({ ...d, alt: e.target.value }))}
        className={fieldClass}
      />
      {errorLine}
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass} onClick={close} disabled={busy}>
          Cancel
        </button>
        <button type="submit" disabled={busy} className="rounded-lg bg-brand px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-strong disabled:opacity-60">
          Save
        </button>
      </div>
    </form>
  );
}
