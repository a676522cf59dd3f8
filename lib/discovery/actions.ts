'use server';

import { verifySession } from '@/lib/auth/dal';
import { decodeCursor } from '@/lib/posts/cursor';
import type { GridLoadResult } from '@/lib/posts/grid';
import { parseTagParam } from '@/lib/posts/tags';
import { getExplorePage, getTagPage } from './posts';

const BAD_CURSOR = 'Could not load more posts: the page marker is invalid.';

/** Explore's next page after `cursor`, for infinite scroll. */
export async function loadMoreExplore(cursor: unknown): Promise<GridLoadResult> {
  await verifySession();
  const after = decodeCursor(cursor);
  if (!after) return { ok: false, error: BAD_CURSOR };
  return { ok: true, page: await getExplorePage(after) };
}

/** A tag page's next page after `cursor`. */
export async function loadMoreTagged(tag: unknown, cursor: unknown): Promise<GridLoadResult> {
  await verifySession();
  const after = decodeCursor(cursor);
  const normalized = typeof tag === 'string' ? parseTagParam(tag) : null;
  if (!after || !normalized) return { ok: false, error: BAD_CURSOR };
  return { ok: true, page: await getTagPage(normalized, after) };
}
