'use client';

import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { SETTINGS_PAGES } from '@/lib/routes';

/** The settings pages' menu: a column beside the page on wide screens, a row of tabs above it on phones. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="shrink-0 md:w-44">
      <ul className="flex gap-1 overflow-x-auto border-b border-neutral-200 px-4 sm:px-0 md:flex-col md:border-b-0 dark:border-neutral-800">
        {SETTINGS_PAGES.map(({ label, href }) => {
          const current = pathname === href;
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium md:rounded-lg md:border-b-0 ${
                  current
                    ? 'border-neutral-900 text-neutral-900 md:bg-neutral-100 dark:border-white dark:text-white dark:md:bg-neutral-900'
                    : 'border-transparent text-neutral-600 hover:text-neutral-900 md:hover:bg-neutral-50 dark:text-neutral-400 dark:hover:text-white dark:md:hover:bg-neutral-950'
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
