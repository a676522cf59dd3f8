'use client';

import { PostGrid } from '@/components/posts/post-grid';
import { loadMoreExplore, loadMoreTagged } from '@/lib/discovery/actions';
import type { GridPage } from '@/lib/posts/grid';

/** Explore's grid: everyone's posts. */
export function ExploreGrid({ initial }: { initial: GridPage }) {
  return <PostGrid initial={initial} loadMore={loadMoreExplore} empty={<p className="py-16 text-center text-neutral-500">No posts yet.</p>} />;
}

/** A tag's grid. */
export function TagGrid({ tag, initial }: { tag: string; initial: GridPage }) {
  return (
    <PostGrid
      initial={initial}
      loadMore={(cursor) => loadMoreTagged(tag, cursor)}
      empty={<p className="py-16 text-center text-neutral-500">No posts with #{tag} yet.</p>}
    />
  );
}
