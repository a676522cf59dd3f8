// The production builds the bench serves, and what they send a browser: `next build` when a
// build is older than its sources, and the first-load JavaScript of a page.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FLOOR_DIR, type Server, bin } from './servers';

export const APP_SOURCES = ['app', 'components', 'lib', 'drizzle', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
export const FLOOR_SOURCES = [join(FLOOR_DIR, 'app'), join(FLOOR_DIR, 'pages'), join(FLOOR_DIR, 'proxy.js'), join(FLOOR_DIR, 'instrumentation.js'), join(FLOOR_DIR, 'next.config.mjs'), 'package-lock.json'];

/** Newest modification time under the paths a build depends on. */
function newestSource(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Builds a Next.js project with `next build` unless its build is newer than every source (BENCH_REBUILD=1 forces one). */
export function ensureBuild(name: string, dir: string, sources: string[]) {
  const buildId = join(dir, '.next', 'BUILD_ID');
  if (process.env.BENCH_REBUILD !== '1' && existsSync(buildId) && statSync(buildId).mtimeMs > newestSource(sources)) {
    console.log(`${name}: reusing ${join(dir, '.next')} (newer than every source file).`);
    return;
  }
  console.log(`${name}: next build ${dir} …`);
  const build = spawnSync(bin('next'), ['build', dir], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`next build ${dir} failed`);
}

export type FirstLoadJs = { files: number; rawKiB: number; gzipKiB: number };

/**
 * The JavaScript a browser downloads to show a page: every <script src> in it, read from the
 * .next/static of the project in `dir`; not the `nomodule` polyfills, which modern browsers skip.
 */
export async function firstLoadJs(server: Server, path: string, cookie = '', dir = '.'): Promise<FirstLoadJs> {
  const html = await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();
  const scripts = [...html.matchAll(/<script[^>]+src="\/_next\/static\/([^"]+\.js)"[^>]*>/g)];
  const files = scripts.filter((m) => !/\snomodule/i.test(m[0])).map((m) => m[1] ?? '');
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(join(dir, '.next', 'static', file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: new Set(files).size, rawKiB: Number((raw / 1024).toFixed(1)), gzipKiB: Number((gzip / 1024).toFixed(1)) };
}
