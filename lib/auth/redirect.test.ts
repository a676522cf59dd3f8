import { describe, expect, it } from 'vitest';
import { safeNextPath } from './redirect';

describe('safeNextPath', () => {
  it.each([
    ['/feed', '/feed'],
    ['/feed?page=2#top', '/feed?page=2#top'],
    ['/settings/sessions', '/settings/sessions'],
    ['/a/../feed', '/feed'],
  ])('keeps the same-origin path %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'feed',
    '//evil.example',
    '//evil.example/feed',
    '/\\evil.example',
    '\\/evil.example',
    '/\t/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    ' /feed',
    ['/feed'],
  ])('sends %j to the feed', (next) => {
    expect(safeNextPath(next)).toBe('/feed');
  });
});
