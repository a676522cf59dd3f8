import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TagGrid } from '@/components/discovery/explore-grid';
import { verifySession } from '@/lib/auth/dal';
import { countTagPosts, getTagPage } from '@/lib/discovery/posts';
import { parseTagParam } from '@/lib/posts/tags';
import { countLabel } from '@/lib/text/format';

export async function generateMetadata({ params }: PageProps<'/explore/tags/[tag]'>): Promise<Metadata> {
  const tag = parseTagParam((await params).tag);
  return { title: tag ? `#${tag}` : 'Not found' };
}

export default async function TagPage({ params }: PageProps<'/explore/tags/[tag]'>) {
  await verifySession();
  // Only what a caption could link to: anything else is no tag at all.
  const tag = parseTagParam((await params).tag);
  if (!tag) notFound();
  const [page, total] = await Promise.all([getTagPage(tag, null), countTagPosts(tag)]);
  return (
    <>
      <header className="flex flex-col gap-1 px-3 pb-3 sm:px-0">
        <h1 className="text-lg font-semibold break-all">#{tag}</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{countLabel(total, 'post')}</p>
      </header>
      <TagGrid tag={tag} initial={page} />
    </>
  );
}
