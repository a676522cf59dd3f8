import { NotFoundMessage } from '@/components/layout/not-found-message';
import { PostModal } from '@/components/posts/post-modal';
import { PostView } from '@/components/posts/post-view';
import { verifySession } from '@/lib/auth/dal';
import { getPostView } from '@/lib/posts/post-view';

// A post opened from the feed, a grid or a notification: the same view as /p/<id>, in a dialog
// over the page it was opened from. A reload or a shared link shows the full page instead.
export default async function PostModalPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await verifySession();
  const data = await getPostView((await params).id);
  return (
    <PostModal label={data ? `Post by ${data.post.author}` : 'Post not found'}>
      {data ? <PostView data={data} viewer={viewer} /> : <NotFoundMessage />}
    </PostModal>
  );
}
