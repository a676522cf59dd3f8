import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostView } from '@/components/posts/post-view';
import { verifySession } from '@/lib/auth/dal';
import { getPostView } from '@/lib/posts/post-view';

export const metadata: Metadata = { title: 'Post' };

export default async function PostPage({ params }: PageProps<'/p/[id]'>) {
  const viewer = await verifySession();
  const data = await getPostView((await params).id);
  if (!data) notFound();
  return (
    <>
      <h1 className="sr-only">Post by {data.post.author}</h1>
      <PostView data={data} viewer={viewer} />
    </>
  );
}
