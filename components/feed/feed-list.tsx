'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { loadMorePosts } from '@/lib/posts/actions';
import type { FeedPost } from '@/lib/posts/queries';
import { PostCard } from './post-card';

const EAGER_POSTS = 2;

type FeedListProps = { initialPosts: FeedPost[]; initialCursor: string | null; renderedAt: number };

/** The feed: server-rendered first page, then infinite scroll with a "Load more" fallback. */
export function FeedList({ initialPosts, initialCursor, renderedAt }: FeedListProps) {
  const [posts, setPosts] = useState(initialPosts);
  const [cursor, setCursor] = useState(initialCursor);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const sentinel = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(() => {
    if (!cursor || loading) return;
    setError(null);
    startLoading(async () => {
      try {
        const result = await loadMorePosts(cursor);
        if (!result.ok) return setError(result.error);
        setPosts((shown) => {
          const seen = new Set(shown.map((p) => p.id));
          return [...shown, ...result.page.posts.filter((p) => !seen.has(p.id))];
        });
        setCursor(result.page.nextCursor);
      } catch {
        setError('Could not load more posts. Check your connection and try again.');
      }
    });
  }, [cursor, loading]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !cursor || error) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), {
      rootMargin: '800px 0px',
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [cursor, error, loadMore]);

  if (posts.length === 0) {
    return <p className="py-16 text-center text-neutral-500">No posts yet. Photos from everyone will show up here.</p>;
  }

  return (
    <div className="flex flex-col gap-4 sm:gap-6">
      {posts.map((post, i) => (
        <PostCard key={post.id} post={post} eager={i < EAGER_POSTS} now={renderedAt} />
      ))}
      <div ref={sentinel} className="flex flex-col items-center gap-2 py-4">
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        {cursor ? (
          <button
            type="button"
            onClick={loadMore}
            disabled={loading}
            className="rounded-lg border border-neutral-300 px-4 py-2 text-sm font-semibold hover:bg-neutral-100 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-900"
          >
            {loading ? 'Loading…' : 'Load more'}
          </button>
        ) : (
          <p className="text-sm text-neutral-500">You&apos;re all caught up.</p>
        )}
      </div>
    </div>
  );
}
