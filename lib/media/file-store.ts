import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, open, opendir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { makePrivateDirectory } from '@/lib/private-files';
import { isMediaKey, mediaContentType } from './keys';
import type { MediaStore, StoredObject } from './storage';

// One file per key, named by the key, in one directory; storage.ts lets only keys through, so a
// name never leaves it. Plain files: the directory can be copied to a bucket as it is.

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

export function createFileStore(directory: string): MediaStore {
  const root = resolve(directory);
  const pathOf = (key: string) => join(root, key);

  return {
    driver: 'file',

    async put(key, bytes) {
      makePrivateDirectory(root);
      // Written aside and renamed into place, so a reader never sees half a file.
      const temporary = join(root, `.${randomBytes(8).toString('hex')}.partial`);
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
        const etag = `"${await sha256(handle)}"`;
        const body = Readable.toWeb(handle.createReadStream({ start: 0 })) as ReadableStream<Uint8Array>;
        return { body, contentType: mediaContentType(key), size: stats.size, etag, lastModified: Math.floor(stats.mtimeMs) };
      } catch (err) {
        await handle.close();
        throw err;
      }
    },

    async delete(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },

    async *list() {
      let entries;
      try {
        entries = await opendir(root);
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      for await (const entry of entries) {
        if (!entry.isFile() || !isMediaKey(entry.name)) continue;
        let lastModified: number;
        try {
          lastModified = Math.floor((await stat(pathOf(entry.name))).mtimeMs);
        } catch (err) {
          if (isNotFound(err)) continue; // deleted since the directory was read
          throw err;
        }
        yield { key: entry.name, lastModified };
      }
    },
  };
}
