// Counts and relative times in English, without Intl: in the browser the first Intl formatter a
// page builds loads ICU data (about 70 ms of a throttled phone's main thread on /feed), and these
// labels are the same for every visitor.

/** 1234567 → "1,234,567", as `toLocaleString('en-US')` prints whole numbers. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "1 post", "1,234 followers". */
export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

const UNITS: [size: number, unit: string, last: string][] = [
  [365 * 24 * 3600, 'yr.', 'last yr.'],
  [30 * 24 * 3600, 'mo.', 'last mo.'],
  [7 * 24 * 3600, 'wk.', 'last wk.'],
  [24 * 3600, 'days', 'yesterday'],
  [3600, 'hr.', '1 hr. ago'],
  [60, 'min.', '1 min. ago'],
];

/**
 * How long before `now` a moment was, exactly as `Intl.RelativeTimeFormat('en', { numeric: 'auto',
 * style: 'short' })` says it: "just now", "5 min. ago", "yesterday", "3 days ago", "last wk.".
 * A moment after `now` (another machine's clock) is "just now" too, never "in 2 min.".
 */
export function timeAgo(timestamp: number, now: number): string {
  // Rounded as Intl's caller did, on the negative side: 3.5 minutes ago is "3 min. ago".
  const seconds = -Math.round((timestamp - now) / 1000);
  for (const [size, unit, last] of UNITS) {
    if (seconds < size) continue;
    const n = -Math.round(-seconds / size);
    return n === 1 ? last : `${n} ${unit} ago`;
  }
  return 'just now';
}
