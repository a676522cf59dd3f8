'use server';

import { verifySession } from '@/lib/auth/dal';
import { decodeFeedCursor } from './cursor';
import { type FeedPage, getFeedPage } from './queries';

type LoadMoreResult = { ok: true; page: FeedPage } | { ok: false; error: string };

/** The next page of the feed after `cursor`, for "Load more" and infinite scroll. */
export async function loadMorePosts(cursor: unknown): Promise<LoadMoreResult> {
  await verifySession();
  const after = decodeFeedCursor(cursor);
  if (!after) return { ok: false, error: 'Could not load more posts: the page marker is invalid.' };
  return { ok: true, page: await getFeedPage(after) };
}
