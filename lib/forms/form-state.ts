/**
 * What a server action returns to its form (through useActionState): field errors to show next
 * to the fields, a message for the whole form, and `values` to refill the fields React resets
 * after an action. `values` never holds a password (see validatedAction).
 */
export type FormState<Field extends string = string> = {
  errors?: Partial<Record<Field, string[]>>;
  message?: string;
  /** Success, said politely (role=status) rather than as an error. */
  notice?: string;
  values?: Partial<Record<Field, string>>;
};
