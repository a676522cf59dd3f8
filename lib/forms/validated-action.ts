import 'server-only';
import { z } from 'zod';
import type { FormState } from './form-state';

/**
 * A text field of a submitted form; '' when missing or not text. Actions are public endpoints:
 * `formData` is whatever the caller sent, not necessarily a FormData.
 */
export function formText(formData: unknown, name: string): string {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === 'string' ? value : '';
}

type Shape = z.ZodObject<Record<string, z.ZodType<unknown, string>>>;
type Field<S extends Shape> = Extract<keyof S['shape'], string>;

/** Fields whose value must never travel back to the browser. */
const SECRET_FIELD = /password|secret|token/i;

/**
 * The one way a form's server action validates: reads the schema's fields from the FormData as
 * text, returns field errors (and the fields in `echo`, to refill the form) when the schema
 * refuses them, else runs `action` with the parsed data. A field that names a secret can never
 * be echoed.
 */
export function validatedAction<S extends Shape, E extends Field<S>>(
  schema: S,
  options: { echo: readonly E[] },
  action: (data: z.output<S>, formData: FormData) => Promise<FormState<Field<S>>>,
): (previous: FormState<Field<S>>, formData: unknown) => Promise<FormState<Field<S>>> {
  const secret = options.echo.find((name) => SECRET_FIELD.test(name));
  if (secret) throw new Error(`validatedAction: "${secret}" is a secret and cannot be echoed back`);
  const fields = Object.keys(schema.shape) as Field<S>[];

  return async (_previous, formData) => {
    const input = Object.fromEntries(fields.map((name) => [name, formText(formData, name)]));
    const values = Object.fromEntries(options.echo.map((name) => [name, input[name] ?? ''])) as FormState<Field<S>>['values'];
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { errors: z.flattenError(parsed.error).fieldErrors as FormState<Field<S>>['errors'], values };
    }
    const result = await action(parsed.data, formData instanceof FormData ? formData : new FormData());
    return { values, ...result };
  };
}
