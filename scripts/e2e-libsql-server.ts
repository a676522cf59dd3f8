// The e2e suite's scale-out web server (playwright.config.ts): a fresh sqld and an empty bucket on
// an S3-protocol server (s3rver, in this process), migrated and seeded by `npm run db:migrate`
// as a deploy would, then the same production build (`next start`) with DATABASE_URL and
// STORAGE_URL pointing at them. Usage: tsx scripts/e2e-libsql-server.ts <app port> <sqld port>
//
// Playwright starts this in a process group of its own and kills the whole group when the run
// ends, passed or failed, so sqld goes with it; stopping it here covers every other way out.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startS3Server } from '@/testing/s3-server';
import { startSqld } from '@/testing/sqld';

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { stdio: 'inherit', env });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  return { child, exited };
}

async function main() {
  const [appPort, sqldPort] = process.argv.slice(2).map(Number);
  if (!appPort || !sqldPort) throw new Error('usage: e2e-libsql-server.ts <app port> <sqld port>');

  const dir = join(process.cwd(), '.data', 'e2e-libsql');
  rmSync(dir, { recursive: true, force: true });
  // The idle limit only ends a server orphaned by a killed run; it must outlast the other
  // project's tests, which run first.
  const sqld = await startSqld({ port: sqldPort, dir, idleShutdownSeconds: 1800 });
  const bucketDir = join(process.cwd(), '.data', 'e2e-libsql-s3');
  rmSync(bucketDir, { recursive: true, force: true });
  const s3 = await startS3Server({ directory: bucketDir });
  const env = { ...process.env, DATABASE_URL: sqld.url, ...s3.env };
  console.log(`sqld (pid ${sqld.pid}) on ${sqld.url}; S3 bucket ${s3.bucket} on ${s3.url}`);

  let code = await run('npm', ['run', 'db:migrate'], env).exited;
  if (code === 0) {
    const app = run('npm', ['run', 'start', '--', '--port', String(appPort)], env);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.child.kill(signal));
    code = await app.exited;
    // Playwright ends this whole process group when it is done, so reaching here means the app
    // went away on its own mid-run: say so, or its tests just fail with ECONNREFUSED.
    console.error(`e2e-libsql-server: next start exited with code ${code}; stopping sqld and the S3 server.`);
  }
  await Promise.all([sqld.stop(), s3.stop()]);
  process.exit(code);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
