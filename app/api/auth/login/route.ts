import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { attemptLogin } from '@/lib/auth/credentials';
import { INVALID_CREDENTIALS } from '@/lib/auth/form-state';
import { startSession } from '@/lib/auth/session';
import { loginSchema } from '@/lib/auth/validation';
import { AUTH_BODY_LIMIT, refuseCrossSite, tooManyAttempts } from '@/lib/http/guards';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/json';
import { clientIp } from '@/lib/security/client-ip';

/** JSON login for programmatic clients: the same rules as the login form, with HTTP statuses. */
export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJsonBody(request, AUTH_BODY_LIMIT);
  if (!body.ok) return body.response;
  const parsed = loginSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, 'Invalid request.', { fields: z.flattenError(parsed.error).fieldErrors });

  const result = await attemptLogin(parsed.data, clientIp(request.headers));
  if (!result.ok) return result.reason === 'rate-limited' ? tooManyAttempts(result) : jsonError(401, INVALID_CREDENTIALS);
  await startSession(result.user);
  return jsonOk({ user: { id: result.user.id, username: result.user.username } });
}
