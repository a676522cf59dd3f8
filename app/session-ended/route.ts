import { getViewer, hasAuthCookie } from '@/lib/auth/dal';
import { clearAuthCookies } from '@/lib/auth/sign-in';
import { redirectTo } from '@/lib/http/redirect';
import { ROUTES } from '@/lib/routes';

/**
 * The data access layer sends a request here when its cookie no longer holds. Only a cookie that
 * was sent and failed the check is cleared, so a link here (from any site) never logs anyone out.
 */
export async function GET() {
  if (await getViewer()) return redirectTo(ROUTES.home);
  if (!(await hasAuthCookie())) return redirectTo(ROUTES.login);
  await clearAuthCookies();
  return redirectTo(`${ROUTES.login}?reason=session-ended`);
}
