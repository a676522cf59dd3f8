import 'server-only';
import { requireViewer } from '@/lib/auth/dal';
import { type CommentView, commentPreviews } from '@/lib/comments/queries';
import { getDb } from '@/lib/db/client';
import { mediaUrl } from '@/lib/media/storage';
import { type Person, suggestedAccounts } from '@/lib/discovery/people';
import { mentionedUsernames } from '@/lib/text/entities';
import { existingUsernames } from '@/lib/users/queries';
import { type FeedPosition, FEED_PAGE_SIZE, encodeCursor, encodeSuggestedCursor } from './cursor';
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
  /** The @mentions of the caption that name an account (only those become links). */
  knownMentions: string[];
  /** The newest comments, for a feed card (none on the post's own page, which shows them all). */
  recentComments: CommentView[];
};
/**
 * `posts`: the following feed's; `suggested`: "Suggested for you" posts, once the following feed
 * has ended; `accounts`: the accounts to follow, on the page where the suggestions begin (else
 * null). `servedAt`: the server's clock when the page was read, for "3 hours ago" labels.
 */
export type FeedPage = { posts: FeedPost[]; suggested: FeedPost[]; accounts: Person[] | null; nextCursor: string | null; servedAt: number };
export type LikeState = { liked: boolean; likeCount: number };

// Prepared once per process, on first use (the database is opened lazily).
let statements: PostStatements | undefined;
const prepared = () => (statements ??= preparePostStatements(getDb()));

type PostRow = Awaited<ReturnType<PostStatements['post']['execute']>>[number];

function toPost({ imageKey, mediumKey, thumbnailKey, width, height, placeholder, likedByMe, ...rest }: PostRow): FeedPost {
  return {
    ...rest,
    likedByMe: Boolean(likedByMe),
    knownMentions: [],
    recentComments: [],
    photo: { src: mediaUrl(imageKey), medium: mediaUrl(mediumKey), thumbnail: mediaUrl(thumbnailKey), width, height, placeholder },
  };
}

/**
 * A page of the feed as the viewer sees it (what they liked): the following feed, newest first,
 * then "Suggested for you" (others' posts, newest first, and accounts to follow) once it has
 * ended, so a feed is never empty. One query per page; the page where the suggestions begin adds
 * theirs.
 */
export async function getFeedPage(position: FeedPosition | null): Promise<FeedPage> {
  const { id: viewerId } = await requireViewer();
  const { firstPage, nextPage, suggestedFirst, suggestedNext } = prepared();
  const servedAt = Date.now();
  if (position?.section === 'suggested') {
    const rows = await suggestedNext.execute({ viewerId, ...position.after });
    const { page, next } = paged(rows);
    return withCommentPreviews({ posts: [], suggested: page, accounts: null, nextCursor: next && encodeSuggestedCursor(next), servedAt });
  }
  const rows = await (position ? nextPage.execute({ viewerId, ...position.after }) : firstPage.execute({ viewerId }));
  const { page, next } = paged(rows);
  if (next) return withCommentPreviews({ posts: page, suggested: [], accounts: null, nextCursor: encodeCursor(next), servedAt });
  const [suggestedRows, accounts] = await Promise.all([suggestedFirst.execute({ viewerId }), suggestedAccounts(viewerId)]);
  const suggested = paged(suggestedRows);
  return withCommentPreviews({ posts: page, suggested: suggested.page, accounts, nextCursor: suggested.next && encodeSuggestedCursor(suggested.next), servedAt });
}

/** The cards' newest comments: one more query for the whole page (the post's own page shows them all). */
async function withCommentPreviews<T extends { posts: FeedPost[]; suggested: FeedPost[] }>(page: T): Promise<T> {
  const all = [...page.posts, ...page.suggested];
  const previews = await commentPreviews(all.map((p) => p.id));
  for (const post of all) post.recentComments = previews.get(post.id) ?? [];
  return withMentions(page);
}

/** Marks which @mentions of the page's captions name an account: one query for the page, none without mentions. */
async function withMentions<T extends { posts: FeedPost[]; suggested: FeedPost[] }>(page: T): Promise<T> {
  const all = [...page.posts, ...page.suggested];
  const known = await existingUsernames(mentionedUsernames(all.map((p) => p.caption)));
  if (known.size > 0) for (const post of all) post.knownMentions = mentionedUsernames([post.caption]).filter((name) => known.has(name));
  return page;
}

/** A page from rows fetched with `limit(FEED_PAGE_SIZE + 1)`, and its last post when there is more. */
function paged(rows: PostRow[]): { page: FeedPost[]; next: FeedPost | null } {
  const page = rows.slice(0, FEED_PAGE_SIZE).map(toPost);
  return { page, next: rows.length > FEED_PAGE_SIZE ? (page.at(-1) ?? null) : null };
}

/** One post as the viewer sees it; null when there is no such post. */
export async function getPost(postId: number): Promise<{ post: FeedPost; servedAt: number } | null> {
  const { id: viewerId } = await requireViewer();
  const [row] = await prepared().post.execute({ viewerId, postId });
  if (!row) return null;
  const { posts: [post] } = await withMentions({ posts: [toPost(row)], suggested: [] });
  return post ? { post, servedAt: Date.now() } : null;
}

/** The viewer likes or unlikes a post (idempotent); null when the post does not exist. */
export async function setLike(postId: number, liked: boolean): Promise<LikeState | null> {
  const { id: userId } = await requireViewer();
  const { insertLike, deleteLike, likeCount } = prepared();
  await (liked ? insertLike.execute({ userId, postId, now: Date.now() }) : deleteLike.execute({ userId, postId }));
  const [row] = await likeCount.execute({ postId });
  return row ? { liked, likeCount: row.likeCount } : null;
}
