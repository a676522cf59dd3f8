// npm run bench — the app against a framework-free baseline, on a demo-size and a large database.
// Every scenario runs for a fixed time with fixed connections, on loopback only. Prints a table,
// checks the performance targets (README, "Performance"), and writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_PASSWORD, LARGE, benchEmail, buildDemoDatabase, buildLargeDatabase } from './database';
import { type Measurement, runLoad, startLoad } from './load';
import { type SqldServer, startSqld } from '@/testing/sqld';
import { FLOOR_DIR, type Server, bin, cpuTimeMs, startApp, startBaseline, startFloor, stopAll } from './servers';
import { feedRequests, likeRequests, loginFormFields, loginRequests, sessionCookies, undoLikes, unlikedPairs } from './scenarios';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// Long enough for the JIT to settle: with 3 s, the feed on a fresh server took 6.65 ms of CPU per
// request, and 6.16 ms when measured again later in the same run.
const WARMUP_SECONDS = 6;
const CONNECTIONS = 10;
const LOGINS_IN_FLIGHT = 20;
const BCRYPT_COST = 10;
const PORTS = { baseline: 3411, appLarge: 3412, appDemo: 3413, libsqlLarge: 3414, libsqlDemo: 3415, sqldLarge: 3416, sqldDemo: 3417, floor: 3418 };
/** `npm run bench -- --db=libsql` adds the feed and like scenarios against sqld (libSQL over HTTP). */
const WITH_LIBSQL = process.argv.includes('--db=libsql');
const DATA = join('.data', 'bench');
const LARGE_DB = join(DATA, 'large.db');
const DEMO_DB = join(DATA, 'demo.db');
const RESULTS = join('bench', 'results.json');

type Row = { scenario: string; server: string; database: string; result: Measurement; ratio?: number; cpuRatio?: number };

const machine = () => ({
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
});

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

/** Builds a Next.js project with `next build` unless its build is newer than every source. */
function ensureBuild(name: string, dir: string, sources: string[]) {
  const buildId = join(dir, '.next', 'BUILD_ID');
  if (process.env.BENCH_REBUILD !== '1' && existsSync(buildId) && statSync(buildId).mtimeMs > newestSource(sources)) {
    console.log(`${name}: reusing ${join(dir, '.next')} (newer than every source file).`);
    return;
  }
  console.log(`${name}: next build ${dir} …`);
  const build = spawnSync(bin('next'), ['build', dir], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`next build ${dir} failed`);
}

