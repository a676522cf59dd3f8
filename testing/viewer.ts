// For unit tests of data functions: the cookies a real login of `user` would have set, under the
// strategy AUTH_STRATEGY names, minted by the strategy itself.
import { activeStrategy } from '@/lib/auth/strategies';
import { inRequest } from './next-request';

type User = { id: number; username: string; tokenEpoch?: number };

export async function loginCookies(user: User): Promise<Record<string, string>> {
  const strategy = activeStrategy();
  const value = await strategy.issue({ tokenEpoch: 0, ...user }, { userAgent: 'vitest', previous: undefined });
  return { [strategy.cookie.name]: value };
}

/** Runs `fn` as a request of the logged-in `user`. */
export async function asViewer<T>(user: User, fn: () => Promise<T>): Promise<T> {
  return (await inRequest({ cookies: await loginCookies(user) }, fn)).result;
}
