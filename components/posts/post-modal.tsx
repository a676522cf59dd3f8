'use client';

import { useRouter } from 'next/navigation';
import { type ReactNode, useLayoutEffect, useRef } from 'react';

/**
 * A post over the page it was opened from: a modal <dialog> (the page behind is inert, so focus
 * stays inside). Escape, the Close button, a click beside it and the browser's Back all go back
 * in history, which empties the @modal slot; focus then returns to the link that opened it.
 */
export function PostModal({ label, children }: { label: string; children: ReactNode }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  // Set once we are leaving, so a second Escape or the close event cannot go back twice.
  const leaving = useRef(false);

  useLayoutEffect(() => {
    const element = dialog.current;
    // The link that opened the modal still has focus: it gets it back when the modal goes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    leaving.current = false;
    if (element && !element.open) element.showModal();
    return () => {
      leaving.current = true;
      element?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function dismiss() {
    if (leaving.current) return;
    leaving.current = true;
    router.back();
  }

  return (
    <dialog
      ref={dialog}
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        dismiss();
      }}
      onClose={dismiss}
      // A click on the backdrop lands on the dialog itself; one inside lands on its content.
      onClick={(event) => event.target === dialog.current && dismiss()}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(470px,calc(100vw-1rem))] overflow-visible bg-transparent p-0 text-inherit backdrop:bg-black/70"
    >
      <div className="max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-xl bg-white dark:bg-neutral-950">
        <div className="flex justify-end border-b border-neutral-200 px-1 py-1 dark:border-neutral-800">
          <button type="button" onClick={dismiss} className="rounded-lg px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100 dark:hover:bg-neutral-900">
            Close
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
