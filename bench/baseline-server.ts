// The benchmark's baseline: the stack without the framework. A bare node:http server that does
// what the app does for the feed and for a like: the same JWT check (lib/auth/strategies/
// jwt-token.ts, keys imported once, then the same revocation/epoch query, lib/auth/statements.ts)
// and the same prepared statements (lib/posts/statements.ts), answering JSON.
// Its throughput is the practical limit for the app on this machine.
//
//   AUTH_SECRET=… DATABASE_URL=file:… PORT=3411 tsx bench/baseline-server.ts
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { AUTH_COOKIES } from '@/lib/auth/cookies';
import { isTokenCurrent, tokenStateQuery } from '@/lib/auth/statements';
import { type Keyring, importKeyring, verifyToken } from '@/lib/auth/strategies/jwt-token';
import { getConfig } from '@/lib/config';
import { openDatabase } from '@/lib/db/client';
import { parsePostId } from '@/lib/posts/post-id';
import { FEED_PAGE_SIZE } from '@/lib/posts/cursor';
import { preparePostStatements } from '@/lib/posts/statements';

const { authSecret, database, appOrigin } = getConfig();
if (!authSecret) throw new Error('AUTH_SECRET is required');
const keyPromise = importKeyring(authSecret.split(','), { audience: appOrigin });
const { db } = openDatabase(database);
const statements = preparePostStatements(db);
const TOKEN_COOKIE = AUTH_COOKIES.jwt.name;
// The data access layer's check: the user exists, the token is of the current epoch, not revoked.
const tokenState = tokenStateQuery(db).prepare();
const LIKE_PATH = /^\/api\/posts\/([^/]+)\/like$/;

function tokenFrom(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function handle(request: IncomingMessage, response: ServerResponse, key: Keyring) {
  const session = await verifyToken(tokenFrom(request), key);
  if (!session || !(await isTokenCurrent(tokenState, session))) {
    return send(response, 401, { error: 'Authentication required.' });
  }
  const { pathname } = new URL(request.url ?? '/', 'http://baseline.invalid');

  if (pathname === '/feed' && request.method === 'GET') {
    const rows = await statements.firstPage.execute({ viewerId: session.userId });
    return send(response, 200, { posts: rows.slice(0, FEED_PAGE_SIZE) });
  }
  const like = LIKE_PATH.exec(pathname);
  if (like?.[1] && (request.method === 'POST' || request.method === 'DELETE')) {
    const postId = parsePostId(like[1]);
    if (postId === null) return send(response, 400, { error: 'Bad post id.' });
    const liked = request.method === 'POST';
    const userId = session.userId;
    await (liked
      ? statements.insertLike.execute({ userId, postId, now: Date.now() })
      : statements.deleteLike.execute({ userId, postId }));
    const [row] = await statements.likeCount.execute({ postId });
    return row ? send(response, 200, { liked, likeCount: row.likeCount }) : send(response, 404, { error: 'Not found.' });
  }
  send(response, 404, { error: 'Not found.' });
}

async function main() {
  const key = await keyPromise; // imported once, like getKeyring() in the app
  const port = Number(process.env.PORT ?? 3411);
  createServer((request, response) => {
    handle(request, response, key).catch((err: unknown) => {
      console.error(err);
      send(response, 500, { error: 'Internal error.' });
    });
  }).listen(port, '127.0.0.1', () => console.log(`baseline listening on http://127.0.0.1:${port}`));
}

void main();
