/** The look of every text input and textarea: border, focus ring, red when aria-invalid. */
export const fieldClass =
  'rounded-lg border border-neutral-300 bg-white px-3 py-2 text-base outline-none transition focus:border-brand focus:ring-2 focus:ring-orange-200 aria-invalid:border-red-600 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:ring-orange-900';
