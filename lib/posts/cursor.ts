// Keyset pagination: the cursor is the (created_at, id) of the last post shown, so a page costs
// the same at any depth and new posts never shift what "next" means.
// Eight posts fill several screens; infinite scroll fetches the next page well before the end.
// Each post costs server render time on every feed view (see the README's Performance section).
export const FEED_PAGE_SIZE = 8;

/** A grid row is three squares: 24 is eight rows, a few screens. */
export const GRID_PAGE_SIZE = 24;

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
