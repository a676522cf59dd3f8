'use server';

import { verifySession } from '@/lib/auth/dal';
import { decodeCursor } from '@/lib/posts/cursor';
import { type NotificationsPage, getNotificationsPage } from './queries';

type LoadMoreResult = { ok: true; page: NotificationsPage } | { ok: false; error: string };

/** The viewer's notifications after `cursor`, for "Load more". */
export async function loadMoreNotifications(cursor: unknown): Promise<LoadMoreResult> {
  await verifySession();
  const after = decodeCursor(cursor);
  if (!after) return { ok: false, error: 'Could not load more notifications: the page marker is invalid.' };
  return { ok: true, page: await getNotificationsPage(after) };
}
