import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { parsePostId } from './post-id';

describe('feed cursor', () => {
  it('round-trips', () => {
    const cursor = { createdAt: 1_764_000_000_000, id: 123 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([null, 1, '', 'abc', '1.', '.1', '1.2.3', '-1.2', `${'9'.repeat(16)}.1`])('refuses %j', (value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});

describe('parsePostId', () => {
  it('accepts plain positive integers', () => {
    expect(parsePostId('1')).toBe(1);
    expect(parsePostId('9007199254740991')).toBe(9007199254740991);
  });

  it.each(['0', '01', '-1', '1.5', '1e3', 'abc', '', ' 1', '9007199254740993'])('refuses %j', (raw) => {
    expect(parsePostId(raw)).toBeNull();
  });
});
