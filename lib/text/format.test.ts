import { describe, expect, it } from 'vitest';
import { countLabel, formatCount, timeAgo } from './format';

describe('formatCount', () => {
  it('groups digits as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, 1_000_000_000, -4200]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});

describe('countLabel', () => {
  it('says one in the singular and the rest in the plural', () => {
    expect(countLabel(1, 'like')).toBe('1 like');
    expect(countLabel(0, 'like')).toBe('0 likes');
    expect(countLabel(2200, 'follower')).toBe('2,200 followers');
    expect(countLabel(3, 'reply', 'replies')).toBe('3 replies');
  });
});

describe('timeAgo', () => {
  const now = Date.UTC(2026, 11, 4, 12);
  const ago = (seconds: number) => timeAgo(now - seconds * 1000, now);

  it('says what Intl.RelativeTimeFormat says, for every age', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 365 * 86400],
      ['month', 30 * 86400],
      ['week', 7 * 86400],
      ['day', 86400],
      ['hour', 3600],
      ['minute', 60],
    ];
    const expected = (seconds: number) => {
      const unit = units.find(([, size]) => seconds >= size);
      return unit ? intl.format(Math.round(-seconds / unit[1]), unit[0]) : 'just now';
    };
    for (let seconds = 0; seconds < 3 * 365 * 86400; seconds += seconds < 7200 ? 7 : seconds < 40 * 86400 ? 611 : 86_399) {
      expect(ago(seconds), `${seconds} s`).toBe(expected(seconds));
    }
  });

  it('reads naturally at the edges', () => {
    expect(ago(0)).toBe('just now');
    expect(ago(59)).toBe('just now');
    expect(ago(60)).toBe('1 min. ago');
    expect(ago(90)).toBe('1 min. ago');
    expect(ago(91)).toBe('2 min. ago');
    expect(ago(86400)).toBe('yesterday');
    expect(ago(3 * 86400)).toBe('3 days ago');
    expect(ago(7 * 86400)).toBe('last wk.');
  });

  it('calls a moment after now "just now", never "in 2 min."', () => {
    expect(ago(-120)).toBe('just now');
    expect(ago(-10 * 86400)).toBe('just now');
  });
});
