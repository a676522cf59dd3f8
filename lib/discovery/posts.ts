import 'server-only';
import { requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import type { FeedCursor } from '@/lib/posts/cursor';
import { type GridPage, toGridPage } from '@/lib/posts/grid';
import { exploreQuery, tagCountQuery, tagPostsQuery } from '@/lib/posts/statements';

function prepareStatements() {
  const db = getDb();
  return {
    exploreFirst: exploreQuery(db, false).prepare(),
    exploreNext: exploreQuery(db, true).prepare(),
    tagFirst: tagPostsQuery(db, false).prepare(),
    tagNext: tagPostsQuery(db, true).prepare(),
    tagCount: tagCountQuery(db).prepare(),
  };
}
let statements: ReturnType<typeof prepareStatements> | undefined;
const prepared = () => (statements ??= prepareStatements());

/** Explore: a page of everyone's posts, newest first. */
export async function getExplorePage(after: FeedCursor | null): Promise<GridPage> {
  await requireViewer();
  const { exploreFirst, exploreNext } = prepared();
  return toGridPage(await (after ? exploreNext.execute(after) : exploreFirst.execute()));
}

/** A page of one tag's posts (a normalised tag, lib/posts/tags.ts parseTagParam), newest first. */
export async function getTagPage(tag: string, after: FeedCursor | null): Promise<GridPage> {
  await requireViewer();
  const { tagFirst, tagNext } = prepared();
  return toGridPage(await (after ? tagNext.execute({ tag, ...after }) : tagFirst.execute({ tag })));
}

/** How many posts carry the tag. */
export async function countTagPosts(tag: string): Promise<number> {
  await requireViewer();
  return (await prepared().tagCount.execute({ tag }))[0]?.n ?? 0;
}
