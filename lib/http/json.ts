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

type Read<T> = { ok: true; value: T } | { ok: false; response: NextResponse };

const tooLarge = (maxBytes: number) =>
  jsonError(413, `The body must be at most ${maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes} bytes`}.`);

/**
 * The request body, counting what actually arrives (a missing or false Content-Length does not
 * help): 413 as soon as it passes `maxBytes`, without reading the rest.
 */
async function readBoundedBody(request: Request, maxBytes: number): Promise<Read<Buffer>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
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
        return { ok: false, response: tooLarge(maxBytes) };
      }
      chunks.push(value);
    }
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

/** A JSON request body of at most `maxBytes`: 415 for another type, 413 when too large, 400 when not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<Read<unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: jsonError(415, 'Send the body as application/json.') };
  }
  const body = await readBoundedBody(request, maxBytes);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(body.value.toString('utf8')) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, 'The body is not valid JSON.') };
  }
}

/** More parts than any form of this app sends: parsing thousands of tiny parts would hold the event loop. */
const MAX_FORM_PARTS = 16;

/** How many parts a multipart body has, counted by its delimiters (natively, before any parsing). */
function countParts(body: Buffer, boundary: string): number {
  const delimiter = Buffer.from(`--${boundary}`);
  let parts = -1; // the last delimiter closes the body
  for (let at = body.indexOf(delimiter); at !== -1 && parts <= MAX_FORM_PARTS; at = body.indexOf(delimiter, at + delimiter.length)) parts += 1;
  return parts;
}

/**
 * A multipart/form-data body of at most `maxBytes` and MAX_FORM_PARTS parts, as an object of its
 * fields (the first value of each name; files stay File): 415 for another type, 413 when too
 * large, 400 when malformed or made of too many parts.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<Read<Record<string, FormDataEntryValue>>> {
  const type = request.headers.get('content-type') ?? '';
  const boundary = /^multipart\/form-data\b.*;\s*boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\/form-data\b/i.test(type)) {
    return { ok: false, response: jsonError(415, 'Send the body as multipart/form-data.') };
  }
  const body = await readBoundedBody(request, maxBytes);
  if (!body.ok) return body;
  if (!boundary || countParts(body.value, boundary) > MAX_FORM_PARTS) {
    return { ok: false, response: jsonError(400, `The body is not valid multipart/form-data of at most ${MAX_FORM_PARTS} parts.`) };
  }
  try {
    // A view of the bytes read, not a copy (Buffer.concat always allocates an ArrayBuffer).
    const form = await new Response(body.value as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
    // No prototype: a part named "__proto__" or "constructor" is just a field.
    const fields: Record<string, FormDataEntryValue> = Object.create(null) as Record<string, FormDataEntryValue>;
    for (const [name, value] of form) if (!Object.hasOwn(fields, name)) fields[name] = value;
    return { ok: true, value: fields };
  } catch {
    return { ok: false, response: jsonError(400, 'The body is not valid multipart/form-data.') };
  }
}
