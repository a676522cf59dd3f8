import 'server-only';
import { cookies } from 'next/headers';
import { TOKEN_COOKIE, clearedCookieOptions, tokenCookieOptions } from './cookie';
import { getSigningKey } from './secret';
import { type TokenUser, type VerifiedToken, signToken, verifyToken } from './token';

/** Logs the user in: a fresh signed token in the `token` cookie. */
export async function startSession(user: TokenUser): Promise<void> {
  const token = await signToken(user, await getSigningKey());
  (await cookies()).set(TOKEN_COOKIE, token, tokenCookieOptions);
}

/** The verified token of this request, or null. */
export async function readSession(): Promise<VerifiedToken | null> {
  const token = (await cookies()).get(TOKEN_COOKIE)?.value;
  return verifyToken(token, await getSigningKey());
}

export async function endSession(): Promise<void> {
  (await cookies()).set(TOKEN_COOKIE, '', clearedCookieOptions);
}
