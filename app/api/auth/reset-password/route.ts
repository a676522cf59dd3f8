import { LINK_EXPIRED, LINK_INVALID } from '@/lib/account/messages';
import { resetPassword } from '@/lib/account/password-reset';
import { notEvaluated } from '@/lib/auth/json-answers';
import { currentRequester, signIn } from '@/lib/auth/sign-in';
import { AUTH_BODY_LIMIT, resetPasswordSchema } from '@/lib/auth/validation';
import { jsonError, jsonOk } from '@/lib/http/json';
import { publicRoute } from '@/lib/http/route';
import { requestContextOf } from '@/lib/mail/request-context';

/**
 * JSON reset with a mailed link's token: 200 and a fresh login; 400 for a refused password; 410
 * for a link that was used, replaced or expired.
 */
export const POST = publicRoute({ body: { schema: resetPasswordSchema, maxBytes: AUTH_BODY_LIMIT } }, async ({ body, request }) => {
  const { device } = await currentRequester();
  const result = await resetPassword(body.token, body.password, requestContextOf(request.headers));
  if (!result.ok) {
    if (result.reason === 'weak') return jsonError(400, 'Invalid request.', { fields: { password: [result.message] } });
    if (result.reason === 'busy') return notEvaluated(result);
    return jsonError(410, result.reason === 'expired' ? LINK_EXPIRED : LINK_INVALID);
  }
  await signIn(result.user, device);
  return jsonOk({ user: { id: result.user.id, username: result.user.username } });
});
