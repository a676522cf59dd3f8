'use client';

import { LoadMoreFooter } from '@/components/ui/load-more-footer';
import { useLoadMore } from '@/components/ui/use-load-more';
import { loadMorePosts } from '@/lib/posts/actions';
import type { FeedPage, FeedPost } from '@/lib/posts/queries';
import { PostCard } from './post-card';

const EAGER_POSTS = 2;
const FEED_SHAPE = { items: (page: Pick<FeedPage, 'posts' | 'nextCursor'>) => page.posts, key: (post: FeedPost) => post.id };

type FeedListProps = { initialPosts: FeedPost[]; initialCursor: string | null; renderedAt: number };

/** The feed: server-rendered first page, then infinite scroll with a "Load more" fallback. */
export function FeedList({ initialPosts, initialCursor, renderedAt }: FeedListProps) {
  const list = useLoadMore<Pick<FeedPage, 'posts' | 'nextCursor'>, FeedPost>({ posts: initialPosts, nextCursor: initialCursor }, loadMorePosts, FEED_SHAPE, 'Could not load more posts. Check your connection and try again.');

  if (list.items.length === 0) {
    return <p className="py-16 text-center text-neutral-500">No posts yet. Photos from everyone will show up here.</p>;
  }

  return (
    <div className="flex flex-col gap-4 sm:gap-6">
      {list.items.map((post, i) => (
        <PostCard key={post.id} post={post} eager={i < EAGER_POSTS} now={renderedAt} />
      ))}
      <LoadMoreFooter sentinel={list.sentinel} error={list.error} more={Boolean(list.cursor)} loading={list.loading} onLoadMore={list.loadMore} end="You're all caught up." />
    </div>
  );
}
