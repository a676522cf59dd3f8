import { attemptLogin } from '@/lib/auth/credentials';
import { notEvaluated } from '@/lib/auth/json-answers';
import { INVALID_CREDENTIALS } from '@/lib/auth/messages';
import { currentRequester, signIn } from '@/lib/auth/sign-in';
import { AUTH_BODY_LIMIT, loginSchema } from '@/lib/auth/validation';
import { publicRoute } from '@/lib/http/route';
import { jsonError, jsonOk } from '@/lib/http/json';

/** JSON login for programmatic clients: the same rules as the login form, with HTTP statuses. */
export const POST = publicRoute({ body: { schema: loginSchema, maxBytes: AUTH_BODY_LIMIT } }, async ({ body }) => {
  const requester = await currentRequester();
  const result = await attemptLogin(body, requester);
  if (!result.ok) return result.reason === 'invalid' ? jsonError(401, INVALID_CREDENTIALS) : notEvaluated(result);
  await signIn(result.user, requester.device);
  return jsonOk({ user: { id: result.user.id, username: result.user.username } });
});
