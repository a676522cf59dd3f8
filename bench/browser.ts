// npm run bench:browser — budgets in the browser: Lighthouse (mobile, 3 runs each, medians) on
// every page of the app (testing/sample-pages.ts: whatever app/ holds, filled with demo data) and
// on the framework floor's empty page (bench/floor), measured in the same run, so every time
// figure is judged as a ratio to, or a difference from, what Next.js and React cost by themselves
// on this machine at this moment. Prints a table with PASS/FAIL per page against BUDGETS, the
// first-load JavaScript of /login, /feed and the floor, and writes them into bench/results.json
// under "browser" (the server bench's figures stay beside them).
//
//   BENCH_BROWSER_RUNS=3         Lighthouse runs per page (medians of them)
//   BENCH_REBUILD=1              next build even when the builds are newer than their sources
//   -- --pages=/login,/feed      only these pages (patterns as in app/, e.g. /p/[id]); the floor always
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AUTH_COOKIES } from '@/lib/auth/cookies';
import { DEMO_USER, type SamplePage, firstPostId, samplePages } from '@/testing/sample-pages';
import { startSmtpServer } from '@/testing/smtp-server';
import { APP_SOURCES, FLOOR_SOURCES, type FirstLoadJs, ensureBuild, firstLoadJs } from './build';
import { type Browser, type PageRun, launchChromium, medianRun, runLighthouse } from './lighthouse';
import { machine, mergeResults, printMarkdownTable, showFirstLoadJs } from './report';
import { FLOOR_DIR, type Server, startApp, startFloor, runBench } from './servers';

const PORTS = { app: 4250, floor: 4251, chrome: 4252, smtp: 4253 };
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 3);
const ONLY = process.argv.find((a) => a.startsWith('--pages='))?.slice('--pages='.length).split(',');
const DATA = join('.data', 'bench-browser');
const RESULTS = join('bench', 'results.json');
const FLOOR_PAGE = '/feed'; // bench/floor/app/feed/page.js: one line of text, rendered per request
/** Pages whose LCP element must be the first photo (a page showing photos: one line each). */
const PHOTO_PAGES = ['/feed', '/p/[id]'];

type Measured = { label: string; pattern: string; result: PageRun };
type Budget = { budget: string; met: (page: Measured, floor: PageRun) => boolean };

/** The targets every page is held to; time figures against the floor of the same run. */
const BUDGETS: Budget[] = [
  { budget: 'TBT ≤ 1.5 × floor', met: (p, f) => p.result.tbtMs <= 1.5 * f.tbtMs },
  { budget: 'JS boot-up ≤ 1.5 × floor', met: (p, f) => p.result.bootupMs <= 1.5 * f.bootupMs },
  { budget: 'LCP ≤ floor + 1 s', met: (p, f) => p.result.lcpMs <= f.lcpMs + 1000 },
  { budget: 'LCP element is the photo', met: (p) => !PHOTO_PAGES.includes(p.pattern) || p.result.lcpElement?.tag === 'img' },
  { budget: 'CLS 0', met: (p) => p.result.cls === 0 },
  { budget: 'accessibility 100', met: (p) => p.result.a11y === 100 },
  { budget: 'best practices 100', met: (p) => p.result.bestPractices === 100 },
];
const FIRST_LOAD_JS_LIMIT = 1.2;

/** Logs the demo user in through the JSON API; the auth cookie as a Cookie header. */
async function demoCookie(app: Server): Promise<string> {
  const response = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.url },
    body: JSON.stringify({ email: DEMO_USER.email, password: DEMO_USER.password }),
  });
  const name = AUTH_COOKIES.jwt.name;
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (response.status !== 200 || cookie === undefined) throw new Error(`demo login answered ${response.status}: ${await response.text()}`);
  return cookie.split(';')[0] ?? '';
}

const ms = (n: number) => n.toFixed(0);
const ratio = (value: number, floor: number) => (floor > 0 ? (value / floor).toFixed(2) : value === 0 ? '1.00' : '∞');

