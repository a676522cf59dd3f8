import type { InputHTMLAttributes } from 'react';

type TextFieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>;

/** A labelled input whose hint and errors are linked by aria-describedby and announced. */
export function TextField({ label, name, errors, hint, ...input }: TextFieldProps) {
  const id = `${name}-input`;
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[hint ? hintId : null, errorId].filter(Boolean).join(' ')}
        className="rounded-lg border border-neutral-300 bg-white px-3 py-2 text-base outline-none transition focus:border-brand focus:ring-2 focus:ring-orange-200 aria-invalid:border-red-600 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:ring-orange-900"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-neutral-500 dark:text-neutral-400">
          {hint}
        </p>
      ) : null}
      {/* Always present, so screen readers announce errors as they appear. */}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {errors?.join(' ')}
      </p>
    </div>
  );
}
