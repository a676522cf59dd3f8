'use client';

import type { RefObject } from 'react';

type LoadMoreFooterProps = {
  sentinel: RefObject<HTMLDivElement | null>;
  error: string | null;
  more: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** Shown once everything is. */
  end?: string;
};

/** The end of an infinitely scrolled list: what it watches, the fallback button, and errors, announced. */
export function LoadMoreFooter({ sentinel, error, more, loading, onLoadMore, end }: LoadMoreFooterProps) {
  return (
    <div ref={sentinel} className="flex flex-col items-center gap-2 py-4">
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {more ? (
        <button
          type="button"
          onClick={onLoadMore}
          disabled={loading}
          className="rounded-lg border border-neutral-300 px-4 py-2 text-sm font-semibold hover:bg-neutral-100 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-900"
        >
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : end ? (
        <p className="text-sm text-neutral-500">{end}</p>
      ) : null}
    </div>
  );
}
