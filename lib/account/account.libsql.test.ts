import { expect, it } from 'vitest';
import { type S3TestServer, startS3Server } from '@/testing/s3-server';
import { useSqldTestDatabase } from '@/testing/database';
import { describeAccount } from './account.cases';

// A real sqld, a real S3 server on loopback and the session strategy: as on Vercel with Turso.
process.env.AUTH_STRATEGY = 'session';
let s3: S3TestServer | undefined;
describeAccount(async () => {
  s3 = await startS3Server();
  Object.assign(process.env, s3.env);
  const database = await useSqldTestDatabase();
  return {
    db: database.db,
    async stop() {
      await database.stop();
      await s3?.stop();
    },
  };
});

it('stores the images in the S3 bucket, not a folder', async () => {
  const { getMediaStore } = await import('@/lib/media/storage');
  expect(getMediaStore().driver).toBe('s3');
});
