// Keyset pagination: the cursor is the (created_at, id) of the last post shown, so a page costs
// the same at any depth and new posts never shift what "next" means.
// Eight posts fill several screens; infinite scroll fetches the next page well before the end.
// Each post costs server render time on every feed view (see the README's Performance section).
export const FEED_PAGE_SIZE = 8;

export type FeedCursor = { createdAt: number; id: number };

export function encodeCursor(post: FeedCursor): string {
  return `${post.createdAt}.${post.id}`;
}

/** Parses a cursor from the client; null for anything malformed. */
export function decodeCursor(value: unknown): FeedCursor | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return { createdAt: Number(match[1]), id: Number(match[2]) };
}

/** Where the feed goes on: the following feed, or "Suggested for you" after its end. */
export type FeedPosition = { section: 'following' | 'suggested'; after: FeedCursor };

const SUGGESTED = 's';

export const encodeSuggestedCursor = (post: FeedCursor) => SUGGESTED + encodeCursor(post);

/** A feed cursor from the client ("<created>.<id>" or "s<created>.<id>"); null when malformed. */
export function decodeFeedCursor(value: unknown): FeedPosition | null {
  if (typeof value !== 'string') return null;
  const suggested = value.startsWith(SUGGESTED);
  const after = decodeCursor(suggested ? value.slice(SUGGESTED.length) : value);
  return after ? { section: suggested ? 'suggested' : 'following', after } : null;
}
