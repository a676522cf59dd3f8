// An S3 server on loopback — s3rver, in this process — for the storage tests and, through
// scripts/e2e-libsql-server.ts, the e2e run: the S3 protocol over HTTP (XML answers, error
// codes). It checks the access key id, not the signature.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export type S3TestServer = {
  /** The endpoint, for S3_ENDPOINT: http://127.0.0.1:<port>. */
  url: string;
  bucket: string;
  /** What a child server needs to use the bucket: STORAGE_URL, S3_ENDPOINT, AWS_REGION and s3rver's fixed keys. */
  env: Record<string, string>;
  /** Every request answered so far, as 'METHOD /path?query STATUS', oldest first (a retried one is there twice). */
  requests: readonly string[];
  /** Stops listening; removes a temporary directory. */
  stop(): Promise<void>;
};

type S3ServerOptions = {
  /** Created before the server answers; default 'cookiegram-media'. */
  bucket?: string;
  /** Default: a free port chosen by the OS. */
  port?: number;
  /** Where s3rver keeps the objects; default: a fresh temporary directory, removed by stop(). */
  directory?: string;
};

/** s3rver accepts requests signed with this key pair only. */
const S3RVER_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

export async function startS3Server(options: S3ServerOptions = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'cookiegram-media';
  const temporary = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'cookiegram-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const removeDirectory = () => {
    if (temporary) rmSync(directory, { recursive: true, force: true });
  };

  let port: number;
  try {
    ({ port } = await server.run());
  } catch (err) {
    removeDirectory();
    throw err;
  }
  const requests: string[] = [];
  server.httpServer?.prependListener('request', (request, response) => {
    response.once('finish', () => requests.push(`${request.method} ${request.url} ${response.statusCode}`));
  });

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    bucket,
    env: { STORAGE_URL: `s3://${bucket}`, S3_ENDPOINT: url, AWS_REGION: 'us-east-1', ...S3RVER_CREDENTIALS },
    requests,
    async stop() {
      await server.close();
      removeDirectory();
    },
  };
}
