/**
 * CSRF defence for JSON routes, on top of SameSite=Strict cookies: refuse a request that the
 * browser marks as cross-site (Sec-Fetch-Site) or whose Origin is not this site. Requests from
 * non-browser clients carry neither header and pass; they carry no victim's cookies either.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;

  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" or garbage
  }
}
