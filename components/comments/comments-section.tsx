'use client';

import { useMemo, useRef, useState } from 'react';
import type { CommentView, CommentsPage } from '@/lib/comments/queries';
import { CommentForm } from './comment-form';
import { CommentItem } from './comment-item';

type CommentsSectionProps = {
  postId: number;
  initial: CommentsPage;
  now: number;
  viewer: string;
  /** The post's owner may delete any comment on it. */
  ownPost: boolean;
  knownUsers: string[];
};

type Shown = CommentView & { sending?: boolean };

async function errorOf(response: Response, fallback: string): Promise<string> {
  if (response.status === 401) return 'Your session has ended. Log in again to comment.';
  const body = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string[]> };
  return Object.values(body.fields ?? {})[0]?.[0] ?? body.error ?? fallback;
}

const OFFLINE = 'Check your connection and try again.';
const linkButton = 'self-start rounded text-sm font-semibold text-neutral-500 hover:underline disabled:opacity-60 dark:text-neutral-400';

/** A post's comments, oldest first, with "Load more comments", "Add a comment" and "Delete comment". */
export function CommentsSection({ postId, initial, now, viewer, ownPost, knownUsers }: CommentsSectionProps) {
  const [comments, setComments] = useState<Shown[]>(initial.comments);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const known = useMemo(() => new Set(knownUsers), [knownUsers]);
  const nextTempId = useRef(-1);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const response = await fetch(`/api/posts/${postId}/comments?${new URLSearchParams({ cursor })}`);
      if (!response.ok) return setError(await errorOf(response, 'Could not load more comments.'));
      const page = (await response.json()) as CommentsPage;
      setComments((shown) => {
        const seen = new Set(shown.map((c) => c.id));
        return [...shown, ...page.comments.filter((c) => !seen.has(c.id))];
      });
      setCursor(page.nextCursor);
    } catch {
      setError(`Could not load more comments. ${OFFLINE}`);
    } finally {
      setLoading(false);
    }
  }

  // Shown at once, marked as sending; replaced by the saved comment, or taken back on failure.
  async function add(text: string): Promise<string | null> {
    const tempId = nextTempId.current--;
    setComments((shown) => [...shown, { id: tempId, text: text.trim(), author: viewer, createdAt: Date.now(), sending: true }]);
    const drop = () => setComments((shown) => shown.filter((c) => c.id !== tempId));
    try {
      const response = await fetch(`/api/posts/${postId}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      if (!response.ok) {
        drop();
        return await errorOf(response, 'Could not post your comment.');
      }
      const saved = (await response.json()) as CommentView;
      setComments((shown) => shown.map((c) => (c.id === tempId ? saved : c)));
      return null;
    } catch {
      drop();
      return `Could not post your comment. ${OFFLINE}`;
    }
  }

  async function remove(id: number) {
    setError(null);
    try {
      const response = await fetch(`/api/comments/${id}`, { method: 'DELETE' });
      if (response.status !== 204 && response.status !== 404) return setError(await errorOf(response, 'Could not delete the comment.'));
      setComments((shown) => shown.filter((c) => c.id !== id));
      // The button is gone with its comment: focus goes somewhere useful, not to the page's start.
      input.current?.focus();
    } catch {
      setError(`Could not delete the comment. ${OFFLINE}`);
    }
  }

  return (
    <section aria-label="Comments" className="flex flex-col gap-2">
      {comments.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              now={now}
              knownUsers={known}
              action={
                !comment.sending && (ownPost || comment.author === viewer) ? (
                  <button
                    type="button"
                    onClick={() => void remove(comment.id)}
                    className="shrink-0 rounded px-1.5 py-0.5 text-xs font-semibold text-neutral-500 hover:text-red-700 dark:text-neutral-400 dark:hover:text-red-400"
                  >
                    Delete comment
                  </button>
                ) : comment.sending ? (
                  <span className="shrink-0 text-xs text-neutral-500 dark:text-neutral-400">Posting…</span>
                ) : null
              }
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-neutral-500 dark:text-neutral-400">No comments yet.</p>
      )}
      {cursor ? (
        <button type="button" onClick={() => void loadMore()} disabled={loading} className={linkButton}>
          {loading ? 'Loading…' : 'Load more comments'}
        </button>
      ) : null}
      <p role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
      <CommentForm onSubmit={add} inputRef={input} />
    </section>
  );
}
