// The data access layer's door under one strategy (dal.jwt.test.ts, dal.session.test.ts): the
// real strategies and database; only Next's request (cookies, headers) is stood in for.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthStrategy } from '@/lib/config';
import { createTestUser, useTestDatabase } from '@/testing/database';
import { inRequest } from '@/testing/next-request';
import { loginCookies } from '@/testing/viewer';
import { AUTH_COOKIES, DEVICE_COOKIE } from './cookies';
import { UnauthenticatedError, getViewer, requireViewer, verifySession } from './dal';
import { signIn, signOut, signOutEverywhere } from './sign-in';
import { STRATEGIES } from './strategies';

const redirectTarget = (err: unknown) => (err as { digest?: string }).digest?.split(';')[2];

async function redirectOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (err) {
    return redirectTarget(err);
  }
  return undefined;
}

export function describeDal(strategy: AuthStrategy) {
  process.env.AUTH_STRATEGY = strategy;
  const cookie = AUTH_COOKIES[strategy];
  let user: { id: number; username: string };

  beforeAll(async () => {
    await useTestDatabase();
    user = { id: await createTestUser(`dal_${strategy}`), username: `dal_${strategy}` };
  });

  describe(`the data access layer (${strategy})`, () => {
    it('refuses a request without a valid login: no viewer, data functions throw, pages redirect to /login', async () => {
      for (const cookies of [{}, { [cookie.name]: 'garbage' }, { [AUTH_COOKIES[strategy === 'jwt' ? 'session' : 'jwt'].name]: 'x' }]) {
        await inRequest({ cookies }, async () => {
          expect(await getViewer()).toBeNull();
          await expect(requireViewer()).rejects.toThrow(UnauthenticatedError);
        });
      }
      expect(await redirectOf(() => inRequest({}, verifySession))).toBe('/login');
    });

    it('knows the viewer of a valid login, checking it once per request', async () => {
      const cookies = await loginCookies(user);
      const authenticate = vi.spyOn(STRATEGIES[strategy], 'authenticate');
      const { result } = await inRequest({ cookies }, async () => [await getViewer(), await requireViewer(), await verifySession()]);
      expect(result).toEqual([user, user, user]);
      expect(authenticate).toHaveBeenCalledTimes(1);
      authenticate.mockRestore();
    });

    it('signs in with exactly the cookie attributes, and a device cookie', async () => {
      const { jar } = await inRequest({}, () => signIn({ ...user, tokenEpoch: 0 }, null));
      const written = new Map(jar.written.map((c) => [c.name, c.options]));
      expect(written.get(cookie.name)).toEqual({ httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: cookie.maxAge });
      expect(written.get(DEVICE_COOKIE.name)).toEqual({ httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: DEVICE_COOKIE.maxAge });
      expect([...written.keys()].sort()).toEqual([DEVICE_COOKIE.name, cookie.name].sort());
    });

    it('after logout, the same cookie is refused and pages send it to /session-ended to be cleared', async () => {
      const cookies = await loginCookies(user);
      const { jar } = await inRequest({ cookies }, signOut);
      expect(jar.written).toEqual([{ name: cookie.name, value: '', options: expect.objectContaining({ maxAge: 0 }) as unknown }]);
      await inRequest({ cookies }, async () => expect(await getViewer()).toBeNull());
      expect(await redirectOf(() => inRequest({ cookies }, verifySession))).toBe('/session-ended');
    });

    it('"log out of all devices" ends every login of the user', async () => {
      const phone = await loginCookies(user);
      const laptop = await loginCookies(user);
      await inRequest({ cookies: laptop }, () => signOutEverywhere(user.id));
      for (const cookies of [phone, laptop]) await inRequest({ cookies }, async () => expect(await getViewer()).toBeNull());
    });
  });
}
