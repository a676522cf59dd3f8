import { z } from 'zod';

/** A row id from a URL: a positive safe integer written plainly ("1", not "01" or "1e3"). */
export const rowIdSchema = (message: string) => z.string().regex(/^[1-9]\d{0,15}$/, message).transform(Number).refine(Number.isSafeInteger, message);

export const postIdSchema = rowIdSchema('Post id must be a positive whole number.');

export function parsePostId(raw: string): number | null {
  const parsed = postIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
