'use client';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });

function relative(timestamp: number, now: number): string {
  const seconds = Math.round((timestamp - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** `now` comes from the server render, so server and browser print the same text. */
export function RelativeTime({ timestamp, now }: { timestamp: number; now: number }) {
  const date = new Date(timestamp);
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()} className="text-sm text-neutral-600 dark:text-neutral-400">
      {relative(timestamp, now)}
    </time>
  );
}
