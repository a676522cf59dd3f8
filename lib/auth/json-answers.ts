import 'server-only';
import { retryLater } from '@/lib/http/json';
import { type RateLimited, retryMessage } from '@/lib/security/rate-limit';
import type { Busy } from './credentials';
import { BUSY } from './messages';

/** The JSON answer to a login or sign-up that was not evaluated: 429 (limit) or 503 (busy), with Retry-After. */
export function notEvaluated(result: RateLimited | Busy) {
  return result.reason === 'rate-limited'
    ? retryLater(429, retryMessage(result.retryAfterSeconds), result.retryAfterSeconds)
    : retryLater(503, BUSY, result.retryAfterSeconds);
}
