import { describe, expect, it } from 'vitest';
import { isMediaKey, mediaContentType, newMediaKey } from './keys';

describe('newMediaKey', () => {
  it('makes 128 random bits in base64url with the extension, different every time', () => {
    const keys = Array.from({ length: 1000 }, () => newMediaKey('webp'));
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{22}\.webp$/);
      expect(Buffer.from(key.slice(0, 22), 'base64url')).toHaveLength(16);
      expect(isMediaKey(key)).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('isMediaKey', () => {
  const key = newMediaKey('webp');
  const id = key.slice(0, 22);

  it('refuses anything that is not exactly a key', () => {
    for (const value of [
      '',
      '.webp',
      'x.webp',
      'x.svg',
      '../x.webp',
      '%2e%2e/x',
      'a/b.webp',
      'x.webp\0',
      `${id}.svg`,
      `${id}.WEBP`,
      `${id}.webp.svg`,
      `${id}.webp\n`,
      `${id}.webp/`,
      `/${key}`,
      ` ${key}`,
      `../${key}`,
      `${id.slice(0, 20)}..webp`,
      `${id.slice(0, 21)}%.webp`,
      `${id.slice(0, 21)}/.webp`,
      `${id}x.webp`,
      `${'A'.repeat(10_000)}.webp`,
    ]) {
      expect(isMediaKey(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('mediaContentType', () => {
  it('is image/webp for a key, and refuses a non-key', () => {
    expect(mediaContentType(newMediaKey('webp'))).toBe('image/webp');
    expect(() => mediaContentType('x.webp')).toThrow();
  });
});
