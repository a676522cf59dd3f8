import { Link } from '@/components/ui/link';
import { RelativeTime } from '@/components/feed/relative-time';
import { Avatar } from '@/components/users/avatar';
import { UserLink } from '@/components/users/user-link';
import type { NotificationView } from '@/lib/notifications/queries';
import { postPath, profilePath } from '@/lib/routes';

function what(n: NotificationView): { href: string; text: string } {
  if (n.kind === 'follow' || n.postId === null) return { href: profilePath(n.actor), text: 'started following you' };
  if (n.kind === 'like') return { href: postPath(n.postId), text: 'liked your photo' };
  return { href: postPath(n.postId), text: `commented: ${n.commentText ?? ''}` };
}

/** "ben liked your photo", "ben commented: …", "ben started following you": who, what, when; unread ones stand out. */
export function NotificationItem({ notification: n, now }: { notification: NotificationView; now: number }) {
  const { href, text } = what(n);
  return (
    <li className={`flex items-center gap-3 px-3 py-2.5 ${n.unread ? 'bg-orange-50 dark:bg-orange-950/40' : ''}`}>
      <Avatar username={n.actor} src={n.actorAvatar} size={40} />
      <div className="min-w-0 flex-1 text-sm">
        {n.unread ? <span className="sr-only">New: </span> : null}
        <p className="line-clamp-3 break-words">
          <UserLink username={n.actor} /> <Link href={href} className="hover:underline">{text}</Link>
        </p>
        <RelativeTime timestamp={n.createdAt} now={now} />
      </div>
      {n.postThumbnail && n.postId !== null ? (
        // The same place as the text's link, for the pointer; one link for the keyboard is enough.
        <Link href={postPath(n.postId)} tabIndex={-1} aria-hidden="true" className="shrink-0">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={n.postThumbnail} alt="" width={44} height={44} className="size-11 rounded object-cover" />
        </Link>
      ) : null}
      {n.unread ? <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-brand" /> : null}
    </li>
  );
}