function printResults(pages: Measured[], floor: PageRun) {
  const header = ['page', 'perf', 'LCP ms', 'TBT ms', 'CLS', 'JS boot-up ms', 'a11y', 'best-practices', 'TBT/floor', 'boot-up/floor', 'LCP − floor ms', 'budgets'];
  const lines = [{ label: `floor (${FLOOR_PAGE})`, pattern: '', result: floor }, ...pages].map((p) => {
    const r = p.result;
    const isFloor = p.result === floor;
    const failed = BUDGETS.filter((b) => !b.met(p, floor)).map((b) => b.budget);
    return [
      p.label,
      String(r.perf),
      ms(r.lcpMs),
      ms(r.tbtMs),
      r.cls.toFixed(3),
      ms(r.bootupMs),
      String(r.a11y),
      String(r.bestPractices),
      isFloor ? '' : ratio(r.tbtMs, floor.tbtMs),
      isFloor ? '' : ratio(r.bootupMs, floor.bootupMs),
      isFloor ? '' : ms(r.lcpMs - floor.lcpMs),
      isFloor ? '(reference)' : failed.length === 0 ? 'PASS' : `FAIL: ${failed.join('; ')}`,
    ];
  });
  printMarkdownTable(header, lines, 1);
  console.log('\nLCP element, and what did not pass in accessibility / best practices:');
  for (const p of [{ label: 'floor', result: floor }, ...pages]) {
    const r = p.result;
    const failing = r.failing.length ? `; failing audits: ${r.failing.join(', ')}` : '';
    console.log(`  ${p.label.padEnd(28)} ${r.lcpElement ? `<${r.lcpElement.tag}> ${r.lcpElement.snippet}` : '(none)'}${failing}`);
    const indent = ''.padEnd(30);
    console.log(`${indent} unused JS ${(r.unusedJsBytes / 1024).toFixed(1)} KiB, legacy JS ${(r.legacyJsBytes / 1024).toFixed(1)} KiB (Lighthouse's estimates)`);
    console.log(`${indent} boot-up: ${r.costliestScripts.map((s) => `${s.url} ${ms(s.ms)} ms`).join(', ')}`);
    for (const error of r.consoleErrors) console.log(`${indent} console error: ${error}`);
  }
}

type JsFigures = { login: FirstLoadJs; feed: FirstLoadJs; floor: FirstLoadJs; register: FirstLoadJs };

function printFirstLoadJs(js: JsFigures) {
  console.log(`\n${showFirstLoadJs('the floor', js.floor)}`);
  for (const page of ['login', 'feed'] as const) {
    const r = js[page].gzipKiB / js.floor.gzipKiB;
    console.log(`${showFirstLoadJs(`/${page}`, js[page])}: ${r.toFixed(2)} × the floor's gzipped, ${r <= FIRST_LOAD_JS_LIMIT ? 'PASS' : 'FAIL'} (≤ ${FIRST_LOAD_JS_LIMIT} ×)`);
  }
  // No budget: it shows that the password-strength dictionaries wait until someone types a password.
  console.log(`${showFirstLoadJs('/register', js.register)}: ${(js.register.gzipKiB / js.floor.gzipKiB).toFixed(2)} × the floor's gzipped`);
}

