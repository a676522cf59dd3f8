import 'server-only';
import { type Busy, type Requester, attemptLogin } from '@/lib/auth/credentials';
import type { RateLimited } from '@/lib/security/rate-limit';
import type { Account } from './queries';

/**
 * The viewer proves it is them before a change that cannot be undone from a stolen cookie alone
 * (new password, deleted account). It is a login attempt in every way: the same counters (per
 * account, or per trusted device, and per client), reserved before bcrypt runs, so this form is
 * no better an oracle for guessing the password than the login form.
 */
export async function confirmPassword(
  account: Pick<Account, 'id' | 'email'>,
  password: string,
  requester: Requester,
): Promise<{ ok: true; tokenEpoch: number } | { ok: false; reason: 'invalid' } | RateLimited | Busy> {
  const result = await attemptLogin({ email: account.email, password }, requester);
  if (!result.ok) return result;
  // The email is the viewer's own, read by id a moment ago; a different id means it changed hands.
  return result.user.id === account.id ? { ok: true, tokenEpoch: result.user.tokenEpoch } : { ok: false, reason: 'invalid' };
}
