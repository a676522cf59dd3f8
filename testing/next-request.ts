// Unit tests call server code (the data access layer, actions' helpers) outside Next.js. This
// stands in for `next/headers` (vitest-setup.ts mocks the module with it): cookies() and
// headers() read the request a test opened with inRequest(), and, as in Next.js, throw when no
// request is open. Everything below them (strategies, queries, the database) is the real code.
import { AsyncLocalStorage } from 'node:async_hooks';

type CookieOptions = { maxAge?: number; expires?: Date; httpOnly?: boolean; secure?: boolean; sameSite?: string; path?: string };
type SetCookie = { name: string; value: string; options: CookieOptions };

/** A request's cookies, and the Set-Cookie lines the code under test wrote. */
class TestCookieJar {
  readonly written: SetCookie[] = [];
  readonly #values: Map<string, string>;

  constructor(values: Record<string, string>) {
    this.#values = new Map(Object.entries(values));
  }

  get(name: string) {
    const value = this.#values.get(name);
    return value === undefined ? undefined : { name, value };
  }

  has(name: string) {
    return this.#values.has(name);
  }

  getAll() {
    return [...this.#values].map(([name, value]) => ({ name, value }));
  }

  set(name: string, value: string, options: CookieOptions = {}) {
    this.written.push({ name, value, options });
    if (options.maxAge === 0) this.#values.delete(name);
    else this.#values.set(name, value);
    return this;
  }
}

type Scope = { jar: TestCookieJar; headers: Headers };
const scope = new AsyncLocalStorage<Scope>();

function current(api: string): Scope {
  const store = scope.getStore();
  if (!store) throw new Error(`\`${api}\` was called outside a request scope`);
  return store;
}

// Exported for vi.mock(next/headers): the stand-ins for the APIs the app calls.
export const cookies = () => Promise.resolve(current('cookies').jar);
export const headers = () => Promise.resolve(current('headers').headers);
export const draftMode = () => Promise.resolve({ isEnabled: false, enable() {}, disable() {} });

/** Runs `fn` as one request carrying these cookies and headers; returns its result and the jar. */
export async function inRequest<T>(
  request: { cookies?: Record<string, string>; headers?: Record<string, string> },
  fn: () => Promise<T>,
): Promise<{ result: T; jar: TestCookieJar }> {
  const jar = new TestCookieJar(request.cookies ?? {});
  const result = await scope.run({ jar, headers: new Headers(request.headers ?? {}) }, fn);
  return { result, jar };
}
