import type { NextRequest } from 'next/server';
import { attemptLogin } from '@/lib/auth/credentials';
import { INVALID_CREDENTIALS } from '@/lib/auth/form-state';
import { startSession } from '@/lib/auth/session';
import { loginSchema } from '@/lib/auth/validation';
import { readAuthRequest, tooManyAttempts } from '@/lib/http/guards';
import { jsonError, jsonOk } from '@/lib/http/json';
import { clientIp } from '@/lib/security/client-ip';

/** JSON login for programmatic clients: the same rules as the login form, with HTTP statuses. */
export async function POST(request: NextRequest) {
  const parsed = await readAuthRequest(request, loginSchema);
  if (!parsed.ok) return parsed.response;

  const result = await attemptLogin(parsed.data, clientIp(request.headers));
  if (!result.ok) return result.reason === 'rate-limited' ? tooManyAttempts(result) : jsonError(401, INVALID_CREDENTIALS);
  await startSession(result.user);
  return jsonOk({ user: { id: result.user.id, username: result.user.username } });
}
