import { z } from 'zod';
import { normalizePassword } from './password';
import { passwordStrength } from './password-strength';

/** Credentials are a few hundred bytes; a JSON body much larger is refused before parsing. */
export const AUTH_BODY_LIMIT = 8 * 1024;

/** bcrypt reads only the first 72 bytes; longer passwords are refused, never truncated silently. */
const BCRYPT_MAX_BYTES = 72;

const codePoints = (s: string) => [...s].length;

const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Username must be at least 3 characters.')
  .max(30, 'Username must be at most 30 characters.')
  .regex(/^[a-z0-9._]+$/, 'Use only letters, numbers, dots and underscores.');

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

/** bcrypt's own limit, checked the same way at sign-up and at login. */
const withinBcryptLimit = (p: string) => new TextEncoder().encode(normalizePassword(p)).byteLength <= BCRYPT_MAX_BYTES;
const TOO_MANY_BYTES = `Password is too long: at most ${BCRYPT_MAX_BYTES} bytes (fewer characters if you use emoji or accents).`;

export const newPasswordSchema = z
  .string()
  .refine((p) => codePoints(p) >= 8, 'Password must be at least 8 characters.')
  .refine((p) => codePoints(p) <= 64, 'Password must be at most 64 characters.')
  .refine(withinBcryptLimit, TOO_MANY_BYTES);

/** Why a new password of valid length is refused as guessable (judged against the user's own details), or undefined. */
export function guessabilityProblem(password: string, userInputs: string[]): string | undefined {
  const strength = passwordStrength(normalizePassword(password), userInputs);
  return strength.acceptable ? undefined : `This password is too easy to guess. ${strength.hint ?? 'Add a few more words or characters.'}`;
}

export const registerSchema = z
  .object({ username: usernameSchema, email: emailSchema, password: newPasswordSchema })
  // Guessability is judged last, on a password of valid length, against the user's own details.
  .superRefine(({ username, email, password }, ctx) => {
    const guessable = guessabilityProblem(password, [username, email]);
    if (guessable) ctx.addIssue({ code: 'custom', path: ['password'], message: guessable });
  });

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email.').max(254, 'Email is too long.'),
  // Login never reveals the sign-up rules, it just fails; but a password bcrypt would cut short
  // is refused, as at sign-up, rather than compared on its first 72 bytes.
  password: z.string().min(1, 'Enter your password.').max(1024, TOO_MANY_BYTES).refine(withinBcryptLimit, TOO_MANY_BYTES),
});

/** Asking for a reset link: an address of the sign-up shape (anything else cannot have an account). */
export const forgotPasswordSchema = z.object({ email: emailSchema });

/** A new password from a mailed link; the token's format is the link's business (lib/account/tokens.ts). */
export const resetPasswordSchema = z.object({ token: z.string().max(100), password: newPasswordSchema });

export type RegisterInput = z.infer<typeof registerSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
