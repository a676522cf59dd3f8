import { unreadCount } from '@/lib/notifications/queries';
import { NotificationsLink } from './notifications-link';

/** The top bar's link with the viewer's unread count (one indexed COUNT), streamed in its own Suspense. */
export async function UnreadNotificationsLink({ className }: { className: string }) {
  // A badge that cannot be counted is not worth failing the page for; the log says why.
  const unread = await unreadCount().catch((err: unknown) => {
    console.error('Counting unread notifications failed:', err);
    return 0;
  });
  // A new count from the server starts the badge afresh.
  return <NotificationsLink key={unread} unread={unread} className={className} />;
}
