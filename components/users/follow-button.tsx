'use client';

import { useOptimistic, useState, useTransition } from 'react';

type FollowState = { following: boolean; followerCount: number };
type FollowButtonProps = { username: string; following: boolean; onChange?: (state: FollowState) => void };

async function sendFollow(username: string, following: boolean): Promise<FollowState> {
  let response: Response;
  try {
    response = await fetch(`/api/users/${encodeURIComponent(username)}/follow`, { method: following ? 'POST' : 'DELETE' });
  } catch {
    throw new Error('Could not reach Cookiegram. Check your connection and try again.');
  }
  if (response.ok) return (await response.json()) as FollowState;
  if (response.status === 401) throw new Error('Your session has ended. Log in again to follow people.');
  // The API's own message says why (the hourly limit, an account that is gone).
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  throw new Error(typeof body?.error === 'string' ? body.error : 'Could not save that. Please try again.');
}

/**
 * Follow / Following, a toggle (aria-pressed). Optimistic: it changes at once, the server's
 * answer confirms it, and a failure puts it back with the reason, announced.
 */
export function FollowButton({ username, following, onChange }: FollowButtonProps) {
  const [confirmed, setConfirmed] = useState(following);
  const [shown, setShown] = useOptimistic(confirmed);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function toggle() {
    const next = !shown;
    setError(null);
    startTransition(async () => {
      setShown(next);
      try {
        const saved = await sendFollow(username, next);
        startTransition(() => setConfirmed(saved.following));
        onChange?.(saved);
      } catch (err) {
        setError(err instanceof Error ? err.message : 'Could not save that. Please try again.');
      }
    });
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        aria-pressed={shown}
        aria-busy={pending || undefined}
        onClick={toggle}
        className={
          shown
            ? 'rounded-lg bg-neutral-200 px-4 py-1.5 text-sm font-semibold text-neutral-900 hover:bg-neutral-300 dark:bg-neutral-800 dark:text-neutral-100 dark:hover:bg-neutral-700'
            : 'rounded-lg bg-brand px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-strong'
        }
      >
        {shown ? 'Following' : 'Follow'}
      </button>
      <span role="alert" className="text-xs text-red-700 empty:hidden dark:text-red-400">
        {error}
      </span>
    </span>
  );
}
