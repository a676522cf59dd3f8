import { randomBytes } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { type StorageConfig, parseConfig } from '@/lib/config';
import { type S3TestServer, startS3Server } from '@/testing/s3-server';
import { newMediaKey } from './keys';
import { describeMediaStore } from './storage.cases';
import { createMediaStore } from './storage';

let server: S3TestServer;
/** Reaches the bucket past the store, as another tool with access to it would. */
let raw: S3Client;
let locations = 0;

/** The store as the app would configure it from the environment the test server hands a child. */
const configFor = (env: Record<string, string>) => parseConfig({ ...server.env, ...env }).storage;

function prefixOf(config: StorageConfig): string {
  if (config.driver !== 's3') throw new Error('not an S3 location');
  return config.prefix;
}

describeMediaStore('s3', async () => {
  server = await startS3Server();
  raw = new S3Client({
    endpoint: server.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    freshLocation: () => configFor({ STORAGE_URL: `s3://${server.bucket}/location-${++locations}` }),
    async plant(config, name, bytes) {
      await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: prefixOf(config) + name, Body: bytes }));
    },
    async stop() {
      raw.destroy();
      await server.stop();
    },
  };
});

describe('the S3 driver', () => {
  const bucketUrl = () => `s3://${server.bucket}`;

  it('keeps objects under the prefix, typed, for caches to keep for good', async () => {
    const config = configFor({ STORAGE_URL: `${bucketUrl()}/uploads/images/` });
    const key = newMediaKey('webp');
    await createMediaStore(config).put(key, randomBytes(10), 'image/webp');
    const head = await raw.send(new HeadObjectCommand({ Bucket: server.bucket, Key: `uploads/images/${key}` }));
    expect(head.ContentType).toBe('image/webp');
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
  });

  it('reads and deletes only under its prefix, whatever else the bucket holds under the same key', async () => {
    const store = createMediaStore(configFor({ STORAGE_URL: `${bucketUrl()}/mine` }));
    const key = newMediaKey('webp');
    const elsewhere = [key, `other/${key}`, `mine/sub/${key}`, `mine${key}`];
    for (const other of elsewhere) await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: other, Body: 'x' }));
    expect(await store.get(key)).toBeNull();
    await store.put(key, randomBytes(10), 'image/webp');
    await store.delete([key]);
    expect(await store.get(key)).toBeNull();
    for (const other of elsewhere) {
      const head = await raw.send(new HeadObjectCommand({ Bucket: server.bucket, Key: other }));
      expect(head.ContentLength, other).toBe(1);
    }
  });

  it('answers with the type the key says, whatever the object claims', async () => {
    const config = configFor({ STORAGE_URL: `${bucketUrl()}/claims` });
    const key = newMediaKey('webp');
    await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: `claims/${key}`, Body: '<script>', ContentType: 'text/html' }));
    const object = await createMediaStore(config).get(key);
    await object?.body.cancel();
    expect(object?.contentType).toBe('image/webp');
  });

  describe('with more objects than one request may name', () => {
    const config = () => configFor({ STORAGE_URL: `${bucketUrl()}/many` });
    const keys = Array.from({ length: 1001 }, () => newMediaKey('webp'));

    beforeAll(async () => {
      const store = createMediaStore(config());
      for (let start = 0; start < keys.length; start += 50) {
        await Promise.all(keys.slice(start, start + 50).map((key) => store.put(key, new Uint8Array([1]), 'image/webp')));
      }
    }, 60_000);

    it('deletes them all, in requests of at most 1000 keys', async () => {
      const store = createMediaStore(config());
      const deleteRequests = server.requests.length;
      await store.delete(keys);
      // s3rver takes any number; S3 refuses more than 1000 (and s3rver answers 500 to a batch that empties a folder, which the SDK retries).
      const answered = server.requests.slice(deleteRequests).filter((r) => r.startsWith('POST /') && r.includes('?delete') && r.endsWith(' 200'));
      expect(answered).toHaveLength(2);
      for (let start = 0; start < keys.length; start += 50) {
        const found = await Promise.all(keys.slice(start, start + 50).map((key) => store.get(key)));
        expect(found.filter((object) => object !== null)).toHaveLength(0);
      }
    });
  });

  describe('misconfigured', () => {
    it('throws for a bucket that does not exist, rather than answering "no such image"', async () => {
      const store = createMediaStore(configFor({ STORAGE_URL: 's3://no-such-bucket' }));
      await expect(store.get(newMediaKey('webp'))).rejects.toThrow();
    });

    it('throws for an unknown access key', async () => {
      const store = createMediaStore(configFor({ STORAGE_URL: bucketUrl(), AWS_ACCESS_KEY_ID: 'NOT-S3RVER' }));
      await expect(store.put(newMediaKey('webp'), randomBytes(10), 'image/webp')).rejects.toThrow();
      await expect(store.get(newMediaKey('webp'))).rejects.toThrow();
    });
  });
});
