import 'server-only';
import { requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { type FeedCursor, FEED_PAGE_SIZE, encodeCursor } from './cursor';
import { type PostStatements, preparePostStatements } from './statements';

export type FeedPost = {
  id: number;
  author: string;
  image: string;
  caption: string;
  likeCount: number;
  likedByMe: boolean;
  createdAt: number;
};
/** `servedAt`: the server's clock when the page was read, for "3 hours ago" labels. */
export type FeedPage = { posts: FeedPost[]; nextCursor: string | null; servedAt: number };
export type LikeState = { liked: boolean; likeCount: number };

// Prepared once per process, on first use (the database is opened lazily).
let statements: PostStatements | undefined;
const prepared = () => (statements ??= preparePostStatements(getDb()));

/** A page of the feed as the viewer sees it (what they liked), newest first. */
export async function getFeedPage(cursor: FeedCursor | null): Promise<FeedPage> {
  const { id: viewerId } = await requireViewer();
  const { firstPage, nextPage } = prepared();
  const rows = await (cursor
    ? nextPage.execute({ viewerId, createdAt: cursor.createdAt, id: cursor.id })
    : firstPage.execute({ viewerId }));
  const page = rows.slice(0, FEED_PAGE_SIZE).map((r) => ({ ...r, likedByMe: Boolean(r.likedByMe) }));
  const last = page.at(-1);
  return {
    posts: page,
    nextCursor: rows.length > FEED_PAGE_SIZE && last ? encodeCursor(last) : null,
    servedAt: Date.now(),
  };
}

/** The viewer likes or unlikes a post (idempotent); null when the post does not exist. */
export async function setLike(postId: number, liked: boolean): Promise<LikeState | null> {
  const { id: userId } = await requireViewer();
  const { insertLike, deleteLike, likeCount } = prepared();
  await (liked ? insertLike.execute({ userId, postId, now: Date.now() }) : deleteLike.execute({ userId, postId }));
  const [row] = await likeCount.execute({ postId });
  return row ? { liked, likeCount: row.likeCount } : null;
}
