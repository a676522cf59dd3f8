import { Link } from '@/components/ui/link';
import { RichText } from '@/components/text/rich-text';
import { UserLink } from '@/components/users/user-link';
import type { CommentView } from '@/lib/comments/queries';
import { postPath } from '@/lib/routes';
import { formatCount } from '@/lib/text/format';

/** A feed card's comments: "View all N comments" when there are more than shown, then the newest two. */
export function CommentPreviews({ postId, count, comments }: { postId: number; count: number; comments: CommentView[] }) {
  if (count === 0) return null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      {count > comments.length ? (
        <Link href={postPath(postId)} className="self-start rounded text-neutral-500 hover:underline dark:text-neutral-400">
          View all {formatCount(count)} comments
        </Link>
      ) : null}
      <ul className="flex flex-col gap-0.5">
        {comments.map((comment) => (
          <li key={comment.id} className="line-clamp-2 break-words">
            <UserLink username={comment.author} className="mr-1.5 font-semibold hover:underline" />
            <RichText text={comment.text} />
          </li>
        ))}
      </ul>
    </div>
  );
}
