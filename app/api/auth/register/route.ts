import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { attemptRegister } from '@/lib/auth/credentials';
import { TAKEN } from '@/lib/auth/form-state';
import { startSession } from '@/lib/auth/session';
import { registerSchema } from '@/lib/auth/validation';
import { AUTH_BODY_LIMIT, refuseCrossSite, tooManyAttempts } from '@/lib/http/guards';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/json';
import { clientIp } from '@/lib/security/client-ip';

/** JSON sign-up for programmatic clients: the same rules as the sign-up form, with HTTP statuses. */
export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJsonBody(request, AUTH_BODY_LIMIT);
  if (!body.ok) return body.response;
  const parsed = registerSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, 'Invalid request.', { fields: z.flattenError(parsed.error).fieldErrors });

  const result = await attemptRegister(parsed.data, clientIp(request.headers));
  if (!result.ok) {
    if (result.reason === 'rate-limited') return tooManyAttempts(result);
    return jsonError(409, TAKEN[result.field], { field: result.field });
  }
  await startSession(result.user);
  return jsonOk({ user: { id: result.user.id, username: result.user.username } }, 201);
}
