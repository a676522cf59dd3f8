import 'server-only';
import { getConfig } from '@/lib/config';
import { LIMITS, type RateLimit, firstLimited, recordHit, resetLimit } from '@/lib/security/rate-limit';
import { createUser, findUserByEmail } from '@/lib/users/queries';
import { dummyHash, hashPassword, verifyPassword } from './password';
import type { TokenUser } from './token';
import type { LoginInput, RegisterInput } from './validation';

// Login and sign-up as plain functions of validated input and the client address, shared by
// the server actions (forms) and the JSON API, so both enforce exactly the same rules.

export type RateLimited = { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };
export type LoginResult = { ok: true; user: TokenUser } | { ok: false; reason: 'invalid' } | RateLimited;
export type RegisterResult =
  | { ok: true; user: TokenUser }
  | { ok: false; reason: 'taken'; field: 'username' | 'email' }
  | RateLimited;

export async function attemptLogin({ email, password }: LoginInput, client: string): Promise<LoginResult> {
  const limits: [RateLimit, string][] = [
    [LIMITS.loginPerAccount, email],
    [LIMITS.loginPerClient, client],
  ];
  const limited = await firstLimited(limits);
  if (limited.limited) return { ok: false, reason: 'rate-limited', retryAfterSeconds: limited.retryAfterSeconds };

  const user = await findUserByEmail(email);
  // Always one bcrypt comparison, so an unknown email takes as long as a wrong password.
  const hash = user?.passwordHash ?? (await dummyHash(getConfig().bcryptCost));
  const matches = await verifyPassword(password, hash);
  if (!user || !matches) {
    for (const [limit, subject] of limits) await recordHit(limit, subject);
    return { ok: false, reason: 'invalid' };
  }
  await resetLimit(LIMITS.loginPerAccount, email);
  return { ok: true, user: { id: user.id, username: user.username, tokenEpoch: user.tokenEpoch } };
}

export async function attemptRegister(input: RegisterInput, client: string): Promise<RegisterResult> {
  const limited = await firstLimited([[LIMITS.signupPerClient, client]]);
  if (limited.limited) return { ok: false, reason: 'rate-limited', retryAfterSeconds: limited.retryAfterSeconds };
  await recordHit(LIMITS.signupPerClient, client);

  // Hash first: a taken email then costs the same time as a new account.
  const passwordHash = await hashPassword(input.password, getConfig().bcryptCost);
  const created = await createUser({ username: input.username, email: input.email, passwordHash });
  return created.ok ? created : { ok: false, reason: 'taken', field: created.taken };
}
