import type { Metadata } from 'next';
import { FeedList } from '@/components/feed/feed-list';
import { verifySession } from '@/lib/auth/dal';
import { getFeedPage } from '@/lib/posts/queries';

export const metadata: Metadata = { title: 'Feed' };

export default async function FeedPage() {
  // Verified here too: a layout does not re-run on every navigation, a page does.
  await verifySession();
  const page = await getFeedPage(null);
  return (
    <>
      <h1 className="sr-only">Your feed</h1>
      <FeedList initial={page} />
    </>
  );
}
