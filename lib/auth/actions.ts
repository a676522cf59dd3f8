'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clientIp } from '@/lib/security/client-ip';
import { retryMessage } from '@/lib/security/rate-limit';
import { attemptLogin, attemptRegister } from './credentials';
import { getCurrentSession, verifySession } from './dal';
import { type AuthFormState, INVALID_CREDENTIALS, TAKEN, formText } from './form-state';
import { HOME_PATH, safeNextPath } from './redirect';
import { endAllSessions, endSession, startSession } from './session';
import { deleteUserSession } from './session-store';
import { loginSchema, registerSchema } from './validation';

const requestClient = async () => clientIp(await headers());

export async function register(_prev: AuthFormState, formData: unknown): Promise<AuthFormState> {
  const input = {
    username: formText(formData, 'username'),
    email: formText(formData, 'email'),
    password: formText(formData, 'password'),
  };
  const values = { username: input.username, email: input.email };
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };

  const result = await attemptRegister(parsed.data, await requestClient());
  if (!result.ok) {
    if (result.reason === 'rate-limited') return { message: retryMessage(result.retryAfterSeconds), values };
    return { errors: { [result.field]: [TAKEN[result.field]] }, values };
  }
  await startSession(result.user);
  redirect(HOME_PATH);
}

export async function login(_prev: AuthFormState, formData: unknown): Promise<AuthFormState> {
  const input = { email: formText(formData, 'email'), password: formText(formData, 'password') };
  const values = { email: input.email };
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };

  const result = await attemptLogin(parsed.data, await requestClient());
  if (!result.ok) {
    return { message: result.reason === 'rate-limited' ? retryMessage(result.retryAfterSeconds) : INVALID_CREDENTIALS, values };
  }
  await startSession(result.user);
  redirect(safeNextPath(formText(formData, 'next')));
}

export async function logout(): Promise<void> {
  await endSession(await getCurrentSession());
  redirect('/login');
}

/** Ends every session of the user, on every device, this one included. */
export async function logoutEverywhere(): Promise<void> {
  const user = await verifySession();
  await endAllSessions(user.id);
  redirect('/login');
}

/** Revokes one of the user's sessions (session strategy); revoking this one logs out here. */
export async function revokeSession(formData: unknown): Promise<void> {
  const user = await verifySession();
  const current = await getCurrentSession();
  const id = formText(formData, 'sessionId');
  if (current?.strategy === 'session' && current.session.id === id) {
    await endSession(current);
    redirect('/login');
  }
  await deleteUserSession(user.id, id);
  revalidatePath('/settings/sessions');
}