const APP_SOURCES = ['app', 'components', 'lib', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
const FLOOR_SOURCES = [join(FLOOR_DIR, 'app'), join(FLOOR_DIR, 'pages'), join(FLOOR_DIR, 'proxy.js'), join(FLOOR_DIR, 'instrumentation.js'), join(FLOOR_DIR, 'next.config.mjs'), 'package-lock.json'];

/** The JavaScript a browser downloads to show a page: every <script src> in it, read from .next/static. */
async function firstLoadJs(server: Server, path: string, cookie = '') {
  const html = await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();
  const files = [...html.matchAll(/<script[^>]+src="\/_next\/static\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(join('.next', 'static', file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: new Set(files).size, rawKiB: Number((raw / 1024).toFixed(1)), gzipKiB: Number((gzip / 1024).toFixed(1)) };
}

/** Runs a load and adds the server's CPU time per request to its measurement. */
async function measured(server: Server, load: Parameters<typeof runLoad>[0]): Promise<Measurement> {
  const cpuBefore = cpuTimeMs(server);
  const result = await runLoad(load);
  const cpuAfter = cpuTimeMs(server);
  if (cpuBefore === undefined || cpuAfter === undefined || result.requests === 0) return result;
  return { ...result, cpuMsPerRequest: Number(((cpuAfter - cpuBefore) / result.requests).toFixed(3)) };
}

const summary = (r: Measurement) =>
  `${r.reqPerSec.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  cpu ${r.cpuMsPerRequest ?? '?'} ms/req`;

async function scenario(name: string, server: Server, load: Parameters<typeof runLoad>[0]): Promise<Measurement> {
  process.stdout.write(`  ${name.padEnd(44)}`);
  await runLoad({ ...load, seconds: WARMUP_SECONDS });
  const result = await measured(server, load);
  console.log(summary(result));
  return result;
}

/** Feed p99 while LOGINS_IN_FLIGHT logins keep the password pool busy. */
async function feedDuringLoginStorm(app: Server, feed: Parameters<typeof runLoad>[0], login: Parameters<typeof runLoad>[0]) {
  process.stdout.write(`  ${'feed, 20 logins in flight (app, large)'.padEnd(44)}`);
  const storm = startLoad({ ...login, seconds: SECONDS + 2 * WARMUP_SECONDS });
  await new Promise((r) => setTimeout(r, 1000)); // let the logins pile up first
  await runLoad({ ...feed, seconds: WARMUP_SECONDS });
  const result = await runLoad(feed);
  storm.stop();
  const logins = await storm.done;
  console.log(summary(result));
  console.log(`  ${''.padEnd(44)}(logins meanwhile: ${logins.reqPerSec.toFixed(1)}/s, p50 ${logins.p50} ms, errors ${logins.errors})`);
  return { feed: result, logins };
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
/** Baseline CPU per request ÷ the app's: the throughput ratio if each server had a core to itself. */
const cpuRatio = (baseline: Measurement, app: Measurement) =>
  baseline.cpuMsPerRequest && app.cpuMsPerRequest ? baseline.cpuMsPerRequest / app.cpuMsPerRequest : undefined;

function printTable(rows: Row[]) {
  const header = ['scenario', 'server', 'database', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'app/baseline', 'CPU ms/req', 'baseline/app CPU'];
  const lines = rows.map((r) => [
    r.scenario,
    r.server,
    r.database,
    fmt(r.result.reqPerSec),
    String(r.result.p50),
    String(r.result.p99),
    String(r.result.errors),
    r.ratio === undefined ? '' : fmt(r.ratio, 3),
    r.result.cpuMsPerRequest === undefined ? '' : fmt(r.result.cpuMsPerRequest, 2),
    r.cpuRatio === undefined ? '' : fmt(r.cpuRatio, 3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const show = (cells: string[]) => `| ${cells.map((c, i) => (i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  console.log(show(header));
  console.log(`|${widths.map((w, i) => (i >= 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const line of lines) console.log(show(line));
}

/**
 * A sqld serving a copy of an embedded database file: sqld rebuilds its replication log from a
 * database file it finds in place, so the same large data needs no slow load over HTTP.
 */
async function sqldWithCopyOf(file: string, port: number): Promise<SqldServer> {
  const dir = join(DATA, `sqld-${port}`);
  rmSync(dir, { recursive: true, force: true });
  await (await startSqld({ dir, idleShutdownSeconds: 0 })).stop(); // lays out its directories
  const target = join(dir, 'data.sqld', 'dbs', 'default');
  for (const name of ['data', 'data-wal', 'data-shm', 'wallog']) rmSync(join(target, name), { force: true });
  mkdirSync(target, { recursive: true });
  copyFileSync(file, join(target, 'data'));
  return startSqld({ dir, port, idleShutdownSeconds: 0 });
}

async function main() {
  const startedAt = new Date();
  const before = machine();
  console.log(`Machine: ${before.cores} cores (${before.cpu}), Node ${before.node}, ${before.platform}, load average ${before.loadAverage.join(' ')}`);
  ensureBuild('Production build', '.', APP_SOURCES);
  ensureBuild('Framework floor', FLOOR_DIR, FLOOR_SOURCES);

  console.log('Databases:');
  const large = await buildLargeDatabase(LARGE_DB, LARGE, BCRYPT_COST);
  console.log(`  large (${LARGE.users} users, ${LARGE.posts} posts, ${LARGE.likes} likes): ${large} ${LARGE_DB}`);
  await buildDemoDatabase(DEMO_DB, BCRYPT_COST);
  console.log(`  demo (as a fresh server seeds it): ${DEMO_DB}`);

  const secret = randomBytes(32).toString('base64url');
  const env = (db: string) => ({ AUTH_SECRET: secret, DATABASE_URL: `file:${db}`, BCRYPT_COST: String(BCRYPT_COST) });
  const baseline = await startBaseline(PORTS.baseline, env(LARGE_DB));
  const appLarge = await startApp(PORTS.appLarge, env(LARGE_DB));
  const appDemo = await startApp(PORTS.appDemo, env(DEMO_DB));
  const floor = await startFloor(PORTS.floor);

  const largeCookies = await sessionCookies(LARGE_DB, secret, 200);
  const demoCookies = await sessionCookies(DEMO_DB, secret, 4);
  const js = await firstLoadJs(appLarge, '/feed', largeCookies[0]);
  const loginJs = await firstLoadJs(appLarge, '/login');
  const showJs = (page: string, j: typeof js) => `First-load JavaScript of ${page}: ${j.rawKiB} KiB, ${j.gzipKiB} KiB gzipped (${j.files} files)`;
  console.log(`${showJs('/feed', js)}; ${showJs('/login', loginJs)}`);

  const feed = (server: Server, cookies: string[]) => ({ url: server.url, connections: CONNECTIONS, seconds: SECONDS, expectStatus: 200, requests: feedRequests(cookies) });
  const largePairs = await unlikedPairs(LARGE_DB, secret, 2000);
  const demoPairs = await unlikedPairs(DEMO_DB, secret, 2000);
  const like = (server: Server, pairs: typeof largePairs, prefix?: string) => ({ url: server.url, connections: CONNECTIONS, seconds: SECONDS, expectStatus: 200, requests: likeRequests(pairs, prefix) });
  const emails = Array.from({ length: 500 }, (_, i) => benchEmail(1 + ((i * 7919) % LARGE.users)));
  const login = {
    url: appLarge.url,
    connections: LOGINS_IN_FLIGHT,
    seconds: SECONDS,
    expectStatus: 303,
    requests: await loginRequests(await loginFormFields(appLarge.url), emails, BENCH_PASSWORD),
  };

  console.log(`Scenarios (${SECONDS} s each after a ${WARMUP_SECONDS} s warm-up, ${CONNECTIONS} connections, loopback):`);
  const feedBase = await scenario('feed (baseline, large)', baseline, feed(baseline, largeCookies));
  const feedLarge = await scenario('feed (app, large)', appLarge, feed(appLarge, largeCookies));
  const feedDemo = await scenario('feed (app, demo)', appDemo, feed(appDemo, demoCookies));
  const likeBase = await scenario('like + unlike (baseline, large)', baseline, like(baseline, largePairs));
  const likeLarge = await scenario('like + unlike (app, large)', appLarge, like(appLarge, largePairs));
  const likeDemo = await scenario('like + unlike (app, demo)', appDemo, like(appDemo, demoPairs));
  // What Next.js itself costs: the same requests to an empty page and an empty route handler.
  const feedFloor = await scenario('feed (framework floor)', floor, feed(floor, largeCookies));
  const likeFloor = await scenario('like + unlike (framework floor)', floor, like(floor, largePairs));
  // What the like API could cost without the proxy's auth check in front of it.
  const likeFloorBare = await scenario('like + unlike (floor, no proxy)', floor, like(floor, largePairs, '/api/bare/posts'));
  const likeFloorPages = await scenario('like + unlike (floor, Pages API, no proxy)', floor, like(floor, largePairs, '/api/pages/posts'));
  const loginOnly = await scenario(`login, ${LOGINS_IN_FLIGHT} in flight (app, large)`, appLarge, login);
  const storm = await feedDuringLoginStorm(appLarge, feed(appLarge, largeCookies), login);
  // Load from other work drifts: the feed is measured alone before and after the storm.
  const feedAfter = await scenario('feed again, after the logins (app, large)', appLarge, feed(appLarge, largeCookies));
  const p99Alone = (feedLarge.p99 + feedAfter.p99) / 2;

  for (const server of [baseline, appLarge, appDemo, floor]) await server.stop();
  undoLikes(LARGE_DB, largePairs);

  // The same app on libSQL: the copies of the two databases served by sqld, over HTTP.
  const libsqlRows: Row[] = [];
  if (WITH_LIBSQL) {
    console.log('libSQL (sqld over HTTP on loopback), copies of the same databases:');
    const sqldLarge = await sqldWithCopyOf(LARGE_DB, PORTS.sqldLarge);
    const sqldDemo = await sqldWithCopyOf(DEMO_DB, PORTS.sqldDemo);
    const remote = (sqld: SqldServer) => ({ AUTH_SECRET: secret, DATABASE_URL: sqld.url, BCRYPT_COST: String(BCRYPT_COST) });
    const libsqlLarge = await startApp(PORTS.libsqlLarge, remote(sqldLarge));
    const libsqlDemo = await startApp(PORTS.libsqlDemo, remote(sqldDemo));
    const feedRemote = await scenario('feed (app on libSQL, large)', libsqlLarge, feed(libsqlLarge, largeCookies));
    const feedRemoteDemo = await scenario('feed (app on libSQL, demo)', libsqlDemo, feed(libsqlDemo, demoCookies));
    const likeRemote = await scenario('like + unlike (app on libSQL, large)', libsqlLarge, like(libsqlLarge, largePairs));
    const likeRemoteDemo = await scenario('like + unlike (app on libSQL, demo)', libsqlDemo, like(libsqlDemo, demoPairs));
    for (const server of [libsqlLarge, libsqlDemo, sqldLarge, sqldDemo]) await server.stop();
    // ratio: libSQL ÷ the embedded app on the same data.
    libsqlRows.push(
      { scenario: 'feed', server: 'app, libSQL', database: 'large', result: feedRemote, ratio: feedRemote.reqPerSec / feedLarge.reqPerSec },
      { scenario: 'feed', server: 'app, libSQL', database: 'demo', result: feedRemoteDemo, ratio: feedRemoteDemo.reqPerSec / feedDemo.reqPerSec },
      { scenario: 'like + unlike', server: 'app, libSQL', database: 'large', result: likeRemote, ratio: likeRemote.reqPerSec / likeLarge.reqPerSec },
      { scenario: 'like + unlike', server: 'app, libSQL', database: 'demo', result: likeRemoteDemo, ratio: likeRemoteDemo.reqPerSec / likeDemo.reqPerSec },
    );
  }

  const rows: Row[] = [
    { scenario: 'feed', server: 'baseline', database: 'large', result: feedBase },
    { scenario: 'feed', server: 'app', database: 'large', result: feedLarge, ratio: feedLarge.reqPerSec / feedBase.reqPerSec, cpuRatio: cpuRatio(feedBase, feedLarge) },
    { scenario: 'feed', server: 'app', database: 'demo', result: feedDemo },
    { scenario: 'feed', server: 'floor', database: 'none', result: feedFloor, ratio: feedFloor.reqPerSec / feedBase.reqPerSec, cpuRatio: cpuRatio(feedBase, feedFloor) },
    { scenario: 'feed, 20 logins in flight', server: 'app', database: 'large', result: storm.feed },
    { scenario: 'feed, after the logins', server: 'app', database: 'large', result: feedAfter },
    { scenario: 'like + unlike', server: 'baseline', database: 'large', result: likeBase },
    { scenario: 'like + unlike', server: 'app', database: 'large', result: likeLarge, ratio: likeLarge.reqPerSec / likeBase.reqPerSec, cpuRatio: cpuRatio(likeBase, likeLarge) },
    { scenario: 'like + unlike', server: 'app', database: 'demo', result: likeDemo },
    { scenario: 'like + unlike', server: 'floor', database: 'none', result: likeFloor, ratio: likeFloor.reqPerSec / likeBase.reqPerSec, cpuRatio: cpuRatio(likeBase, likeFloor) },
    { scenario: 'like + unlike', server: 'floor, no proxy', database: 'none', result: likeFloorBare, ratio: likeFloorBare.reqPerSec / likeBase.reqPerSec, cpuRatio: cpuRatio(likeBase, likeFloorBare) },
    { scenario: 'like + unlike', server: 'floor, Pages API, no proxy', database: 'none', result: likeFloorPages, ratio: likeFloorPages.reqPerSec / likeBase.reqPerSec, cpuRatio: cpuRatio(likeBase, likeFloorPages) },
    { scenario: 'login', server: 'app', database: 'large', result: loginOnly },
    ...libsqlRows,
  ];
  const targets = [
    { target: 'like API ≥ 0.15 × baseline req/s', value: likeLarge.reqPerSec / likeBase.reqPerSec, limit: 0.15, atLeast: true, cpu: cpuRatio(likeBase, likeLarge), floor: likeFloor.reqPerSec / likeBase.reqPerSec },
    { target: 'feed page ≥ 0.05 × baseline req/s', value: feedLarge.reqPerSec / feedBase.reqPerSec, limit: 0.05, atLeast: true, cpu: cpuRatio(feedBase, feedLarge), floor: feedFloor.reqPerSec / feedBase.reqPerSec },
    { target: 'feed p99 with 20 logins in flight ≤ 1.5 × without', value: storm.feed.p99 / p99Alone, limit: 1.5, atLeast: false },
    { target: 'feed p50, large ≤ 1.2 × demo database', value: feedLarge.p50 / feedDemo.p50, limit: 1.2, atLeast: false },
    { target: 'like p50, large ≤ 1.2 × demo database', value: likeLarge.p50 / likeDemo.p50, limit: 1.2, atLeast: false },
  ].map((t) => ({ ...t, value: Number(t.value.toFixed(3)), met: t.atLeast ? t.value >= t.limit : t.value <= t.limit }));

  const after = machine();
  console.log(`\nResults — ${before.cores} cores, Node ${before.node}; load average ${before.loadAverage.join(' ')} before, ${after.loadAverage.join(' ')} after`);
  printTable(rows);
  console.log('(floor rows: bench/floor/, an empty dynamic page and an empty route handler behind a pass-through proxy; "no proxy": the same handler with none in front; "Pages API": a Pages Router API route.)');
  if (WITH_LIBSQL) console.log('(libSQL rows: "app/baseline" is libSQL ÷ the embedded app on the same database.)');
  console.log(
    `\nFeed p99: ${p99Alone} ms alone (${feedLarge.p99} before, ${feedAfter.p99} after), ${storm.feed.p99} ms with ${LOGINS_IN_FLIGHT} logins in flight (${storm.logins.reqPerSec.toFixed(1)} logins/s meanwhile).`,
  );
  console.log(`${showJs('/feed', js)}.\n${showJs('/login', loginJs)}, for comparison.\n`);
  for (const t of targets) {
    const cpu = 'cpu' in t && t.cpu !== undefined ? ` (by server CPU per request: ${fmt(t.cpu, 3)})` : '';
    const floor = 'floor' in t && t.floor !== undefined ? `; framework floor: ${fmt(t.floor, 3)}` : '';
    console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.target}: ${t.value}${cpu}${floor}`);
  }
  if (after.loadAverage[0] !== undefined && after.loadAverage[0] > before.cores) {
    console.log(`\nNote: the load average (${after.loadAverage[0]}) exceeded the core count: other work shared the machine, so the figures are noisy.`);
  }

  writeFileSync(
    RESULTS,
    `${JSON.stringify({ startedAt, machine: { ...before, loadAverageAfter: after.loadAverage }, seconds: SECONDS, connections: CONNECTIONS, firstLoadJs: { feed: js, login: loginJs }, rows, stormLogins: storm.logins, targets }, null, 2)}\n`,
  );
  console.log(`\nWrote ${RESULTS}.`);
}

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
