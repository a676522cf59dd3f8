// A post's #tags as stored in posts.tags (a JSON array the triggers of drizzle/0008_post_tags.sql
// copy into post_tags), and the backfill of posts written before tags were stored. No
// 'server-only': the seed and the migrate script use it.
import { eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { posts } from '@/lib/db/schema';
import { TAG_MAX, normalizeTag, parseEntities } from '@/lib/text/entities';

/** The distinct tags of a caption, as posts.tags stores them. */
export function captionTags(caption: string): string {
  const tags = new Set<string>();
  for (const segment of parseEntities(caption)) if (segment.kind === 'tag') tags.add(segment.tag);
  return JSON.stringify([...tags]);
}

const TAG_PATTERN = new RegExp(`^[\\p{L}\\p{N}_]{1,${TAG_MAX}}$`, 'u');

/** A tag page's path segment as a tag, normalised; null when no caption could link to it. */
export function parseTagParam(raw: string): string | null {
  let text = raw;
  try {
    if (text.includes('%')) text = decodeURIComponent(text);
  } catch {
    return null;
  }
  return TAG_PATTERN.test(text) ? normalizeTag(text) : null;
}

const BACKFILL_BATCH = 500;

/**
 * Parses the tags of posts that have none stored yet (tags is null: written before the tags
 * existed), a batch at a time through posts_untagged_idx; nothing to do costs one index probe.
 */
export async function backfillPostTags(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.select({ id: posts.id, caption: posts.caption }).from(posts).where(isNull(posts.tags)).limit(BACKFILL_BATCH);
    for (const row of rows) await db.update(posts).set({ tags: captionTags(row.caption) }).where(eq(posts.id, row.id));
    done += rows.length;
    if (rows.length < BACKFILL_BATCH) return done;
  }
}

