import { timeAgo } from '@/lib/text/format';

/** `now` comes from the server render, so server and browser print the same text. */
export function RelativeTime({ timestamp, now }: { timestamp: number; now: number }) {
  const date = new Date(timestamp);
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()} className="text-sm text-neutral-600 dark:text-neutral-400">
      {timeAgo(timestamp, now)}
    </time>
  );
}
