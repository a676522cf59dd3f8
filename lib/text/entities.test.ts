import { describe, expect, it } from 'vitest';
import { mentionedUsernames, parseEntities } from './entities';

describe('parseEntities', () => {
  it('finds tags and mentions between plain text', () => {
    expect(parseEntities('Sunset with @alice_b #Sunset #été!')).toEqual([
      { kind: 'text', text: 'Sunset with ' },
      { kind: 'mention', text: '@alice_b', username: 'alice_b' },
      { kind: 'text', text: ' ' },
      { kind: 'tag', text: '#Sunset', tag: 'sunset' },
      { kind: 'text', text: ' ' },
      { kind: 'tag', text: '#été', tag: 'été' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('leaves emails, mid-word signs and too-short names as text', () => {
    for (const text of ['mail me at bob@example.com', 'issue x#1', '@ab is short', 'a@@bob', '##', '@']) {
      expect(parseEntities(text).filter((s) => s.kind !== 'text')).toEqual([]);
    }
  });

  it('a mention drops the full stop that ends a sentence, and keeps the rest as text', () => {
    expect(parseEntities('Thanks @Bob.Smith.')).toEqual([
      { kind: 'text', text: 'Thanks ' },
      { kind: 'mention', text: '@Bob.Smith', username: 'bob.smith' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never loses or reorders a character', () => {
    const samples = ['<img src=x onerror=alert(1)> #a @bob', '#x#y @bob@carol', 'line\n#two\n@three.', ''];
    for (const text of samples) expect(parseEntities(text).map((s) => s.text).join('')).toBe(text);
  });
});

describe('mentionedUsernames', () => {
  it('lists each mentioned name once, lower-cased', () => {
    expect(mentionedUsernames(['@Bob and @carol', 'again @bob'])).toEqual(['bob', 'carol']);
  });
});
