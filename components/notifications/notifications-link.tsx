'use client';

import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { ROUTES } from '@/lib/routes';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={2}>
      <path strokeLinecap="round" strokeLinejoin="round" d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16ZM10 20.5a2 2 0 0 0 4 0" />
    </svg>
  );
}

/** "Notifications, 3 unread" with a badge; cleared once the page is open (it marks them read). */
export function NotificationsLink({ unread, className }: { unread: number; className: string }) {
  const onPage = usePathname() === ROUTES.notifications;
  // The top bar is not re-rendered on a soft navigation: the count it was served is kept, so the
  // badge remembers that the page has been seen since.
  const [seen, setSeen] = useState(false);
  if (onPage && !seen) setSeen(true);
  const count = seen ? 0 : unread;
  const label = count > 0 ? `Notifications, ${count} unread` : 'Notifications';
  return (
    // Not prefetched: rendering the page marks the notifications read.
    <Link href={ROUTES.notifications} prefetch={false} aria-label={label} title={label} className={className}>
      <span className="relative block">
        <BellIcon />
        {count > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -top-1.5 left-2.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[0.65rem] leading-4 font-bold text-white tabular-nums ring-2 ring-white dark:ring-black"
          >
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </span>
      <span className="sr-only lg:not-sr-only">Notifications</span>
    </Link>
  );
}
