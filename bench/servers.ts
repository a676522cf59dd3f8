// Starting and stopping the servers under test: each one a child process of the bench, in its
// own process group, stopped by its own pid when the bench ends (or fails).
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type SqldServer, startSqld } from '@/testing/sqld';

export type Server = { name: string; url: string; pid: number; stop: () => Promise<void> };

const running = new Set<ChildProcess>();
const CLOCK_TICK_MS = 10; // Linux USER_HZ = 100

/**
 * CPU time (user + system, all threads) used so far by the processes of a server's group, from
 * /proc; undefined where there is no /proc. Unlike req/s, it hardly moves when other work
 * shares the machine.
 */
export function cpuTimeMs(server: Server): number | undefined {
  let ticks = 0;
  let found = false;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // Fields after "(comm) ": state ppid pgrp … utime (12th) stime (13th).
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        if (Number(fields[2]) !== server.pid) continue;
        ticks += Number(fields[11]) + Number(fields[12]);
        found = true;
      } catch {
        // the process ended while we looked
      }
    }
  } catch {
    return undefined;
  }
  return found ? ticks * CLOCK_TICK_MS : undefined;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(-child.pid, 'SIGTERM');
  });
}

/** Stops every server this process started; for the bench's exit and signal handlers. */
export function stopAll(): void {
  for (const child of running) if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server at ${url} did not come up in ${timeoutMs / 1000}s:\n${log()}`);
}

async function startServer(options: {
  name: string;
  command: string[];
  port: number;
  readyPath: string;
  env: Record<string, string>;
}): Promise<Server> {
  const [bin = 'node', ...args] = options.command;
  const child = spawn(bin, args, {
    cwd: process.cwd(),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping it stops whatever it spawned
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilUp(url + options.readyPath, child, () => output);
  return {
    name: options.name,
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      await stopChild(child);
      running.delete(child);
    },
  };
}

export const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);

export function startApp(port: number, env: Record<string, string>) {
  return startServer({
    name: 'app',
    command: [bin('next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    port,
    readyPath: '/login',
    env: { NODE_ENV: 'production', ...env },
  });
}

export function startBaseline(port: number, env: Record<string, string>) {
  return startServer({
    name: 'baseline',
    command: [bin('tsx'), 'bench/baseline-server.ts'],
    port,
    readyPath: '/',
    env: { PORT: String(port), ...env },
  });
}

/** The framework floor: an empty Next.js project (bench/floor) with the app's routes and a proxy. */
export const FLOOR_DIR = join('bench', 'floor');

export function startFloor(port: number) {
  return startServer({
    name: 'floor',
    command: [bin('next'), 'start', FLOOR_DIR, '--port', String(port), '--hostname', '127.0.0.1'],
    port,
    readyPath: '/feed',
    env: { NODE_ENV: 'production' },
  });
}

/**
 * A sqld serving a copy of an embedded database file: sqld rebuilds its replication log from a
 * database file it finds in place, so the same large data needs no slow load over HTTP.
 */
async function sqldWithCopyOf(file: string, port: number): Promise<SqldServer> {
  const dir = join(dirname(file), `sqld-${port}`);
  rmSync(dir, { recursive: true, force: true });
  await (await startSqld({ dir, idleShutdownSeconds: 0 })).stop(); // lays out its directories
  const target = join(dir, 'data.sqld', 'dbs', 'default');
  for (const name of ['data', 'data-wal', 'data-shm', 'wallog']) rmSync(join(target, name), { force: true });
  mkdirSync(target, { recursive: true });
  copyFileSync(file, join(target, 'data'));
  return startSqld({ dir, port, idleShutdownSeconds: 0 });
}

/** The app on libSQL: `next start` on a sqld (on `sqldPort`) serving a copy of `file`. Stopping it stops both. */
export async function startAppOnSqldCopy(port: number, file: string, sqldPort: number, env: (databaseUrl: string) => Record<string, string>): Promise<Server> {
  const sqld = await sqldWithCopyOf(file, sqldPort);
  const app = await startApp(port, env(sqld.url));
  return {
    ...app,
    stop: async () => {
      await app.stop();
      await sqld.stop();
    },
  };
}

/** Runs a bench's main function; every server it started is stopped when it fails or is interrupted. */
export function runBench(main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
  main().catch((err: unknown) => {
    console.error(err);
    stopAll();
    process.exit(1);
  });
}
