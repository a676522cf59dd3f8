// #hashtags and @mentions in captions and comments, found when the text is shown. The text is
// stored as the author wrote it and always rendered as text: these segments become links, never
// HTML. Pure (no server-only): the client components that render captions use it too.

export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'tag'; text: string; tag: string }
  | { kind: 'mention'; text: string; username: string };

// A tag is letters, digits and underscores in any script; a mention is a username's characters
// (lib/auth/validation.ts). Either must start the text or follow a character that cannot be part
// of a word, so "a@b.com" and "x#1" stay text. Dots may end a sentence, so a mention drops them.
const ENTITY = /(?<![\p{L}\p{N}_@#.])(?:#([\p{L}\p{N}_]{1,100})|@([a-z0-9._]{1,30}))/giu;
const USERNAME_MIN = 3;

/** The longest tag we link; longer runs of letters after # stay text. */
export const TAG_MAX = 100;

/** Tags are matched case-insensitively: #Sunset and #sunset are one tag. */
export const normalizeTag = (tag: string) => tag.normalize('NFC').toLowerCase();

export function parseEntities(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  const pushText = (end: number) => {
    if (end > last) segments.push({ kind: 'text', text: text.slice(last, end) });
  };
  for (const match of text.matchAll(ENTITY)) {
    const [whole, tag, mention] = match;
    const start = match.index;
    if (tag !== undefined) {
      pushText(start);
      segments.push({ kind: 'tag', text: whole, tag: normalizeTag(tag) });
      last = start + whole.length;
      continue;
    }
    const username = (mention ?? '').replace(/\.+$/, '').toLowerCase();
    if (username.length < USERNAME_MIN) continue;
    pushText(start);
    segments.push({ kind: 'mention', text: `@${mention?.slice(0, username.length)}`, username });
    last = start + 1 + username.length;
  }
  pushText(text.length);
  return segments;
}

/** Every distinct username mentioned in these texts, to look up which exist (one query per page). */
export function mentionedUsernames(texts: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const segment of parseEntities(text)) if (segment.kind === 'mention') names.add(segment.username);
  }
  return [...names];
}
