import { z } from 'zod';

const MESSAGE = 'Post id must be a positive whole number.';

/** A post id from a URL: a positive safe integer written plainly ("1", not "01" or "1e3"). */
export const postIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, MESSAGE)
  .transform(Number)
  .refine(Number.isSafeInteger, MESSAGE);

export function parsePostId(raw: string): number | null {
  const parsed = postIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
