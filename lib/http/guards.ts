import type { RateLimited } from '@/lib/auth/credentials';
import { retryMessage } from '@/lib/security/rate-limit';
import { isCrossSiteRequest } from '@/lib/security/same-origin';
import { jsonError } from './json';

/** Credentials are a few hundred bytes; anything much larger is refused before parsing. */
export const AUTH_BODY_LIMIT = 8 * 1024;

export function refuseCrossSite(request: Request) {
  return isCrossSiteRequest(request) ? jsonError(403, 'Cross-site requests are not allowed.') : null;
}

export function tooManyAttempts({ retryAfterSeconds }: RateLimited) {
  return jsonError(429, retryMessage(retryAfterSeconds), {}, { 'Retry-After': String(retryAfterSeconds) });
}
