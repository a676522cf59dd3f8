import type { InputHTMLAttributes } from 'react';
import { fieldClass } from './field-class';
import { FieldError } from './field-error';

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
        className={fieldClass}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-neutral-500 dark:text-neutral-400">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId}>{errors?.join(' ')}</FieldError>
    </div>
  );
}
