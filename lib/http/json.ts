import { NextResponse } from 'next/server';

// JSON answers for route handlers and the proxy: never cached, never a stack trace.

const NO_STORE = { 'Cache-Control': 'no-store' };

/** A JSON error body `{ "error": "..." }` a person can act on. */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return NextResponse.json({ error, ...extra }, { status, headers: { ...NO_STORE, ...headers } });
}

export function jsonOk(body: unknown, status = 200) {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

/** 429 or 503 with Retry-After: the request may succeed later, and the header says when. */
export function retryLater(status: 429 | 503, error: string, retryAfterSeconds: number) {
  return jsonError(status, error, {}, { 'Retry-After': String(retryAfterSeconds) });
}

type JsonBody = { ok: true; value: unknown } | { ok: false; response: NextResponse };

/**
 * Reads a JSON request body of at most `maxBytes`, counting what actually arrives (a missing or
 * false Content-Length does not help): 415 for another type, 413 when too large, 400 when not JSON.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: jsonError(415, 'Send the body as application/json.') };
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, response: jsonError(413, `The body must be at most ${maxBytes} bytes.`) };

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, response: jsonError(413, `The body must be at most ${maxBytes} bytes.`) };
      }
      chunks.push(value);
    }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, 'The body is not valid JSON.') };
  }
}
