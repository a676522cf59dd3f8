'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';

type Page = { nextCursor: string | null };
export type LoadResult<P extends Page> = { ok: true; page: P } | { ok: false; error: string };
/** Where a page keeps its items, and what tells two apart (module-level constants: stable). */
type ListShape<P extends Page, T> = { items: (page: P) => T[]; key: (item: T) => number | string };

/**
 * A server-rendered first page, then the next ones from `load` (a server action): when the
 * sentinel comes within 800 px of the screen (infinite scroll), or by a "Load more" button.
 * Items already shown are not repeated.
 */
export function useLoadMore<P extends Page, T>(first: P, load: (cursor: string) => Promise<LoadResult<P>>, shape: ListShape<P, T>, failure: string) {
  const [items, setItems] = useState(() => shape.items(first));
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
          const seen = new Set(shown.map(shape.key));
          return [...shown, ...shape.items(result.page).filter((item) => !seen.has(shape.key(item)))];
        });
        setCursor(result.page.nextCursor);
      } catch {
        setError(failure);
      }
    });
  }, [cursor, loading, load, shape, failure]);

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
