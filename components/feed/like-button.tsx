'use client';

export function HeartIcon({ filled, className }: { filled: boolean; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={className} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={2}>
      <path
        strokeLinejoin="round"
        d="M12 20.5s-7.5-4.6-9.3-9.3C1.4 7.8 3.6 4.5 7 4.5c2 0 3.6 1.1 5 3 1.4-1.9 3-3 5-3 3.4 0 5.6 3.3 4.3 6.7-1.8 4.7-9.3 9.3-9.3 9.3z"
      />
    </svg>
  );
}

type LikeButtonProps = { liked: boolean; onToggle: () => void };

/** A toggle button: aria-pressed carries the state, the name says what a press does. */
export function LikeButton({ liked, onToggle }: LikeButtonProps) {
  return (
    <button
      type="button"
      aria-pressed={liked}
      aria-label={liked ? 'Unlike' : 'Like'}
      onClick={onToggle}
      className="-m-2 rounded-full p-2 transition active:scale-90"
    >
      <HeartIcon filled={liked} className={`size-7 ${liked ? 'text-red-500' : 'hover:text-neutral-500'}`} />
    </button>
  );
}
