import type { Metadata } from 'next';
import { NotificationsList } from '@/components/notifications/notifications-list';
import { verifySession } from '@/lib/auth/dal';
import { getNotificationsPage, markAllRead } from '@/lib/notifications/queries';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  await verifySession();
  const page = await getNotificationsPage(null);
  // Read first (which were unread is shown highlighted), then marked read: up to the newest shown,
  // so one that arrives meanwhile stays unread.
  const newest = Math.max(0, ...page.notifications.map((n) => n.id));
  if (page.notifications.some((n) => n.unread)) await markAllRead(newest);
  return (
    <>
      <h1 className="mb-3 px-3 text-lg font-semibold sm:px-0">Notifications</h1>
      <NotificationsList initial={page.notifications} initialCursor={page.nextCursor} renderedAt={page.servedAt} />
    </>
  );
}
