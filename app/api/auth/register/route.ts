import type { NextRequest } from 'next/server';
import { attemptRegister } from '@/lib/auth/credentials';
import { TAKEN } from '@/lib/auth/form-state';
import { startSession } from '@/lib/auth/session';
import { registerSchema } from '@/lib/auth/validation';
import { readAuthRequest, tooManyAttempts } from '@/lib/http/guards';
import { jsonError, jsonOk } from '@/lib/http/json';
import { clientIp } from '@/lib/security/client-ip';

/** JSON sign-up for programmatic clients: the same rules as the sign-up form, with HTTP statuses. */
export async function POST(request: NextRequest) {
  const parsed = await readAuthRequest(request, registerSchema);
  if (!parsed.ok) return parsed.response;

  const result = await attemptRegister(parsed.data, clientIp(request.headers));
  if (!result.ok) {
    if (result.reason === 'rate-limited') return tooManyAttempts(result);
    return jsonError(409, TAKEN[result.field], { field: result.field });
  }
  await startSession(result.user);
  return jsonOk({ user: { id: result.user.id, username: result.user.username } }, 201);
}
