// Serves one function of `vercel build`'s output the way Vercel's Node.js launcher does: from its
// own folder (the function's /var/task), with the handler its .vc-config.json names called as
// handler(req, res), or, with `useWebApi` (the proxy), as handler(Request) → Response.
// Usage: node function-host.cjs <function folder> <port>; prints "listening".
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

async function main() {
  const [dir, port] = process.argv.slice(2);
  if (!dir || !port) throw new Error('usage: function-host.cjs <function folder> <port>');
  const config = JSON.parse(fs.readFileSync(path.join(dir, '.vc-config.json'), 'utf8'));
  process.chdir(dir);
  Object.assign(process.env, config.environment ?? {});
  // Vercel's launcher gives each request a context whose waitUntil keeps the instance alive for
  // work after the answer; Next.js' after() (mail, login history) looks it up by this symbol.
  const pending = new Set();
  const context = { waitUntil: (promise) => { pending.add(promise); Promise.resolve(promise).finally(() => pending.delete(promise)); } };
  globalThis[Symbol.for('@vercel/request-context')] = { get: () => context };
  const loaded = await import(pathToFileURL(path.join(dir, config.handler)).href);
  const handler = [loaded.default, loaded.default?.default, loaded.handler].find((h) => typeof h === 'function');
  if (!handler) throw new Error(`${config.handler} exports no (req, res) handler`);
  const serve = config.useWebApi ? webApi(handler) : handler;
  const server = http.createServer((req, res) => {
    Promise.resolve(serve(req, res)).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(Number(port), '127.0.0.1', () => console.log('listening'));
}

/** A (Request) → Response handler, served to Node's (req, res). */
function webApi(handler) {
  return async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const v of [value].flat()) if (v !== undefined) headers.append(name, v);
    }
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
    const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }));
    const out = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') out[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) out['set-cookie'] = cookies;
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
