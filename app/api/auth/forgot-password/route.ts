import { RESET_REQUESTED } from '@/lib/account/messages';
import { requestPasswordReset } from '@/lib/account/password-reset';
import { notEvaluated } from '@/lib/auth/json-answers';
import { currentRequester } from '@/lib/auth/sign-in';
import { AUTH_BODY_LIMIT, forgotPasswordSchema } from '@/lib/auth/validation';
import { jsonOk } from '@/lib/http/json';
import { publicRoute } from '@/lib/http/route';
import { requestContextOf } from '@/lib/mail/request-context';

/** JSON "Send reset link": 202 with the same words for every address; 429 only per client. */
export const POST = publicRoute({ body: { schema: forgotPasswordSchema, maxBytes: AUTH_BODY_LIMIT } }, async ({ body, request }) => {
  const { client } = await currentRequester();
  const result = await requestPasswordReset(body.email, client, requestContextOf(request.headers));
  return result.ok ? jsonOk({ message: RESET_REQUESTED }, 202) : notEvaluated(result);
});
