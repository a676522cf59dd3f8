import type { Metadata } from 'next';
import { NewPostForm } from '@/components/posts/new-post-form';
import { verifySession } from '@/lib/auth/dal';

export const metadata: Metadata = { title: 'New post' };

export default async function NewPostPage() {
  await verifySession();
  return (
    <div className="flex flex-col gap-5 px-4 sm:px-0">
      <h1 className="text-xl font-semibold">New post</h1>
      <NewPostForm />
    </div>
  );
}
