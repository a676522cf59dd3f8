'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';

type Page<T> = { posts: T[]; nextCursor: string | null };
export type LoadResult<T> = { ok: true; page: Page<T> } | { ok: false; error: string };

/**
 * A server-rendered first page, then the next ones from `load` (a server action): when the
 * sentinel comes within 800 px of the screen (infinite scroll), or by a "Load more" button.
 * Items already shown are not repeated.
 */
export function useLoadMore<T extends { id: number | string }>(first: Page<T>, load: (cursor: string) => Promise<LoadResult<T>>, failure: string) {
  const [items, setItems] = useState(first.posts);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const sentinel = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(() => {
    if (!cursor || loading) return;
    setError(null);
    startLoading(async () => {
      try {
        const result = await load(cursor);
        if (!result.ok) return setError(result.error);
        setItems((shown) => {
          const seen = new Set(shown.map((p) => p.id));
          return [...shown, ...result.page.posts.filter((p) => !seen.has(p.id))];
        });
        setCursor(result.page.nextCursor);
      } catch {
        setError(failure);
      }
    });
  }, [cursor, loading, load, failure]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !cursor || error) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), {
      rootMargin: '800px 0px',
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [cursor, error, loadMore]);

  return { items, cursor, error, loading, loadMore, sentinel };
}
