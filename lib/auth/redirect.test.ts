import { describe, expect, it } from 'vitest';
import { safeNextPath } from './redirect';

const SITE = 'https://cookiegram.example';
/** Where a browser on this site would go with `path` as a Location or a link. */
const resolvedOrigin = (path: string) => new URL(path, SITE).origin;

describe('safeNextPath', () => {
  it.each([
    ['/feed', '/feed'],
    ['/feed?page=2#top', '/feed?page=2#top'],
    ['/settings/sessions', '/settings/sessions'],
    ['/a/../feed', '/feed'],
  ])('keeps the same-origin path %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  const hostile = [
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
    '/.//evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example/x?y#z',
    '/a/..//evil.example',
    '/a/%2e%2e//evil.example',
    '/././/evil.example',
    '/.%2e/..//evil.example',
  ];
  it.each(hostile)('sends %j to the feed', (next) => {
    expect(safeNextPath(next)).toBe('/feed');
  });

  it('never returns what a browser resolves off-site, and applying it twice changes nothing', () => {
    const pieces = ['/', '.', '..', '%2e', '%2E', '%2f', '%5c', '\\', '//', 'evil.example', 'a', '?', '#', ':', '@', ' ', '\t', '%00', 'https:'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const length = 1 + Math.floor(random() * 8);
      const input = `/${Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('')}`;
      const out = safeNextPath(input);
      expect(resolvedOrigin(out), input).toBe(SITE);
      expect(out.startsWith('/') && !out.startsWith('//'), input).toBe(true);
      expect(safeNextPath(out), input).toBe(out);
    }
  });
});
