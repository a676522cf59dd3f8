import type { ReactNode } from 'react';
import { RelativeTime } from '@/components/feed/relative-time';
import { RichText } from '@/components/text/rich-text';
import { UserLink } from '@/components/users/user-link';
import type { CommentView } from '@/lib/comments/queries';

type CommentItemProps = { comment: CommentView; now: number; knownUsers?: ReadonlySet<string>; /** The delete button, for those allowed. */ action?: ReactNode };

/** One comment: who, what (as text, with #tags and known @names as links), when. */
export function CommentItem({ comment, now, knownUsers, action }: CommentItemProps) {
  return (
    <li className="flex items-start gap-2 text-sm">
      <p className="min-w-0 flex-1 break-words whitespace-pre-line">
        <UserLink username={comment.author} className="mr-1.5 font-semibold hover:underline" />
        <RichText text={comment.text} knownUsers={knownUsers} />
        <span className="ml-2 whitespace-nowrap">
          <RelativeTime timestamp={comment.createdAt} now={now} />
        </span>
      </p>
      {action}
    </li>
  );
}
