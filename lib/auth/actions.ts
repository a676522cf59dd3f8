'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { welcome } from '@/lib/account/verification';
import { validatedAction, formText } from '@/lib/forms/validated-action';
import { requestContextOf } from '@/lib/mail/request-context';
import { ROUTES, loginPath } from '@/lib/routes';
import { retryMessage } from '@/lib/security/rate-limit';
import { attemptLogin, attemptRegister } from './credentials';
import { getSession, verifySession } from './dal';
import { BUSY, INVALID_CREDENTIALS, TAKEN } from './messages';
import { safeNextPath } from './redirect';
import { revokeMySession } from './sessions';
import { currentRequester, signIn, signOut, signOutEverywhere } from './sign-in';
import { loginSchema, registerSchema } from './validation';

export const register = validatedAction(registerSchema, { echo: ['username', 'email'] }, async (input) => {
  const requester = await currentRequester();
  const result = await attemptRegister(input, requester);
  if (!result.ok) {
    if (result.reason === 'rate-limited') return { message: retryMessage(result.retryAfterSeconds) };
    if (result.reason === 'busy') return { message: BUSY };
    return { errors: { [result.field]: [TAKEN[result.field]] } };
  }
  await signIn(result.user, requester.device);
  welcome({ ...result.user, email: input.email }, requestContextOf(await headers()));
  redirect(ROUTES.home);
});

export const login = validatedAction(loginSchema, { echo: ['email'] }, async (input, formData) => {
  const requester = await currentRequester();
  const result = await attemptLogin(input, requester);
  if (!result.ok) {
    if (result.reason === 'rate-limited') return { message: retryMessage(result.retryAfterSeconds) };
    return { message: result.reason === 'busy' ? BUSY : INVALID_CREDENTIALS };
  }
  await signIn(result.user, requester.device);
  redirect(safeNextPath(formText(formData, 'next')));
});

export async function logout(): Promise<void> {
  await signOut();
  redirect(loginPath());
}

/** Ends every session of the user, on every device, this one included. */
export async function logoutEverywhere(): Promise<void> {
  const viewer = await verifySession();
  await signOutEverywhere(viewer.id);
  redirect(loginPath());
}

/** Revokes one of the viewer's sessions (session strategy); revoking this one logs out here. */
export async function revokeSession(formData: unknown): Promise<void> {
  await verifySession();
  const id = formText(formData, 'sessionId');
  if ((await getSession())?.id === id) {
    await signOut();
    redirect(loginPath());
  }
  await revokeMySession(id);
  revalidatePath(ROUTES.sessions);
}
