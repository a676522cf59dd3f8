// A grid of posts as square thumbnails (profiles, Explore, tags): the shape the grid component
// takes, the columns a grid query selects, and the mapping from its rows, with the feed's
// keyset cursor. Client components import the types only.
import { eq } from 'drizzle-orm';
import { posts, users } from '@/lib/db/schema';
import { thumbnailSize } from '@/lib/media/sizes';
import { mediaUrl } from '@/lib/media/storage';
import { encodeCursor } from './cursor';
import { photoAlt } from './photo-alt';

/** `thumbnail`: the 320 px rendition; `width` × `height` its size. */
export type GridPost = { id: number; thumbnail: string; width: number; height: number; alt: string; likeCount: number; commentCount: number };
export type GridPage = { posts: GridPost[]; nextCursor: string | null };
export type GridLoadResult = { ok: true; page: GridPage } | { ok: false; error: string };

/** Four rows of three; a page is one query whatever its size. */
export const GRID_PAGE_SIZE = 12;

/** What a grid query selects (from posts, joined to its author for the generated alt text). */
export const gridColumns = {
  id: posts.id,
  thumbnailKey: posts.thumbnailKey,
  width: posts.width,
  height: posts.height,
  alt: posts.alt,
  caption: posts.caption,
  author: users.username,
  likeCount: posts.likeCount,
  commentCount: posts.commentCount,
  createdAt: posts.createdAt,
};
/** The join gridColumns needs (from posts). */
export const gridAuthorJoin = eq(users.id, posts.authorId);

export type GridRow = { id: number; thumbnailKey: string; width: number; height: number; alt: string; caption: string; author: string; likeCount: number; commentCount: number; createdAt: number };

export function toGridPost(row: GridRow): GridPost {
  return {
    id: row.id,
    thumbnail: mediaUrl(row.thumbnailKey),
    ...thumbnailSize(row.width, row.height),
    alt: photoAlt(row),
    likeCount: row.likeCount,
    commentCount: row.commentCount,
  };
}

/** A page from rows fetched with `limit(pageSize + 1)`: the extra row says whether there is a next page. */
export function toGridPage(rows: GridRow[], pageSize = GRID_PAGE_SIZE): GridPage {
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { posts: page.map(toGridPost), nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null };
}
