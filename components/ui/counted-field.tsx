import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { TextCounter } from '@/components/posts/text-counter';
import { fieldClass } from './field-class';
import { FieldError } from './field-error';

type Common = { id: string; label: string; length: number; max: number; error?: string | undefined };
type CountedFieldProps =
  | (Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>)
  | (Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>);

/** A labelled text field with a character counter and its error line, both linked by aria-describedby. */
export function CountedField({ id, label, length, max, error, multiline, ...rest }: CountedFieldProps) {
  const field = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': `${id}-count ${id}-error`,
    className: fieldClass,
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {/* Destructuring loses the union's link between `multiline` and the rest: it holds by the props' type. */}
      {multiline ? (
        <textarea {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...field} />
      ) : (
        <input {...(rest as InputHTMLAttributes<HTMLInputElement>)} {...field} />
      )}
      <TextCounter id={`${id}-count`} length={length} max={max} />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}
