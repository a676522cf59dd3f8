// The media store's behaviour, run against each driver by storage.file.test.ts (a directory) and
// storage.s3.test.ts (a real S3 server on loopback): same code, same answers.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '@/lib/config';
import { newMediaKey } from './keys';
import { type MediaStore, createMediaStore } from './storage';

export type MediaStoreHarness = {
  /** A config naming a new, empty place: a directory not yet created, a prefix nothing uses. */
  freshLocation(): StorageConfig;
  /** Writes an object past the store, under any name relative to the location (to check that the store never reaches it). */
  plant(config: StorageConfig, name: string, bytes: Uint8Array): Promise<void>;
  stop(): Promise<void>;
};

const WEBP = 'image/webp';

/** Names that must never reach a file or object; the first ones can exist as files or objects. */
export const PLANTABLE_NON_KEYS = ['../x.webp', 'a/b.webp', '%2e%2e/x', 'x.svg', '.webp'];
const NON_KEYS = [...PLANTABLE_NON_KEYS, '../../../../etc/passwd', '%2e%2e%2fx.webp', 'x.webp\0', '', `${'a'.repeat(5000)}.webp`];

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** Whether get finds the key, without reading the object. */
async function isStored(store: MediaStore, key: string): Promise<boolean> {
  const object = await store.get(key);
  await object?.body.cancel();
  return object !== null;
}

async function putNew(store: MediaStore, bytes: Uint8Array = randomBytes(64)): Promise<string> {
  const key = newMediaKey('webp');
  await store.put(key, bytes, WEBP);
  return key;
}

export function describeMediaStore(driver: 'file' | 's3', open: () => Promise<MediaStoreHarness>) {
  let harness: MediaStoreHarness;
  let config: StorageConfig;
  let store: MediaStore;

  beforeAll(async () => {
    harness = await open();
  });
  afterAll(async () => {
    await harness.stop();
  });

  function freshStore() {
    config = harness.freshLocation();
    store = createMediaStore(config);
    return store;
  }

  it('is the driver the config names', () => {
    expect(freshStore().driver).toBe(driver);
  });

  describe('put and get', () => {
    it('give back the bytes, the type and the size, with a strong ETag that stays the same', async () => {
      freshStore();
      // Larger than one stream chunk, so the body really streams.
      const bytes = randomBytes(200_000);
      const key = newMediaKey('webp');
      await store.put(key, bytes, WEBP);

      const first = await store.get(key);
      expect(first).not.toBeNull();
      if (!first) return;
      // Buffer.equals: a deep equal of 200 000 elements takes most of a second.
      expect(Buffer.from(await readAll(first.body)).equals(bytes)).toBe(true);
      expect(first.contentType).toBe(WEBP);
      expect(first.size).toBe(bytes.length);
      expect(first.etag).toMatch(/^"[^"]+"$/);

      const second = await store.get(key);
      await second?.body.cancel();
      expect(second?.etag).toBe(first.etag);
    });

    it('give the same ETag for the same bytes and another for other bytes', async () => {
      freshStore();
      const bytes = randomBytes(1000);
      const [a, b, c] = [await putNew(store, bytes), await putNew(store, bytes), await putNew(store, randomBytes(1000))];
      const etags = await Promise.all(
        [a, b, c].map(async (key) => {
          const object = await store.get(key);
          await object?.body.cancel();
          return object?.etag;
        }),
      );
      expect(etags[0]).toBeDefined();
      expect(etags[1]).toBe(etags[0]);
      expect(etags[2]).not.toBe(etags[0]);
    });

    it('keep an empty object', async () => {
      freshStore();
      const key = await putNew(store, new Uint8Array(0));
      const object = await store.get(key);
      expect(object?.size).toBe(0);
      expect(object && (await readAll(object.body))).toEqual(new Uint8Array(0));
    });

    it('get of a key never stored is null', async () => {
      freshStore();
      expect(await store.get(newMediaKey('webp'))).toBeNull();
      await putNew(store);
      expect(await store.get(newMediaKey('webp'))).toBeNull();
    });

    it('put refuses a content type other than the key says', async () => {
      freshStore();
      const key = newMediaKey('webp');
      for (const type of ['image/svg+xml', 'text/html', 'image/png', '']) {
        await expect(store.put(key, randomBytes(10), type), type).rejects.toThrow();
      }
      expect(await store.get(key)).toBeNull();
    });

    it('a second store on the same location sees what the first put, and the other way round', async () => {
      freshStore();
      const bytes = randomBytes(500);
      const key = await putNew(store, bytes);
      const other = createMediaStore(config);
      const object = await other.get(key);
      expect(object && (await readAll(object.body))).toEqual(new Uint8Array(bytes));
      await other.delete([key]);
      expect(await isStored(store, key)).toBe(false);
    });
  });

  describe('refuses anything that is not a key', () => {
    it('get is null even where such a name exists; put and delete throw and change nothing', async () => {
      freshStore();
      const kept = await putNew(store);
      for (const name of PLANTABLE_NON_KEYS) await harness.plant(config, name, randomBytes(10));
      for (const name of NON_KEYS) {
        const label = JSON.stringify(name.slice(0, 40));
        expect(await store.get(name), label).toBeNull();
        await expect(store.put(name, randomBytes(10), WEBP), label).rejects.toThrow(/not a media key/i);
        await expect(store.delete([name]), label).rejects.toThrow(/not a media key/i);
        // One bad key refuses the whole call, before anything is deleted.
        await expect(store.delete([kept, name]), label).rejects.toThrow(/not a media key/i);
      }
      expect(await isStored(store, kept)).toBe(true);
    });
  });

  describe('delete', () => {
    it('removes the keys given, ignores absent ones and keeps the rest', async () => {
      freshStore();
      const [a, b, c] = [await putNew(store), await putNew(store), await putNew(store)];
      await store.delete([a, newMediaKey('webp'), b, newMediaKey('webp')]);
      expect(await isStored(store, a)).toBe(false);
      expect(await isStored(store, b)).toBe(false);
      expect(await isStored(store, c)).toBe(true);
      await store.delete([]);
      await store.delete([a]);
      expect(await isStored(store, c)).toBe(true);
    });
  });
}
