import 'server-only';
import type { NextRequest } from 'next/server';
import { type ZodType, z } from 'zod';
import { EmailUnverifiedError, UnauthenticatedError, type Viewer, getViewer } from '@/lib/auth/dal';
import { AUTH_REQUIRED } from '@/lib/auth/messages';
import { isDatabaseUnreachable } from '@/lib/db/errors';
import { DATABASE_UNAVAILABLE, UNAVAILABLE_RETRY_SECONDS } from '@/lib/db/unavailable';
import { isCrossSiteRequest } from '@/lib/security/same-origin';
import { jsonError, readFormBody, readJsonBody, retryLater } from './json';

// The one way a JSON route handler validates and answers: cross-site writes refused (403), the
// viewer checked (401), the path's parameters and the body parsed with zod (400 with the
// fields' errors), a database that does not answer as a 503 to retry, and any unexpected failure
// as a JSON 500 with nothing internal in it. Handlers receive only what passed.

type Params = Record<string, string | string[] | undefined>;
type Context = { params: Promise<Params> };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Let in (with something the handler uses, released after the answer whatever happened) or refused. */
export type Admission<T> = { ok: true; ticket: T; release: () => Promise<void> } | { ok: false; response: Response };

type RouteSpec<P, B, T> = {
  /** The path's dynamic segments; the first problem is the 400's message. */
  params?: ZodType<P>;
  /**
   * Runs after the viewer check and before the body is read, so a request that would be refused
   * (over a limit, too many at once) is refused before its body is buffered.
   */
  admit?: () => Promise<Admission<T>>;
  /** A JSON body (the default) or a multipart form, and its size limit. */
  body?: { schema: ZodType<B>; maxBytes: number; type?: 'json' | 'multipart' };
};

type Input<P, B, T> = { request: NextRequest; params: P; body: B; ticket: T };

async function parse<P, B, T>(spec: RouteSpec<P, B, T>, request: NextRequest, context: Context) {
  let params = undefined as P;
  if (spec.params) {
    const parsed = spec.params.safeParse(await context.params);
    if (!parsed.success) return { ok: false as const, response: jsonError(400, parsed.error.issues[0]?.message ?? 'Invalid path.') };
    params = parsed.data;
  }
  let body = undefined as B;
  if (spec.body) {
    const read = await (spec.body.type === 'multipart' ? readFormBody : readJsonBody)(request, spec.body.maxBytes);
    if (!read.ok) return read;
    const parsed = spec.body.schema.safeParse(read.value);
    if (!parsed.success) {
      return { ok: false as const, response: jsonError(400, 'Invalid request.', { fields: z.flattenError(parsed.error).fieldErrors }) };
    }
    body = parsed.data;
  }
  return { ok: true as const, input: { request, params, body } };
}

function answerFailure(err: unknown) {
  if (err instanceof UnauthenticatedError) return jsonError(401, AUTH_REQUIRED);
  if (err instanceof EmailUnverifiedError) return jsonError(403, err.message);
  if (isDatabaseUnreachable(err)) {
    console.error(`Cookiegram: the database did not answer (${err instanceof Error ? err.message : String(err)}).`);
    return retryLater(503, DATABASE_UNAVAILABLE, UNAVAILABLE_RETRY_SECONDS);
  }
  console.error(err);
  return jsonError(500, 'Something went wrong on our side. Please try again.');
}

type Gate<V> = () => Promise<{ ok: true; viewer: V } | { ok: false; response: Response }>;

function route<P, B, T, V>(spec: RouteSpec<P, B, T>, gate: Gate<V>, handler: (input: Input<P, B, T> & { viewer: V }) => Promise<Response>) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    let release: (() => Promise<void>) | undefined;
    try {
      if (!SAFE_METHODS.has(request.method) && isCrossSiteRequest(request)) {
        return jsonError(403, 'Cross-site requests are not allowed.');
      }
      const passed = await gate();
      if (!passed.ok) return passed.response;
      let ticket = undefined as T;
      if (spec.admit) {
        const admitted = await spec.admit();
        if (!admitted.ok) return admitted.response;
        ({ ticket, release } = admitted);
      }
      const parsed = await parse(spec, request, context);
      if (!parsed.ok) return parsed.response;
      return await handler({ ...parsed.input, ticket, viewer: passed.viewer });
    } catch (err) {
      return answerFailure(err);
    } finally {
      // The answer stands either way; a failed release is for the log.
      if (release) await release().catch((err: unknown) => console.error('Releasing an admission failed:', err));
    }
  };
}

// Checked here as well as in the proxy: the proxy alone is never trusted. Before the body is read.
const loggedIn: Gate<Viewer> = async () => {
  const viewer = await getViewer();
  return viewer ? { ok: true, viewer } : { ok: false, response: jsonError(401, AUTH_REQUIRED) };
};
const anyone: Gate<null> = () => Promise.resolve({ ok: true, viewer: null });

/** A route for logged-in callers: 401 for anyone else, before the body is read. */
export function viewerRoute<P = undefined, B = undefined, T = undefined>(
  spec: RouteSpec<P, B, T>,
  handler: (input: Input<P, B, T> & { viewer: Viewer }) => Promise<Response>,
) {
  return route(spec, loggedIn, handler);
}

/** A route anyone may call (log in, sign up). */
export function publicRoute<P = undefined, B = undefined, T = undefined>(spec: RouteSpec<P, B, T>, handler: (input: Input<P, B, T>) => Promise<Response>) {
  return route(spec, anyone, handler);
}
