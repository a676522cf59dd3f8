import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostCard } from '@/components/feed/post-card';
import { PostMenu } from '@/components/posts/post-menu';
import { verifySession } from '@/lib/auth/dal';
import { parsePostId } from '@/lib/posts/post-id';
import { getPost } from '@/lib/posts/queries';

export const metadata: Metadata = { title: 'Post' };

export default async function PostPage({ params }: PageProps<'/p/[id]'>) {
  const viewer = await verifySession();
  const id = parsePostId((await params).id);
  const found = id === null ? null : await getPost(id);
  if (!found) notFound();
  const { post, servedAt } = found;
  return (
    <>
      <h1 className="sr-only">Post by {post.author}</h1>
      <PostCard
        post={post}
        eager
        now={servedAt}
        menu={post.authorId === viewer.id ? <PostMenu postId={post.id} caption={post.caption} alt={post.alt} /> : undefined}
      />
    </>
  );
}
