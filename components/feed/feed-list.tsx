'use client';

import { useCallback } from 'react';
import { PersonList } from '@/components/discovery/person-list';
import { LoadMoreFooter } from '@/components/ui/load-more-footer';
import { type LoadResult, useLoadMore } from '@/components/ui/use-load-more';
import type { Person } from '@/lib/discovery/people';
import { loadMorePosts } from '@/lib/posts/actions';
import type { FeedPage, FeedPost } from '@/lib/posts/queries';
import { PostCard } from './post-card';

const EAGER_POSTS = 2;

/** The feed as one list: followed posts, then the "Suggested for you" heading and accounts, then suggested posts. */
type FeedEntry = { id: string; post: FeedPost } | { id: string; accounts: Person[] };

function entries(page: Pick<FeedPage, 'posts' | 'suggested' | 'accounts'>): FeedEntry[] {
  const post = (p: FeedPost): FeedEntry => ({ id: `post-${p.id}`, post: p });
  const startsSuggestions = page.accounts !== null && (page.accounts.length > 0 || page.suggested.length > 0);
  return [...page.posts.map(post), ...(startsSuggestions ? [{ id: 'suggestions', accounts: page.accounts ?? [] }] : []), ...page.suggested.map(post)];
}

type EntryPage = { posts: FeedEntry[]; nextCursor: string | null };
const FEED_SHAPE = { items: (page: EntryPage) => page.posts, key: (entry: FeedEntry) => entry.id };

type FeedListProps = { initial: FeedPage };

/** The feed: server-rendered first page, then infinite scroll with a "Load more" fallback. */
export function FeedList({ initial }: FeedListProps) {
  const load = useCallback(async (cursor: string): Promise<LoadResult<EntryPage>> => {
    const result = await loadMorePosts(cursor);
    return result.ok ? { ok: true, page: { posts: entries(result.page), nextCursor: result.page.nextCursor } } : result;
  }, []);
  const list = useLoadMore({ posts: entries(initial), nextCursor: initial.nextCursor }, load, FEED_SHAPE, 'Could not load more posts. Check your connection and try again.');

  if (list.items.length === 0) {
    return <p className="py-16 text-center text-neutral-500">No posts yet. Photos from everyone will show up here.</p>;
  }

  let shown = 0;
  return (
    <div className="flex flex-col gap-4 sm:gap-6">
      {list.items.map((entry) =>
        'post' in entry ? (
          <PostCard key={entry.id} post={entry.post} eager={shown++ < EAGER_POSTS} now={initial.servedAt} />
        ) : (
          <section key={entry.id} aria-labelledby="suggested-heading" className="flex flex-col gap-3 px-3 pt-2 sm:px-0">
            <h2 id="suggested-heading" className="text-base font-semibold">
              Suggested for you
            </h2>
            {entry.accounts.length > 0 ? <PersonList people={entry.accounts} label="Accounts to follow" /> : null}
          </section>
        ),
      )}
      <LoadMoreFooter sentinel={list.sentinel} error={list.error} more={Boolean(list.cursor)} loading={list.loading} onLoadMore={list.loadMore} end="You're all caught up." />
    </div>
  );
}
