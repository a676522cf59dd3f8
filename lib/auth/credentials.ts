import 'server-only';
import { getConfig } from '@/lib/config';
import { LIMITS, type RateLimit, type RateLimited, releaseAttempts, reserveAttempt, reserveAttempts, resetLimit } from '@/lib/security/rate-limit';
import { createUser, findUserByEmail, updatePasswordHash } from '@/lib/users/queries';
import { type Device, trusts } from './device-cookie';
import { PasswordPoolBusyError, dummyHash, hashCost, hashPassword, verifyPassword } from './password';
import type { TokenUser } from './strategies/jwt-token';
import type { LoginInput, RegisterInput } from './validation';

// Login and sign-up as plain functions of validated input and where the request came from,
// shared by the server actions (forms) and the JSON API, so both enforce exactly the same rules.

/** The password pool is full: nothing was evaluated, try again in a moment. */
export type Busy = { ok: false; reason: 'busy'; retryAfterSeconds: number };
type LoginResult = { ok: true; user: TokenUser } | { ok: false; reason: 'invalid' } | RateLimited | Busy;
type RegisterResult =
  | { ok: true; user: TokenUser }
  | { ok: false; reason: 'taken'; field: 'username' | 'email' }
  | RateLimited
  | Busy;

/** Who is asking: the client address, and this browser's device cookie if it has a valid one. */
export type Requester = { client: string; device: Device | null };

type Counter = readonly [RateLimit, string];

const busy = (err: PasswordPoolBusyError): Busy => ({ ok: false, reason: 'busy', retryAfterSeconds: err.retryAfterSeconds });

/**
 * Each attempt is counted before bcrypt runs, so parallel requests cannot slip past a limit. A
 * browser that logged in to this account before is limited on its own counter; every other
 * attempt counts against the email (the same for an unknown one) and against the client.
 */
export async function attemptLogin({ email, password }: LoginInput, { client, device }: Requester): Promise<LoginResult> {
  const user = await findUserByEmail(email);
  const trusted = trusts(device, user?.id);
  const own: Counter = trusted ? [LIMITS.loginPerDevice, device.id] : [LIMITS.loginPerAccount, email];
  const clientCounter: Counter = [LIMITS.loginPerClient, client];
  const reserved = await reserveAttempts(trusted ? [own] : [own, clientCounter]);
  if (!reserved.ok) return reserved;

  const { bcryptCost } = getConfig();
  let matches: boolean;
  try {
    // Always one bcrypt comparison, so an unknown email takes as long as a wrong password.
    matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash(bcryptCost)));
  } catch (err) {
    if (!(err instanceof PasswordPoolBusyError)) throw err;
    await releaseAttempts(reserved.reservations);
    return busy(err);
  }
  if (!user || !matches) return { ok: false, reason: 'invalid' };

  // Success ends the run of failures on the account (or this device) and does not count
  // against the client.
  await resetLimit(...own);
  await releaseAttempts(reserved.reservations.slice(1)); // the client's, when it was counted
  if (hashCost(user.passwordHash) !== bcryptCost) await rehash(user.id, password, bcryptCost);
  return { ok: true, user: { id: user.id, username: user.username, tokenEpoch: user.tokenEpoch } };
}

/** BCRYPT_COST changed since this hash was made: store one of today's cost (best effort). */
async function rehash(userId: number, password: string, cost: number) {
  try {
    await updatePasswordHash(userId, await hashPassword(password, cost));
  } catch (err) {
    if (!(err instanceof PasswordPoolBusyError)) throw err;
  }
}

export async function attemptRegister(input: RegisterInput, { client }: Requester): Promise<RegisterResult> {
  const reserved = await reserveAttempt(LIMITS.signupPerClient, client);
  if (!reserved.ok) return reserved;

  let passwordHash: string;
  try {
    // Hash first: a taken email then costs the same time as a new account.
    passwordHash = await hashPassword(input.password, getConfig().bcryptCost);
  } catch (err) {
    if (!(err instanceof PasswordPoolBusyError)) throw err;
    await releaseAttempts(reserved.reservations);
    return busy(err);
  }
  const created = await createUser({ username: input.username, email: input.email, passwordHash });
  return created.ok ? created : { ok: false, reason: 'taken', field: created.taken };
}
