import { TextField } from '@/components/ui/text-field';

/** The "Email" field of the auth forms, refilled after a refused submit. */
export function EmailField({ defaultValue, errors }: { defaultValue?: string | undefined; errors?: string[] | undefined }) {
  return <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={defaultValue} errors={errors} />;
}
