import 'server-only';
import { requireViewer } from '@/lib/auth/dal';
import { type CommentView, commentPreviews } from '@/lib/comments/queries';
import { getDb } from '@/lib/db/client';
import { mediaUrl } from '@/lib/media/storage';
import { type FeedCursor, FEED_PAGE_SIZE, encodeCursor } from './cursor';
import { type PostStatements, preparePostStatements } from './statements';

/** The stored renditions, as a browser fetches them; the size is the large one's. */
export type PostPhoto = { src: string; medium: string; thumbnail: string; width: number; height: number; placeholder: string };

export type FeedPost = {
  id: number;
  authorId: number;
  author: string;
  photo: PostPhoto;
  caption: string;
  alt: string;
  likeCount: number;
  commentCount: number;
  likedByMe: boolean;
  createdAt: number;
  /** The newest comments, for a feed card (none on the post's own page, which shows them all). */
  recentComments: CommentView[];
};
/** `servedAt`: the server's clock when the page was read, for "3 hours ago" labels. */
export type FeedPage = { posts: FeedPost[]; nextCursor: string | null; servedAt: number };
export type LikeState = { liked: boolean; likeCount: number };

// Prepared once per process, on first use (the database is opened lazily).
let statements: PostStatements | undefined;
const prepared = () => (statements ??= preparePostStatements(getDb()));

type PostRow = Awaited<ReturnType<PostStatements['post']['execute']>>[number];

function toPost({ imageKey, mediumKey, thumbnailKey, width, height, placeholder, likedByMe, ...rest }: PostRow): FeedPost {
  return {
    ...rest,
    likedByMe: Boolean(likedByMe),
    recentComments: [],
    photo: { src: mediaUrl(imageKey), medium: mediaUrl(mediumKey), thumbnail: mediaUrl(thumbnailKey), width, height, placeholder },
  };
}

/** A page of the feed as the viewer sees it (what they liked), newest first. */
export async function getFeedPage(cursor: FeedCursor | null): Promise<FeedPage> {
  const { id: viewerId } = await requireViewer();
  const { firstPage, nextPage } = prepared();
  const rows = await (cursor
    ? nextPage.execute({ viewerId, createdAt: cursor.createdAt, id: cursor.id })
    : firstPage.execute({ viewerId }));
  const page = rows.slice(0, FEED_PAGE_SIZE).map(toPost);
  // The cards' newest comments: one more query for the whole page.
  const previews = await commentPreviews(page.map((p) => p.id));
  for (const post of page) post.recentComments = previews.get(post.id) ?? [];
  const last = page.at(-1);
  return {
    posts: page,
    nextCursor: rows.length > FEED_PAGE_SIZE && last ? encodeCursor(last) : null,
    servedAt: Date.now(),
  };
}

/** One post as the viewer sees it; null when there is no such post. */
export async function getPost(postId: number): Promise<{ post: FeedPost; servedAt: number } | null> {
  const { id: viewerId } = await requireViewer();
  const [row] = await prepared().post.execute({ viewerId, postId });
  return row ? { post: toPost(row), servedAt: Date.now() } : null;
}

/** The viewer likes or unlikes a post (idempotent); null when the post does not exist. */
export async function setLike(postId: number, liked: boolean): Promise<LikeState | null> {
  const { id: userId } = await requireViewer();
  const { insertLike, deleteLike, likeCount } = prepared();
  await (liked ? insertLike.execute({ userId, postId, now: Date.now() }) : deleteLike.execute({ userId, postId }));
  const [row] = await likeCount.execute({ postId });
  return row ? { liked, likeCount: row.likeCount } : null;
}
