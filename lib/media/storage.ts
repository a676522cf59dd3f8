// No `import 'server-only'`: the seed (run by tsx outside Next) stores the demo photos here.
import { type StorageConfig, getConfig } from '@/lib/config';
import { MEDIA_PATH } from '@/lib/routes';
import { createFileStore } from './file-store';
import { isMediaKey, mediaContentType } from './keys';
import { createS3Store } from './s3-store';

// Where uploaded images live: a local directory (development, one server) or an S3 bucket (Vercel,
// several servers). Objects are named by keys from newMediaKey and never change once written.

export type StoredObject = {
  /** Read it to the end or cancel it: until then it holds a file or a connection open. */
  body: ReadableStream<Uint8Array>;
  contentType: string;
  size: number;
  /** A strong ETag, quoted: the same for the same bytes. */
  etag: string;
};

export interface MediaStore {
  readonly driver: 'file' | 's3';
  /** Durable when it resolves. The content type must be the key's (image/webp for .webp). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** null when absent or not a key. */
  get(key: string): Promise<StoredObject | null>;
  /** Absent keys are fine. */
  delete(keys: readonly string[]): Promise<void>;
}

function notAKey(): never {
  throw new Error('Not a media key: keys come from newMediaKey, never from a request.');
}

/**
 * The drivers trust their keys: this is the one place that refuses anything else, for every
 * driver alike, so no path or object name outside the store can be reached through it.
 */
function refusingNonKeys(store: MediaStore): MediaStore {
  return {
    driver: store.driver,
    async put(key, bytes, contentType) {
      if (!isMediaKey(key)) notAKey();
      if (contentType !== mediaContentType(key)) {
        throw new Error(`This key holds ${mediaContentType(key)}, not ${contentType}.`);
      }
      await store.put(key, bytes, contentType);
    },
    get: async (key) => (isMediaKey(key) ? store.get(key) : null),
    async delete(keys) {
      if (!keys.every(isMediaKey)) notAKey();
      await store.delete(keys);
    },
  };
}

export function createMediaStore(config: StorageConfig): MediaStore {
  return refusingNonKeys(config.driver === 'file' ? createFileStore(config.directory) : createS3Store(config));
}

let store: MediaStore | undefined;

/** The store STORAGE_URL names, created once per process. */
export function getMediaStore(): MediaStore {
  store ??= createMediaStore(getConfig().storage);
  return store;
}

/** Where a browser fetches the object: `${MEDIA_PUBLIC_URL}/${key}` when set, else `/media/${key}` (served by the app). */
export function mediaUrl(key: string): string {
  if (!isMediaKey(key)) notAKey();
  return `${getConfig().storage.publicUrl ?? MEDIA_PATH}/${key}`;
}
