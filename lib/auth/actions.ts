'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { createUser, findUserByEmail } from '@/lib/users/queries';
import { type AuthFormState, INVALID_CREDENTIALS, formText } from './form-state';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { HOME_PATH, safeNextPath } from './redirect';
import { getCurrentSession, verifySession } from './dal';
import { endAllSessions, endSession, startSession } from './session';
import { deleteUserSession } from './session-store';
import { loginSchema, registerSchema } from './validation';

const TAKEN = {
  username: 'That username is taken. Try another one.',
  email: 'An account with this email already exists. Log in instead?',
} as const;

export async function register(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = {
    username: formText(formData, 'username'),
    email: formText(formData, 'email'),
    password: formText(formData, 'password'),
  };
  const values = { username: input.username, email: input.email };
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };

  const { username, email, password } = parsed.data;
  const passwordHash = await hashPassword(password, getConfig().bcryptCost);
  const created = await createUser({ username, email, passwordHash });
  if (!created.ok) return { errors: { [created.taken]: [TAKEN[created.taken]] }, values };

  await startSession(created.user);
  redirect(HOME_PATH);
}

export async function login(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = { email: formText(formData, 'email'), password: formText(formData, 'password') };
  const values = { email: input.email };
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };

  const user = await findUserByEmail(parsed.data.email);
  // Always one bcrypt comparison, so an unknown email takes as long as a wrong password.
  const hash = user?.passwordHash ?? (await dummyHash(getConfig().bcryptCost));
  const passwordMatches = await verifyPassword(parsed.data.password, hash);
  if (!user || !passwordMatches) return { message: INVALID_CREDENTIALS, values };

  await startSession(user);
  redirect(safeNextPath(formData.get('next')));
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
export async function revokeSession(formData: FormData): Promise<void> {
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
