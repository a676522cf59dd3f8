import type { Metadata } from 'next';
import { ExploreGrid } from '@/components/discovery/explore-grid';
import { verifySession } from '@/lib/auth/dal';
import { getExplorePage } from '@/lib/discovery/posts';

export const metadata: Metadata = { title: 'Explore' };

export default async function ExplorePage() {
  await verifySession();
  const page = await getExplorePage(null);
  return (
    <>
      <h1 className="px-3 pb-3 text-lg font-semibold sm:px-0">Explore</h1>
      <ExploreGrid initial={page} />
    </>
  );
}
