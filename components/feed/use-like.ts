'use client';

import { useOptimistic, useState, useTransition } from 'react';
import type { LikeState } from '@/lib/posts/queries';

function applyLike(current: LikeState, liked: boolean): LikeState {
  if (current.liked === liked) return current;
  return { liked, likeCount: current.likeCount + (liked ? 1 : -1) };
}

async function sendLike(postId: number, liked: boolean): Promise<LikeState> {
  const response = await fetch(`/api/posts/${postId}/like`, { method: liked ? 'POST' : 'DELETE' });
  if (response.status === 401) throw new Error('Your session has ended. Log in again to like posts.');
  if (!response.ok) throw new Error('Could not save your like. Please try again.');
  return (await response.json()) as LikeState;
}

/**
 * A post's like state with optimistic updates: the UI changes at once, the server's answer
 * replaces it, and a failure rolls it back (the optimistic value ends with the transition).
 */
export function useLike(postId: number, initial: LikeState) {
  const [confirmed, setConfirmed] = useState(initial);
  const [state, addOptimistic] = useOptimistic(confirmed, applyLike);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function setLiked(liked: boolean) {
    if (state.liked === liked) return;
    setError(null);
    startTransition(async () => {
      addOptimistic(liked);
      try {
        const saved = await sendLike(postId, liked);
        startTransition(() => setConfirmed(saved));
      } catch (err) {
        setError(err instanceof Error ? err.message : 'Could not save your like.');
      }
    });
  }

  return { ...state, error, setLiked };
}
