// Runs the functions of `vercel build`'s output on loopback, each in a process of its own started
// from its own folder (with bundle-guard.cjs noting any load from outside it), behind a small
// router that does what Vercel's edge does for this app: static files from output/static, the
// proxy (Next.js middleware) first where its matcher says, then the function for the path.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { OutputFunction } from './output';

export type RunningFunction = {
  fn: OutputFunction;
  /** Where it runs: its staged copy. */
  dir: string;
  port: number;
  pid: number;
  logFile: string;
  /** Milliseconds from launch until it listened (Node, the launcher and Next.js' server loaded). */
  startupMs: number;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

export type GuardFiles = {
  guard: string;
  host: string;
  env: Record<string, string>;
  /** The Node.js binary the functions run on: the version their runtime names. */
  node: string;
};

const STARTUP_TIMEOUT_MS = 30_000;

/** Starts one staged function on `port` and waits until it listens. */
export async function startFunction(fn: OutputFunction, dir: string, port: number, env: Record<string, string>, files: GuardFiles, logFile: string): Promise<RunningFunction> {
  const log = openSync(logFile, 'a');
  const launched = Date.now();
  const child: ChildProcess = spawn(files.node, ['--require', files.guard, files.host, dir, String(port)], {
    cwd: dir,
    env: { NODE_ENV: 'production', ...env, ...files.env, BUNDLE_GUARD_ROOT: dir },
    stdio: ['ignore', 'pipe', log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const listening = new Promise<boolean>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) resolve(true);
    });
    void exited.then(() => resolve(false));
    setTimeout(() => resolve(false), STARTUP_TIMEOUT_MS).unref();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  if (!(await listening) || child.pid === undefined) {
    await stop();
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
    throw new Error(`function ${fn.name} did not start:\n${output}${tail}`);
  }
  return { fn, dir, port, pid: child.pid, logFile, startupMs: Date.now() - launched, exited, stop };
}

type Route = { src?: string; middlewarePath?: string; [key: string]: unknown };

/** The function a path goes to: its exact name, else a dynamic one ("/p/[id]") whose pattern matches. */
function pickFunction(pathname: string, functions: Map<string, RunningFunction>): { running: RunningFunction; params: Record<string, string> } | undefined {
  const path = pathname === '/' ? '/index' : pathname.replace(/\/$/, '');
  const exact = functions.get(path);
  if (exact) return { running: exact, params: {} };
  for (const [name, running] of functions) {
    if (!name.includes('[')) continue;
    const keys: string[] = [];
    const pattern = name.replace(/[.*+?^${}()|\\]/g, '\\$&').replace(/\\?\[([^\]]+)\\?\]/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match) return { running, params: Object.fromEntries(keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? '')])) };
  }
  return undefined;
}

type Forwarded = { status: number; headers: IncomingHttpHeaders; body: Buffer };

function forward(port: number, method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Forwarded> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path: url, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

function send(res: ServerResponse, answer: Forwarded, extraHeaders: IncomingHttpHeaders = {}) {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries({ ...extraHeaders, ...answer.headers })) {
    if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith('x-middleware-')) continue;
    headers[name] = value;
  }
  const cookies = [extraHeaders['set-cookie'] ?? [], answer.headers['set-cookie'] ?? []].flat();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/** The request headers after the proxy's changes (Next.js names them in x-middleware-override-headers). */
function overriddenRequestHeaders(original: IncomingHttpHeaders, middleware: IncomingHttpHeaders): IncomingHttpHeaders {
  const list = middleware['x-middleware-override-headers'];
  if (typeof list !== 'string') return original;
  const headers: IncomingHttpHeaders = {};
  for (const name of list.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean)) {
    const value = middleware[`x-middleware-request-${name}`];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.png': 'image/png' };

export type Router = { url: string; server: Server; close(): Promise<void> };

/**
 * Vercel's edge, for this app: output/static, then the proxy function where the matcher in
 * config.json sends a path, then the path's function (x-matched-path tells Next.js which page,
 * as Vercel's edge does).
 */
export async function startRouter(outputDir: string, port: number, getFunctions: () => Map<string, RunningFunction>): Promise<Router> {
  const config = JSON.parse(readFileSync(join(outputDir, 'config.json'), 'utf8')) as { routes?: Route[] };
  const middlewareRoute = config.routes?.find((r) => typeof r.middlewarePath === 'string' && typeof r.src === 'string');
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const staticFile = normalize(join(outputDir, 'static', decodeURIComponent(url.pathname)));
      if (url.pathname.startsWith('/_next/static/') && staticFile.startsWith(join(outputDir, 'static')) && existsSync(staticFile)) {
        res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(staticFile)] ?? 'application/octet-stream' });
        res.end(readFileSync(staticFile));
        return;
      }
      const functions = getFunctions();
      const body = await readBody(req);
      const method = req.method ?? 'GET';
      let headers: IncomingHttpHeaders = { ...req.headers, 'x-forwarded-for': '127.0.0.1', 'x-forwarded-host': req.headers.host, 'x-forwarded-proto': 'http' };
      let extra: IncomingHttpHeaders = {};
      if (middlewareRoute?.src && middlewareRoute.middlewarePath && new RegExp(middlewareRoute.src).test(url.pathname)) {
        const middlewareName = `/${middlewareRoute.middlewarePath.replace(/^\//, '')}`;
        const middleware = functions.get(middlewareName);
        if (!middleware) throw new Error(`config.json names middleware ${middlewareRoute.middlewarePath}, which is not among the functions`);
        const answer = await forward(middleware.port, method, `${url.pathname}${url.search}`, { ...headers, 'x-matched-path': middlewareName }, body);
        if (answer.headers['x-middleware-next'] !== '1' && answer.headers['x-middleware-rewrite'] === undefined) {
          send(res, answer);
          return;
        }
        headers = overriddenRequestHeaders(headers, answer.headers);
        extra = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !name.startsWith('x-middleware-') && !HOP_BY_HOP.has(name) && name !== 'content-type'));
      }
      const picked = pickFunction(url.pathname, functions);
      if (!picked) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end(`vercel-check router: no function for ${url.pathname}`);
        return;
      }
      const matches = new URLSearchParams(Object.entries(picked.params).map(([key, value]) => [`nxtP${key}`, value]));
      const search = new URLSearchParams(url.search);
      for (const [key, value] of matches) search.set(key, value);
      const query = search.size > 0 ? `?${search}` : '';
      // The path's parameters travel as the rewrite in config.json puts them: ?nxtP<name>=<value>.
      const matchedPath = picked.running.fn.name === '/index' ? '/' : picked.running.fn.name;
      const answer = await forward(picked.running.port, method, `${url.pathname}${query}`, { ...headers, 'x-matched-path': matchedPath }, body);
      if (process.env.VERCEL_CHECK_DEBUG) console.log(`router: ${method} ${url.pathname}${query} → ${picked.running.fn.name} ${answer.status}`);
      send(res, answer, extra);
    })().catch((err: unknown) => {
      // A function that died mid-request, or refused the connection: Vercel's edge says 502.
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`vercel-check router: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
