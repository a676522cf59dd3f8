import { z } from 'zod';

// A username from a URL. Usernames are stored lower-case and are [a-z0-9._], 3–30 long
// (lib/auth/validation.ts), so /u/Alice means alice, and what cannot be one is refused unread.
const USERNAME_IN_URL = /^[a-z0-9._]{1,30}$/;

export const usernameParam = z
  .string()
  .transform((name) => name.toLowerCase())
  .refine((name) => USERNAME_IN_URL.test(name), 'Invalid username.');

export function parseUsername(raw: string): string | null {
  const parsed = usernameParam.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
