'use client';

// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type LinkProps = ComponentProps<typeof NextLink>;

/**
 * next/link, prefetched when someone reaches for it (pointer over it, keyboard focus, a finger
 * down) rather than when it scrolls into view. A feed screen holds some 40 links: fetching and
 * parsing the page behind each as it appeared was about half of /feed's JavaScript time on a
 * throttled phone (`npm run bench:browser`), for pages most people never open.
 * `prefetch={false}` still means never, as for next/link.
 */
export function Link({ href, prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const router = useRouter();
  const prefetchOnIntent = () => {
    if (prefetch !== false && typeof href === 'string') router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetchOnIntent();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetchOnIntent();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetchOnIntent();
        onTouchStart?.(event);
      }}
    />
  );
}
