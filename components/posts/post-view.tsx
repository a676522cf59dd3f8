import { CommentsSection } from '@/components/comments/comments-section';
import { PostCard } from '@/components/feed/post-card';
import type { Viewer } from '@/lib/auth/dal';
import type { PostViewData } from '@/lib/posts/post-view';
import { PostMenu } from './post-menu';

/** A post with all its comments: the same on its page and in the modal over the feed. */
export function PostView({ data, viewer }: { data: PostViewData; viewer: Viewer }) {
  const { post, servedAt, comments, knownUsers } = data;
  const own = post.authorId === viewer.id;
  return (
    <PostCard
      post={post}
      eager
      now={servedAt}
      menu={own ? <PostMenu postId={post.id} caption={post.caption} alt={post.alt} /> : undefined}
      comments={<CommentsSection postId={post.id} initial={comments} now={servedAt} viewer={viewer.username} ownPost={own} knownUsers={knownUsers} />}
    />
  );
}
