// The search box's rules, shared by the page and the tests. Pure: no database.

/** Longer queries are refused: no username is longer than 30, nor a display name than 50. */
export const SEARCH_MAX = 50;

/** SQLite's lower() folds ASCII only; the query is folded the same way so the ranges agree. */
const lowerAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The last code point: every string starting with the prefix sorts below prefix + this. */
const TOP = String.fromCodePoint(0x10ffff);

export type SearchQuery = { kind: 'empty' } | { kind: 'too-long' } | { kind: 'prefix'; text: string; from: string; to: string };

/** The q parameter as the page got it (absent, repeated, anything) to what to search for. */
export function parseSearchQuery(raw: string | string[] | undefined): SearchQuery {
  const value = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const text = value.normalize('NFC').trim();
  if (text === '') return { kind: 'empty' };
  if ([...text].length > SEARCH_MAX) return { kind: 'too-long' };
  const from = lowerAscii(text.replace(/^@/, ''));
  if (from === '') return { kind: 'empty' };
  return { kind: 'prefix', text, from, to: from + TOP };
}
