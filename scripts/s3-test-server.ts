// The e2e run's S3 server (playwright.config.ts starts it): s3rver on 127.0.0.1:<port>, with
// an empty bucket, until it is stopped. Usage: tsx scripts/s3-test-server.ts --port <port> [--bucket <name>]
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startS3Server } from '@/testing/s3-server';

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, bucket: { type: 'string' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port <= 0) throw new Error('usage: s3-test-server.ts --port <port> [--bucket <name>]');
  // Playwright may end it with SIGKILL, so the objects go in one known place, emptied on start.
  const directory = join(process.cwd(), '.data', 'e2e-s3');
  rmSync(directory, { recursive: true, force: true });
  const server = await startS3Server({ port, bucket: values.bucket, directory });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.stop().then(() => process.exit(0)));
  }
  console.log(`S3 test server on ${server.url}, bucket ${server.bucket}: ${Object.entries(server.env).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
