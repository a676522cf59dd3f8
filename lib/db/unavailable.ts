import 'server-only';
import { redirect } from 'next/navigation';
import { ROUTES } from '@/lib/routes';
import { isDatabaseUnreachable } from './errors';

/** What people are told, by the 503 page and the JSON API alike, while the database does not answer. */
export const DATABASE_UNAVAILABLE = 'Cookiegram cannot reach its database right now. Nothing you entered was lost; please try again in a few seconds.';

/** Seconds a client should wait before trying again (Retry-After). */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * For pages: an unreachable database sends the visitor to the 503 page (Next.js cannot answer
 * a page with a 503 itself); any other error is thrown on to error.tsx.
 */
export function redirectIfUnreachable(err: unknown): never {
  if (isDatabaseUnreachable(err)) redirect(ROUTES.unavailable);
  throw err;
}
