import 'server-only';
import { requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { mediaUrl } from '@/lib/media/storage';
import { type FeedCursor, encodeCursor } from '@/lib/posts/cursor';
import { NOTIFICATION_PAGE_SIZE, type NotificationStatements, prepareNotificationStatements } from './statements';

/** One line of /notifications: who did what, about which post (none for a follow). */
export type NotificationView = {
  id: number;
  kind: 'like' | 'comment' | 'follow';
  actor: string;
  actorAvatar: string | null;
  postId: number | null;
  postThumbnail: string | null;
  commentText: string | null;
  unread: boolean;
  createdAt: number;
};
export type NotificationsPage = { notifications: NotificationView[]; nextCursor: string | null; servedAt: number };

let statements: NotificationStatements | undefined;
const prepared = () => (statements ??= prepareNotificationStatements(getDb()));

type Row = Awaited<ReturnType<NotificationStatements['firstPage']['execute']>>[number];

function toView({ actorAvatarKey, postThumbnailKey, unread, ...rest }: Row): NotificationView {
  return {
    ...rest,
    actorAvatar: actorAvatarKey ? mediaUrl(actorAvatarKey) : null,
    postThumbnail: postThumbnailKey ? mediaUrl(postThumbnailKey) : null,
    unread: Boolean(unread),
  };
}

/** A page of the viewer's notifications, newest first (each says whether it was unread). */
export async function getNotificationsPage(cursor: FeedCursor | null): Promise<NotificationsPage> {
  const { id: viewerId } = await requireViewer();
  const { firstPage, nextPage } = prepared();
  const rows = await (cursor ? nextPage.execute({ viewerId, createdAt: cursor.createdAt, id: cursor.id }) : firstPage.execute({ viewerId }));
  const page = rows.slice(0, NOTIFICATION_PAGE_SIZE).map(toView);
  const last = page.at(-1);
  return { notifications: page, nextCursor: rows.length > NOTIFICATION_PAGE_SIZE && last ? encodeCursor(last) : null, servedAt: Date.now() };
}

/** How many of the viewer's notifications are unread (the top bar's badge). */
export async function unreadCount(): Promise<number> {
  const { id: viewerId } = await requireViewer();
  const [row] = await prepared().unreadCount.execute({ viewerId });
  return row?.n ?? 0;
}

/** Marks the viewer's notifications read, up to the newest one they were shown (`upTo`, an id). */
export async function markAllRead(upTo: number): Promise<void> {
  const { id: viewerId } = await requireViewer();
  await prepared().markRead.execute({ viewerId, upTo, now: Date.now() });
}
