import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { StorageConfig } from '@/lib/config';
import { IMMUTABLE_CACHE_CONTROL, mediaContentType } from './keys';
import type { MediaStore } from './storage';

type S3StorageConfig = Extract<StorageConfig, { driver: 's3' }>;

/** A key's bytes never change, so browsers and CDNs may keep them for good. */
/** DeleteObjects takes at most this many keys per request. */
const DELETE_BATCH = 1000;

// NoSuchBucket is a 404 too, but a misconfiguration, not a missing image.
const isMissingObject = (err: unknown) =>
  err instanceof NoSuchKey || (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404 && err.name !== 'NoSuchBucket');

export function createS3Store(config: S3StorageConfig): MediaStore {
  const { bucket, prefix } = config;
  let client: S3Client | undefined;
  const s3 = () =>
    (client ??= new S3Client({
      region: config.region,
      credentials: config.credentials,
      ...(config.endpoint !== undefined && {
        endpoint: config.endpoint,
        // Every S3-compatible service takes the bucket in the path (MinIO and test servers know
        // no other way); not all know the checksum headers newer SDKs add to every request.
        forcePathStyle: true,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));

  return {
    driver: 's3',

    async put(key, bytes, contentType) {
      await s3().send(
        new PutObjectCommand({ Bucket: bucket, Key: prefix + key, Body: bytes, ContentType: contentType, CacheControl: IMMUTABLE_CACHE_CONTROL }),
      );
    },

    async get(key) {
      let answer;
      try {
        answer = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: prefix + key }));
      } catch (err) {
        if (isMissingObject(err)) return null;
        throw err;
      }
      const { Body, ContentLength, ETag } = answer;
      if (!Body || ContentLength === undefined || ETag === undefined) {
        throw new Error('S3 GetObject answered without a body, Content-Length or ETag');
      }
      // The type follows the key, not the object's metadata, which anyone with bucket access may set.
      return { body: Body.transformToWebStream(), contentType: mediaContentType(key), size: ContentLength, etag: ETag };
    },

    async delete(keys) {
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        const { Errors } = await s3().send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: batch.map((key) => ({ Key: prefix + key })), Quiet: true },
            // Content-MD5, which every S3-compatible service accepts for this request.
            ChecksumAlgorithm: 'MD5',
          }),
        );
        const first = Errors?.[0];
        if (first) throw new Error(`S3 DeleteObjects failed for ${Errors.length} of ${batch.length} keys (${first.Code ?? 'no code'}: ${first.Message ?? ''})`);
      }
    },
  };
}
