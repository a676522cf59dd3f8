'use client';

import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { HeartIcon } from '@/components/feed/like-button';
import { LoadMoreFooter } from '@/components/ui/load-more-footer';
import { useLoadMore } from '@/components/ui/use-load-more';
import type { GridLoadResult, GridPage, GridPost } from '@/lib/posts/grid';
import { postPath } from '@/lib/routes';
import { formatCount } from '@/lib/text/format';

/** The first rows load at once: they are on screen. */
const EAGER_POSTS = 6;
const GRID_SHAPE = { items: (page: GridPage) => page.posts, key: (post: GridPost) => post.id };

type PostGridProps = { initial: GridPage; loadMore: (cursor: string) => Promise<GridLoadResult>; empty: ReactNode };

function CommentIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={className} fill="currentColor">
      <path d="M12 3.5c5 0 9 3.4 9 7.8s-4 7.7-9 7.7c-1 0-2-.1-2.9-.4L4.5 20.5l1.3-3.8C4 15.3 3 13.4 3 11.3 3 6.9 7 3.5 12 3.5z" />
    </svg>
  );
}

function GridCell({ post, eager }: { post: GridPost; eager: boolean }) {
  return (
    <li>
      <Link
        href={postPath(post.id)}
        className="group relative block aspect-square overflow-hidden bg-neutral-100 outline-offset-2 dark:bg-neutral-900"
      >
        {/* A plain img: the 320 px rendition already covers a cell (lib/media/sizes.ts). */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={post.thumbnail}
          alt={post.alt}
          width={post.width}
          height={post.height}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          className="absolute inset-0 size-full object-cover"
        />
        {/* Instagram's hover: the counts over a dimmed photo (pointer screens; the link's name is the alt text). */}
        <span
          aria-hidden="true"
          className="absolute inset-0 hidden items-center justify-center gap-5 bg-black/40 text-sm font-semibold text-white sm:group-hover:flex sm:group-focus-visible:flex"
        >
          <span className="flex items-center gap-1.5">
            <HeartIcon filled className="size-5" />
            {formatCount(post.likeCount)}
          </span>
          <span className="flex items-center gap-1.5">
            <CommentIcon className="size-5" />
            {formatCount(post.commentCount)}
          </span>
        </span>
      </Link>
    </li>
  );
}

/** Posts as a three-column grid of square thumbnails, newest first; infinite scroll with a "Load more" fallback. */
export function PostGrid({ initial, loadMore, empty }: PostGridProps) {
  const list = useLoadMore(initial, loadMore, GRID_SHAPE, 'Could not load more posts. Check your connection and try again.');
  if (list.items.length === 0) return <div className="py-16 text-center text-neutral-500">{empty}</div>;
  return (
    <div>
      <ul className="grid grid-cols-3 gap-0.5 sm:gap-1">
        {list.items.map((post, i) => (
          <GridCell key={post.id} post={post} eager={i < EAGER_POSTS} />
        ))}
      </ul>
      {list.cursor || list.error ? (
        <LoadMoreFooter sentinel={list.sentinel} error={list.error} more={Boolean(list.cursor)} loading={list.loading} onLoadMore={list.loadMore} />
      ) : null}
    </div>
  );
}
