import { describe, expect, it } from 'vitest';
import { jsonError, readFormBody, readJsonBody } from './json';

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

describe('readFormBody', () => {
  const multipart = (parts: [string, string][]) => {
    const form = new FormData();
    for (const [name, value] of parts) form.append(name, value);
    return new Request('http://x.test/api', { method: 'POST', body: form });
  };

  it('gives the first value of each field, on an object with no prototype', async () => {
    const read = await readFormBody(multipart([['caption', 'one'], ['caption', 'two'], ['__proto__', 'x'], ['constructor', 'y']]), 10_000);
    if (!read.ok) throw new Error(`refused: ${read.response.status}`);
    expect(Object.entries(read.value)).toEqual([
      ['caption', 'one'],
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    expect(Object.getPrototypeOf(read.value)).toBeNull();
  });

  it('refuses more than 16 parts before parsing them, another type with 415, and a body over the limit with 413', async () => {
    const many = await readFormBody(multipart(Array.from({ length: 17 }, (_, i) => [`f${i}`, 'x'])), 100_000);
    expect(many.ok || many.response.status).toBe(400);
    expect((await readFormBody(multipart(Array.from({ length: 16 }, (_, i) => [`f${i}`, 'x'])), 100_000)).ok).toBe(true);
    const other = await readFormBody(json('{}'), 100);
    expect(other.ok || other.response.status).toBe(415);
    const over = await readFormBody(multipart([['caption', 'x'.repeat(500)]]), 100);
    expect(over.ok || over.response.status).toBe(413);
  });
});

describe('jsonError', () => {
  it('is never cached', async () => {
    const response = jsonError(401, 'Log in.');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'Log in.' });
  });
});
