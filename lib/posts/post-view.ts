import 'server-only';
import { type CommentsPage, getCommentsPage } from '@/lib/comments/queries';
import { mentionedUsernames } from '@/lib/text/entities';
import { existingUsernames } from '@/lib/users/queries';
import { parsePostId } from './post-id';
import { type FeedPost, getPost } from './queries';

/** Everything a post's view shows (its page and its modal): the post, its first comments, and which @names exist. */
export type PostViewData = { post: FeedPost; servedAt: number; comments: CommentsPage; knownUsers: string[] };

/** The post named by a URL segment as the viewer sees it; null for a malformed id or no such post. */
export async function getPostView(rawId: string): Promise<PostViewData | null> {
  const id = parsePostId(rawId);
  if (id === null) return null;
  const [found, comments] = await Promise.all([getPost(id), getCommentsPage(id, null)]);
  if (!found || !comments) return null;
  const known = await existingUsernames(mentionedUsernames([found.post.caption, ...comments.comments.map((c) => c.text)]));
  return { ...found, comments, knownUsers: [...known] };
}
