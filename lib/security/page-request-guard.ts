import { jsonError } from '@/lib/http/json';
import { isCrossSiteRequest } from './same-origin';

// Requests to pages (not /api) that Next.js itself would answer with a 500, or serve as if they
// were a GET, get a clear 4xx here instead. Pages take GET and HEAD; POST only carries server
// actions: from JavaScript (a Next-Action header, a text/plain or multipart body) or from a form
// posted without JavaScript (multipart fields named $ACTION_…). The proxy runs this first.

/** Next.js' default serverActions.bodySizeLimit. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
const PAGE_METHODS = 'GET, HEAD, POST';

/**
 * React's encoding of action arguments is JSON in which a string starting with "$" is a reference
 * (to another part, a promise, a stream…). Our actions take plain values and FormData, so the only
 * references they can receive are an escaped "$$…", "$undefined" and "$K<n>" (a FormData); any
 * other one would make React's decoder fail (Next.js then answers 500) or wait for a part that
 * never comes.
 */
const ALLOWED_REFERENCE = /^\$(\$|undefined$|K\d{1,6}$)/;

function onlyPlainValues(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === 'string') return !value.startsWith('$') || ALLOWED_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every((v) => onlyPlainValues(v, depth + 1));
  if (value !== null && typeof value === 'object') return Object.values(value).every((v) => onlyPlainValues(v, depth + 1));
  return true;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isArgumentList = (text: unknown) => {
  const value = parseJson(text);
  return Array.isArray(value) && onlyPlainValues(value);
};

/**
 * A form posted without JavaScript names its action in its fields: `$ACTION_ID_<id>` (a plain
 * action), or `$ACTION_REF_<n>` with `$ACTION_<n>:0` = {"id", "bound"} and, when bound,
 * `$ACTION_<n>:<k>` = the bound arguments (useActionState's previous state).
 */
function isNoScriptActionForm(form: FormData): boolean {
  const names = [...form.keys()];
  if (names.some((name) => /^\$ACTION_ID_[0-9a-f]{2,64}$/.test(name))) return true;
  const ref = names.map((name) => /^\$ACTION_REF_(\d{1,3})$/.exec(name)?.[1]).find((n) => n !== undefined);
  if (ref === undefined) return false;
  const header = parseJson(form.get(`$ACTION_${ref}:0`));
  if (header === null || typeof header !== 'object' || Array.isArray(header)) return false;
  const { id, bound } = header as { id?: unknown; bound?: unknown };
  if (typeof id !== 'string' || !/^[0-9a-f]{2,64}$/.test(id)) return false;
  if (bound === null || bound === undefined) return true;
  const part = typeof bound === 'string' ? /^\$@(\d{1,3})$/.exec(bound)?.[1] : undefined;
  return part !== undefined && isArgumentList(form.get(`$ACTION_${ref}:${part}`));
}

async function readForm(request: Request): Promise<FormData | null> {
  try {
    return await request.clone().formData();
  } catch {
    return null;
  }
}

async function isWellFormedActionBody(request: Request, contentType: string, hasActionHeader: boolean): Promise<boolean> {
  if (contentType.startsWith('text/plain')) return hasActionHeader && isArgumentList(await request.clone().text());
  const form = await readForm(request);
  if (!form) return false;
  return hasActionHeader ? isArgumentList(form.get('0')) : isNoScriptActionForm(form);
}

/** A 4xx for a page request Next.js would mishandle, or null to let it through. */
export async function guardPageRequest(request: Request): Promise<Response | null> {
  const { method } = request;
  if (method === 'GET' || method === 'HEAD') return null;
  if (method !== 'POST') return jsonError(405, `This page takes ${PAGE_METHODS} only.`, {}, { Allow: PAGE_METHODS });
  if (isCrossSiteRequest(request)) return jsonError(403, 'Cross-site requests are not allowed.');

  const hasActionHeader = request.headers.has('next-action');
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  const textAction = hasActionHeader && contentType.startsWith('text/plain');
  if (!textAction && !contentType.startsWith('multipart/form-data')) {
    return jsonError(415, 'Unsupported content type for a form submission.');
  }
  const length = request.headers.get('content-length');
  if (length === null) return jsonError(411, 'A Content-Length is required.');
  if (!/^\d{1,10}$/.test(length) || Number(length) > ACTION_BODY_LIMIT) {
    return jsonError(413, `A form submission must be at most ${ACTION_BODY_LIMIT} bytes.`);
  }
  return (await isWellFormedActionBody(request, contentType, hasActionHeader)) ? null : jsonError(400, 'The form submission is malformed.');
}
