// OWASP's "device cookie" against account lockout: after a successful login the browser gets a
// signed cookie naming the accounts that logged in on it. A failed login from such a browser
// counts against that browser only, so a stranger's failures (which lock out untrusted clients)
// never stop the owner logging in from a device they used before, and guessing from anywhere
// else stays as limited as it was. Signed with a key derived for this purpose alone, so it can
// never pass as a login token.
import 'server-only';
import { SignJWT, base64url, jwtVerify } from 'jose';
import { DEVICE_COOKIE } from './cookies';
import { getDeviceKeyring } from './secret';
import { isCanonicalToken, keyOf } from './strategies/jwt-token';

/** A browser that logged in before: its own random id, and the accounts (user ids) it logged in to. */
export type Device = Readonly<{ id: string; accounts: readonly number[] }>;

const TYPE = 'device+jwt';
/** A shared family computer may hold a few accounts; the oldest drops out after this many. */
const MAX_ACCOUNTS = 5;
const MAX_COOKIE_LENGTH = 1024;

export async function readDeviceCookie(value: string | undefined): Promise<Device | null> {
  if (!value || value.length > MAX_COOKIE_LENGTH || !isCanonicalToken(value)) return null;
  const keyring = await getDeviceKeyring();
  try {
    const { payload } = await jwtVerify(value, keyOf(keyring), {
      algorithms: ['HS256'],
      typ: TYPE,
      issuer: keyring.audience,
      audience: keyring.audience,
      requiredClaims: ['sub', 'exp'],
    });
    const accounts = payload.accounts;
    if (typeof payload.sub !== 'string' || !/^[\w-]{22}$/.test(payload.sub) || !Array.isArray(accounts)) return null;
    if (accounts.length > MAX_ACCOUNTS || !accounts.every((a) => Number.isSafeInteger(a) && (a as number) > 0)) return null;
    return { id: payload.sub, accounts: accounts as number[] };
  } catch {
    return null;
  }
}

/** A new browser's id: 128 random bits. */
export const newDeviceId = () => base64url.encode(crypto.getRandomValues(new Uint8Array(16)));

/** The device cookie after `userId` logged in on this browser: same device id, that account first. */
export async function deviceCookieAfterLogin(device: Device | null, userId: number): Promise<string> {
  const keyring = await getDeviceKeyring();
  const accounts = [userId, ...(device?.accounts ?? []).filter((a) => a !== userId)].slice(0, MAX_ACCOUNTS);
  return new SignJWT({ accounts })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE, kid: keyring.current.kid })
    .setSubject(device?.id ?? newDeviceId())
    .setIssuer(keyring.audience)
    .setAudience(keyring.audience)
    .setIssuedAt()
    .setExpirationTime(`${DEVICE_COOKIE.maxAge}s`)
    .sign(keyring.current.key);
}

/** Whether this browser logged in to the account before. */
export function trusts(device: Device | null, userId: number | undefined): device is Device {
  return device !== null && userId !== undefined && device.accounts.includes(userId);
}
