// A minimal HTTP client for the Vercel check: one cookie jar, redirects never followed (the check
// looks at each one), and the site's own Origin on every request, as a browser's form would send.

export type Answer = { status: number; headers: Headers; text: string; bytes: Buffer };

export class Visitor {
  readonly #cookies = new Map<string, string>();

  constructor(readonly origin: string) {}

  get cookieNames(): string[] {
    return [...this.#cookies.keys()];
  }

  /** Forgets every cookie: a new visitor on the same site. */
  clearCookies(): void {
    this.#cookies.clear();
  }

  async request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}): Promise<Answer> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size > 0) headers.set('Cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    headers.set('Origin', this.origin);
    const response = await fetch(new URL(path, this.origin), { method: init.method ?? 'GET', headers, body: init.body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, text: bytes.toString('utf8'), bytes };
  }

  json(path: string, body: unknown, method = 'POST'): Promise<Answer> {
    return this.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }
}

/** Throws with what came back when the answer is not what the step expects. */
export function expectAnswer(step: string, answer: Answer, status: number, check?: (answer: Answer) => string | undefined): void {
  const location = answer.headers.get('location');
  const problem =
    answer.status !== status
      ? `status ${answer.status}, expected ${status}${location ? ` (Location: ${location})` : ''}`
      : check?.(answer);
  if (problem) throw new Error(`${step}: ${problem}\n  body: ${answer.text.slice(0, 300).replace(/\s+/g, ' ')}`);
}

/** A check that the Location header is `path` (with any query when `prefix`). */
export const redirectsTo =
  (path: string, prefix = false) =>
  (answer: Answer): string | undefined => {
    const location = answer.headers.get('location') ?? '';
    const target = new URL(location, 'http://x.invalid');
    const got = prefix ? target.pathname : `${target.pathname}${target.search}`;
    return got === path ? undefined : `Location ${location}, expected ${path}`;
  };
