import type { NextResponse } from 'next/server';
import { type ZodType, z } from 'zod';
import type { RateLimited } from '@/lib/auth/credentials';
import { retryMessage } from '@/lib/security/rate-limit';
import { isCrossSiteRequest } from '@/lib/security/same-origin';
import { jsonError, readJsonBody } from './json';

/** Credentials are a few hundred bytes; anything much larger is refused before parsing. */
const AUTH_BODY_LIMIT = 8 * 1024;

export function refuseCrossSite(request: Request) {
  return isCrossSiteRequest(request) ? jsonError(403, 'Cross-site requests are not allowed.') : null;
}

export function tooManyAttempts({ retryAfterSeconds }: RateLimited) {
  return jsonError(429, retryMessage(retryAfterSeconds), {}, { 'Retry-After': String(retryAfterSeconds) });
}

export type AuthRequest<T> = { ok: true; data: T } | { ok: false; response: NextResponse };

/**
 * The shared front of the JSON auth routes: refuse cross-site calls, read a bounded JSON body,
 * validate it with the form's own schema (400 with field errors).
 */
export async function readAuthRequest<T>(request: Request, schema: ZodType<T>): Promise<AuthRequest<T>> {
  const refused = refuseCrossSite(request);
  if (refused) return { ok: false, response: refused };
  const body = await readJsonBody(request, AUTH_BODY_LIMIT);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    return { ok: false, response: jsonError(400, 'Invalid request.', { fields: z.flattenError(parsed.error).fieldErrors }) };
  }
  return { ok: true, data: parsed.data };
}
