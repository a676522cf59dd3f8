'use client';

import { useState, useTransition } from 'react';
import { loadMoreNotifications } from '@/lib/notifications/actions';
import type { NotificationView } from '@/lib/notifications/queries';
import { NotificationItem } from './notification-item';

type NotificationsListProps = { initial: NotificationView[]; initialCursor: string | null; renderedAt: number };

/** The viewer's notifications, newest first, with "Load more". */
export function NotificationsList({ initial, initialCursor, renderedAt }: NotificationsListProps) {
  const [items, setItems] = useState(initial);
  const [cursor, setCursor] = useState(initialCursor);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();

  function loadMore() {
    if (!cursor) return;
    setError(null);
    startLoading(async () => {
      try {
        const result = await loadMoreNotifications(cursor);
        if (!result.ok) return setError(result.error);
        setItems((shown) => {
          const seen = new Set(shown.map((n) => n.id));
          return [...shown, ...result.page.notifications.filter((n) => !seen.has(n.id))];
        });
        setCursor(result.page.nextCursor);
      } catch {
        setError('Could not load more notifications. Check your connection and try again.');
      }
    });
  }

  if (items.length === 0) {
    return <p className="py-16 text-center text-neutral-500 dark:text-neutral-400">Nothing yet. Likes, comments and new followers show up here.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <ul className="divide-y divide-neutral-200 overflow-hidden border-neutral-200 bg-white sm:rounded-xl sm:border dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-950">
        {items.map((n) => (
          <NotificationItem key={n.id} notification={n} now={renderedAt} />
        ))}
      </ul>
      <p role="alert" className="text-center text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
      {cursor ? (
        <button
          type="button"
          onClick={loadMore}
          disabled={loading}
          className="self-center rounded-lg border border-neutral-300 px-4 py-2 text-sm font-semibold hover:bg-neutral-100 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-900"
        >
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}
