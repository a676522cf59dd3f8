import { describe, expect, it } from 'vitest';
import { jsonError, readJsonBody } from './json';

const json = (body: BodyInit, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  new Request('http://x.test/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body that arrives in chunks, with no Content-Length, as a chunked upload would. */
function streamed(chunks: string[]) {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return json(stream);
}

describe('readJsonBody', () => {
  it('parses a JSON body within the limit', async () => {
    expect(await readJsonBody(json('{"a":[1,2]}'), 100)).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('refuses another content type with 415, invalid JSON with 400', async () => {
    const other = await readJsonBody(json('a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 100);
    expect(other.ok || other.response.status).toBe(415);
    const invalid = await readJsonBody(json('{"a":'), 100);
    expect(invalid.ok || invalid.response.status).toBe(400);
  });

  it('counts the bytes that arrive: a streamed body over the limit is a 413, whatever its headers say', async () => {
    const over = await readJsonBody(streamed(['{"a":"', 'x'.repeat(60), '", "b":"', 'y'.repeat(60), '"}']), 100);
    expect(over.ok || over.response.status).toBe(413);
    const declared = await readJsonBody(json('{}', { 'Content-Type': 'application/json', 'Content-Length': '1000' }), 100);
    expect(declared.ok || declared.response.status).toBe(413);
    expect(await readJsonBody(streamed(['{"a":', '1}']), 100)).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('jsonError', () => {
  it('is never cached', async () => {
    const response = jsonError(401, 'Log in.');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'Log in.' });
  });
});
