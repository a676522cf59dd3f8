import { NextResponse } from 'next/server';
import { isCrossSiteRequest } from './same-origin';

// Server actions are public POST endpoints. Next.js itself answers some malformed ones with a
// 500 (a cross-origin call, a body over its 1 MB limit, a body it cannot decode); these checks
// turn each of those into a clear 4xx before the request reaches it.

/** Next.js' default serverActions.bodySizeLimit. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

const refuse = (status: number, error: string) => NextResponse.json({ error }, { status });

const isJsonArray = (text: unknown) => {
  if (typeof text !== 'string') return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
};

/**
 * React encodes action arguments as a JSON array: the whole body (text/plain), or the part named
 * "0" of a multipart body (when an argument is a FormData).
 */
async function isDecodable(request: Request, contentType: string): Promise<boolean> {
  if (contentType.startsWith('text/plain')) return isJsonArray(await request.clone().text());
  try {
    return isJsonArray((await request.clone().formData()).get('0'));
  } catch {
    return false;
  }
}

/** A 4xx for a server-action request that would fail inside Next.js, or null to let it through. */
export async function guardServerAction(request: Request): Promise<NextResponse | null> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  if (isCrossSiteRequest(request)) return refuse(403, 'Cross-site requests are not allowed.');

  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!contentType.startsWith('text/plain') && !contentType.startsWith('multipart/form-data')) {
    return refuse(415, 'Unsupported content type for a form submission.');
  }
  const length = request.headers.get('content-length');
  if (length === null) return refuse(411, 'A Content-Length is required.');
  if (!/^\d+$/.test(length) || Number(length) > ACTION_BODY_LIMIT) {
    return refuse(413, `A form submission must be at most ${ACTION_BODY_LIMIT} bytes.`);
  }
  return (await isDecodable(request, contentType)) ? null : refuse(400, 'The form submission is malformed.');
}
