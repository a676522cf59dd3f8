import type { MediaStore } from './storage';

/** How many keys one isReferenced call is asked about (one query's worth of parameters). */
export const SWEEP_BATCH = 500;

/**
 * Deletes stored objects nothing refers to any more (a deleted post's images, an upload whose
 * post was never saved). Only objects older than `olderThanMs` are candidates: a fresh upload is
 * not referenced until its post is saved, so the window must outlast that.
 */
export async function sweepUnreferencedMedia(
  store: MediaStore,
  isReferenced: (keys: string[]) => Promise<Set<string>>,
  options: { olderThanMs: number; now?: number },
): Promise<{ scanned: number; removed: number }> {
  if (!(options.olderThanMs >= 0)) throw new RangeError('olderThanMs must be 0 or more');
  const cutoff = (options.now ?? Date.now()) - options.olderThanMs;
  let scanned = 0;
  let removed = 0;
  let candidates: string[] = [];

  const removeUnreferenced = async () => {
    const referenced = await isReferenced(candidates);
    const unreferenced = candidates.filter((key) => !referenced.has(key));
    candidates = [];
    await store.delete(unreferenced);
    removed += unreferenced.length;
  };

  for await (const { key, lastModified } of store.list()) {
    scanned += 1;
    if (lastModified >= cutoff) continue;
    candidates.push(key);
    if (candidates.length === SWEEP_BATCH) await removeUnreferenced();
  }
  if (candidates.length > 0) await removeUnreferenced();
  return { scanned, removed };
}
