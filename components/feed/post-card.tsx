'use client';

import { Link } from '@/components/ui/link';
import { type ReactNode, useRef, useState } from 'react';
import type { FeedPost } from '@/lib/posts/queries';
import { mediumSize, thumbnailSize } from '@/lib/media/sizes';
import { photoAlt } from '@/lib/posts/photo-alt';
import { postPath } from '@/lib/routes';
import { countLabel } from '@/lib/text/format';
import { CommentPreviews } from '@/components/comments/comment-previews';
import { RichText } from '@/components/text/rich-text';
import { Avatar } from '@/components/users/avatar';
import { UserLink } from '@/components/users/user-link';
import { HeartIcon, LikeButton } from './like-button';
import { RelativeTime } from './relative-time';
import { useLike } from './use-like';

const DOUBLE_TAP_MS = 300;

/** Each rendition once, with its width (a small photo's renditions are one and the same). */
function srcSet({ src, medium, thumbnail, width, height }: FeedPost['photo']) {
  const candidates = new Map([
    [thumbnail, thumbnailSize(width, height).width],
    [medium, mediumSize(width, height).width],
    [src, width],
  ]);
  return [...candidates].map(([url, w]) => `${url} ${w}w`).join(', ');
}

type PostCardProps = {
  post: FeedPost;
  eager: boolean;
  now: number;
  /** The owner's Edit and Delete, on the post's page. */
  menu?: ReactNode;
  /** Every comment, on the post's page; a feed card shows its newest instead. */
  comments?: ReactNode;
};

export function PostCard({ post, eager, now, menu, comments }: PostCardProps) {
  const like = useLike(post.id, { liked: post.likedByMe, likeCount: post.likeCount });
  const lastTap = useRef(0);
  const [burst, setBurst] = useState(0);

  // Double-tap (touch or mouse) on the photo likes it, as on Instagram; it never unlikes.
  function onPhotoTap(event: React.PointerEvent) {
    if (event.timeStamp - lastTap.current < DOUBLE_TAP_MS) {
      lastTap.current = 0;
      setBurst((n) => n + 1);
      like.setLiked(true);
    } else {
      lastTap.current = event.timeStamp;
    }
  }

  const labelId = `post-${post.id}-author`;
  const { photo } = post;
  return (
    <article aria-labelledby={labelId} className="border-neutral-200 bg-white sm:rounded-xl sm:border dark:border-neutral-800 dark:bg-neutral-950">
      <header className="relative flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2.5">
        <Avatar username={post.author} src={null} size={32} />
        <UserLink id={labelId} username={post.author} className="rounded text-sm font-semibold hover:underline" />
        <span aria-hidden="true" className="text-neutral-400">
          •
        </span>
        <Link href={postPath(post.id)} className="rounded hover:underline">
          <RelativeTime timestamp={post.createdAt} now={now} />
        </Link>
        {menu}
      </header>

      <div
        className="relative touch-manipulation select-none bg-neutral-100 bg-cover bg-center dark:bg-neutral-900"
        // The stored size reserves the box before the image arrives; the tiny placeholder fills it.
        style={{ aspectRatio: `${photo.width} / ${photo.height}`, backgroundImage: photo.placeholder ? `url("${photo.placeholder}")` : undefined }}
        onPointerUp={onPhotoTap}
      >
        {/* A plain img: the pipeline already made the renditions (lib/media/pipeline.ts), so
            next/image would only add its component's server cost to every feed view. Sized (no
            layout shift), lazy below the first posts, decoded off the main thread. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={photo.src}
          srcSet={srcSet(photo)}
          sizes="(min-width: 470px) 470px, 100vw"
          alt={photoAlt(post)}
          width={photo.width}
          height={photo.height}
          loading={eager ? 'eager' : 'lazy'}
          fetchPriority={eager ? 'high' : 'auto'}
          decoding="async"
          draggable={false}
          className="absolute inset-0 size-full object-cover"
        />
        {burst > 0 ? (
          <span key={burst} aria-hidden="true" className="pointer-events-none absolute inset-0 flex items-center justify-center">
            <HeartIcon filled className="animate-heart-pop size-24 text-white drop-shadow-lg" />
          </span>
        ) : null}
      </div>

      <div className="flex flex-col gap-1.5 px-3 py-3">
        <LikeButton liked={like.liked} onToggle={() => like.setLiked(!like.liked)} />
        <p className="text-sm font-semibold" aria-live="polite">
          {countLabel(like.likeCount, 'like')}
        </p>
        {like.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {like.error}
          </p>
        ) : null}
        {post.caption ? (
          <p className="text-sm break-words">
            <UserLink username={post.author} className="mr-1.5 font-semibold hover:underline" />
            <RichText text={post.caption} knownUsers={new Set(post.knownMentions)} />
          </p>
        ) : null}
        {comments ?? <CommentPreviews postId={post.id} count={post.commentCount} comments={post.recentComments} />}
      </div>
    </article>
  );
}