async function measureAll(browser: Browser, app: Server, floorServer: Server, pages: SamplePage[], cookie: string) {
  const floorRuns: PageRun[] = [];
  const pageRuns = new Map<string, PageRun[]>(pages.map((p) => [p.pattern, []]));
  // Round by round, the floor first in each, so drift in the machine's load touches all alike.
  for (let round = 1; round <= RUNS; round++) {
    console.log(`Round ${round} of ${RUNS}:`);
    const floorRun = await runLighthouse(browser, `${floorServer.url}${FLOOR_PAGE}`);
    floorRuns.push(floorRun);
    console.log(`  ${'floor'.padEnd(28)} TBT ${ms(floorRun.tbtMs)} ms, boot-up ${ms(floorRun.bootupMs)} ms, LCP ${ms(floorRun.lcpMs)} ms`);
    for (const page of pages) {
      const run = await runLighthouse(browser, `${app.url}${page.path}`, page.protected ? cookie : undefined);
      pageRuns.get(page.pattern)?.push(run);
      console.log(`  ${page.path.padEnd(28)} TBT ${ms(run.tbtMs)} ms, boot-up ${ms(run.bootupMs)} ms, LCP ${ms(run.lcpMs)} ms, a11y ${run.a11y}, best practices ${run.bestPractices}`);
    }
  }
  const floor = medianRun(floorRuns);
  const measured = pages.map((p) => ({
    label: p.protected ? p.path : `${p.path} (logged out)`,
    pattern: p.pattern,
    result: medianRun(pageRuns.get(p.pattern) ?? []),
  }));
  return { floor, measured };
}

async function main() {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_BROWSER_RUNS must be a positive whole number, not "${process.env.BENCH_BROWSER_RUNS}"`);
  const startedAt = new Date();
  const before = machine();
  console.log(`Machine: ${before.cores} cores (${before.cpu}), Node ${before.node}, ${before.platform}, load average ${before.loadAverage.join(' ')}`);
  ensureBuild('Production build', '.', APP_SOURCES);
  ensureBuild('Framework floor', FLOOR_DIR, FLOOR_SOURCES);

  // A fresh embedded database, seeded with the demo data at start-up, as a first `npm run start`.
  rmSync(DATA, { recursive: true, force: true });
  const appUrl = `http://127.0.0.1:${PORTS.app}`;
  const secret = randomBytes(32).toString('base64url');
  // A production server sends real mail: a real SMTP server on loopback takes it.
  const smtp = await startSmtpServer({ port: PORTS.smtp });
  const app = await startApp(PORTS.app, {
    AUTH_SECRET: secret,
    APP_URL: appUrl,
    DATABASE_URL: `file:${join(DATA, 'cookiegram.db')}`,
    STORAGE_URL: `file:${join(DATA, 'media')}`,
    SMTP_URL: smtp.url,
  });
  const floorServer = await startFloor(PORTS.floor);
  const browser = await launchChromium(PORTS.chrome);
  try {
    const cookie = await demoCookie(app);
    const postId = firstPostId(await (await fetch(`${app.url}/feed`, { headers: { cookie } })).text());
    const pages = samplePages({ postId }).filter((p) => ONLY === undefined || ONLY.includes(p.pattern));
    console.log(`Pages (${pages.length}): ${pages.map((p) => p.path).join(' ')}; Lighthouse ${RUNS} × each, mobile preset, simulated throttling.`);

    const js: JsFigures = {
      login: await firstLoadJs(app, '/login'),
      register: await firstLoadJs(app, '/register'),
      feed: await firstLoadJs(app, '/feed', cookie),
      floor: await firstLoadJs(floorServer, FLOOR_PAGE, '', FLOOR_DIR),
    };
    const { floor, measured } = await measureAll(browser, app, floorServer, pages, cookie);

    const after = machine();
    console.log(`\nResults — medians of ${RUNS} Lighthouse runs; ${before.cores} cores, Node ${before.node}; load average ${before.loadAverage.join(' ')} before, ${after.loadAverage.join(' ')} after`);
    printResults(measured, floor);
    printFirstLoadJs(js);
    mergeResults(RESULTS, {
      browser: {
        startedAt,
        machine: { ...before, loadAverageAfter: after.loadAverage },
        runs: RUNS,
        floor,
        pages: measured.map((p) => ({ ...p, failedBudgets: BUDGETS.filter((b) => !b.met(p, floor)).map((b) => b.budget) })),
        firstLoadJs: js,
      },
    });
    console.log(`\nWrote ${RESULTS} (under "browser").`);
  } finally {
    browser.stop();
    await app.stop();
    await floorServer.stop();
    await smtp.stop();
  }
}

runBench(main);
