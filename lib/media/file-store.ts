import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { makePrivateDirectory } from '@/lib/private-files';
import { mediaContentType } from './keys';
import type { MediaStore, StoredObject } from './storage';

// One file per key, named by the key, in one directory; storage.ts lets only keys through, so a
// name never leaves it. Plain files: the directory can be copied to a bucket as it is.

/** A put writes here first; a process that dies mid-put leaves it behind. */
const partialName = () => `.${randomBytes(8).toString('hex')}.partial`;
const PARTIAL_NAME = /^\.[0-9a-f]{16}\.partial$/;
/** Far longer than any put takes, so a partial this old is no put's any more. */
export const STALE_PARTIAL_MS = 60 * 60 * 1000;

const isNotFound = (err: unknown) => err instanceof Error && 'code' in err && err.code === 'ENOENT';

/** A rename is durable once the directory entry is: fsync the directory too. */
async function syncDirectory(directory: string) {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function sha256(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) hash.update(chunk as Buffer);
  return hash.digest('base64url');
}

/** Best effort: a partial that cannot be removed now is tried again by the next store. */
async function removeStalePartials(directory: string): Promise<void> {
  try {
    const cutoff = Date.now() - STALE_PARTIAL_MS;
    const names = (await readdir(directory)).filter((name) => PARTIAL_NAME.test(name));
    await Promise.all(
      names.map(async (name) => {
        const path = join(directory, name);
        const stats = await stat(path).catch(() => null);
        if (stats?.isFile() && stats.mtimeMs < cutoff) await rm(path, { force: true }).catch(() => undefined);
      }),
    );
  } catch {
    // Only tidying: a put never fails for it.
  }
}

/** ETags kept per store: about a megabyte of memory; past it, the map starts again. */
const ETAGS_REMEMBERED = 10_000;

export function createFileStore(directory: string): MediaStore {
  const root = resolve(directory);
  const pathOf = (key: string) => join(root, key);
  let partialsRemoved: Promise<void> | undefined;
  // A file's ETag is the hash of its bytes: hashed once, then remembered while the file (size,
  // mtime) stays the same, so a popular image is not read twice per request.
  const etags = new Map<string, { size: number; mtimeMs: number; etag: string }>();

  return {
    driver: 'file',

    async put(key, bytes) {
      makePrivateDirectory(root);
      // Once per store, alongside its first put (it never rejects; the put waits for it to end).
      const tidying = (partialsRemoved ??= removeStalePartials(root));
      // Written aside and renamed into place, so a reader never sees half a file.
      const temporary = join(root, partialName());
      try {
        const handle = await open(temporary, 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, pathOf(key));
      } catch (err) {
        await rm(temporary, { force: true });
        throw err;
      }
      await syncDirectory(root);
      await tidying;
    },

    async get(key): Promise<StoredObject | null> {
      let handle: FileHandle;
      try {
        handle = await open(pathOf(key), 'r');
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) {
          await handle.close();
          return null;
        }
        // Hash and body come from the same open file, so they agree even if the key is deleted meanwhile.
        const known = etags.get(key);
        let etag = known?.size === stats.size && known.mtimeMs === stats.mtimeMs ? known.etag : undefined;
        if (!etag) {
          etag = `"${await sha256(handle)}"`;
          if (etags.size >= ETAGS_REMEMBERED) etags.clear();
          etags.set(key, { size: stats.size, mtimeMs: stats.mtimeMs, etag });
        }
        const body = Readable.toWeb(handle.createReadStream({ start: 0 })) as ReadableStream<Uint8Array>;
        return { body, contentType: mediaContentType(key), size: stats.size, etag };
      } catch (err) {
        await handle.close();
        throw err;
      }
    },

    async delete(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },
  };
}
