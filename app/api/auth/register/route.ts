import { attemptRegister } from '@/lib/auth/credentials';
import { notEvaluated } from '@/lib/auth/json-answers';
import { TAKEN } from '@/lib/auth/messages';
import { currentRequester, signIn } from '@/lib/auth/sign-in';
import { AUTH_BODY_LIMIT, registerSchema } from '@/lib/auth/validation';
import { publicRoute } from '@/lib/http/route';
import { requestContextOf } from '@/lib/mail/request-context';
import { welcome } from '@/lib/account/verification';
import { jsonError, jsonOk } from '@/lib/http/json';

/** JSON sign-up for programmatic clients: the same rules as the sign-up form, with HTTP statuses. */
export const POST = publicRoute({ body: { schema: registerSchema, maxBytes: AUTH_BODY_LIMIT } }, async ({ body, request }) => {
  const requester = await currentRequester();
  const result = await attemptRegister(body, requester);
  if (!result.ok) return result.reason === 'taken' ? jsonError(409, TAKEN[result.field], { field: result.field }) : notEvaluated(result);
  await signIn(result.user, requester.device);
  welcome({ ...result.user, email: body.email }, requestContextOf(request.headers));
  return jsonOk({ user: { id: result.user.id, username: result.user.username } }, 201);
});
