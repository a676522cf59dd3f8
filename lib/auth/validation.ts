import { z } from 'zod';
import { normalizePassword } from './password';
import { passwordStrength } from './password-strength';

/** bcrypt reads only the first 72 bytes; longer passwords are refused, never truncated silently. */
export const BCRYPT_MAX_BYTES = 72;

const codePoints = (s: string) => [...s].length;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Username must be at least 3 characters.')
  .max(30, 'Username must be at most 30 characters.')
  .regex(/^[a-z0-9._]+$/, 'Use only letters, numbers, dots and underscores.');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const newPasswordSchema = z
  .string()
  .refine((p) => codePoints(p) >= 8, 'Password must be at least 8 characters.')
  .refine((p) => codePoints(p) <= 64, 'Password must be at most 64 characters.')
  .refine(
    (p) => new TextEncoder().encode(normalizePassword(p)).byteLength <= BCRYPT_MAX_BYTES,
    `Password is too long: at most ${BCRYPT_MAX_BYTES} bytes (fewer characters if you use emoji or accents).`,
  );

export const registerSchema = z
  .object({ username: usernameSchema, email: emailSchema, password: newPasswordSchema })
  // Guessability is judged last, on a password of valid length, against the user's own details.
  .superRefine(({ username, email, password }, ctx) => {
    const strength = passwordStrength(normalizePassword(password), [username, email]);
    if (!strength.acceptable) {
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message: `This password is too easy to guess. ${strength.hint ?? 'Add a few more words or characters.'}`,
      });
    }
  });

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email.').max(254, 'Email is too long.'),
  // Only a bound here: login never reveals the password rules, it just fails.
  password: z.string().min(1, 'Enter your password.').max(1024, 'Password is too long.'),
});

export type RegisterInput = z.infer<typeof registerSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
