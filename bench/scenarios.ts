// What the load generator sends: feed views, like/unlike pairs and logins, each as a real
// client would (a signed session cookie, a no-JavaScript login form post).
import Database from 'better-sqlite3';
import type autocannon from 'autocannon';
import { AUTH_COOKIES } from '@/lib/auth/cookies';
import { BUSY, INVALID_CREDENTIALS } from '@/lib/auth/messages';
import { type TokenUser, importKeyring, signToken } from '@/lib/auth/strategies/jwt-token';
import { getConfig } from '@/lib/config';
import { LIMITS } from '@/lib/security/limits';
import { random } from './database';

type LoadRequest = autocannon.Request;
const TOKEN_COOKIE = AUTH_COOKIES.jwt.name;
const USER_COLUMNS = 'id, username, token_epoch as tokenEpoch';
const pick = <T>(items: readonly T[], rand: () => number): T => {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};

/**
 * Session cookies for some users of the database, signed with the server's secret: random ones,
 * or the first `count` (by id) that `where` (SQL on users) picks.
 */
export async function sessionCookies(dbPath: string, secret: string, count: number, where?: string): Promise<string[]> {
  const sqlite = new Database(dbPath, { readonly: true });
  const users = sqlite
    .prepare<[number], TokenUser>(`select ${USER_COLUMNS} from users ${where ? `where ${where} order by id` : 'order by random()'} limit ?`)
    .all(count);
  sqlite.close();
  if (users.length === 0) throw new Error(`no user of ${dbPath} is ${where ?? 'there'}`);
  const key = await importKeyring([secret], { audience: getConfig().appOrigin });
  return Promise.all(users.map(async (u) => `${TOKEN_COOKIE}=${await signToken(u, key)}`));
}

/** GET `path` (a page) as a logged-in user, a different one of `cookies` on each request. */
export function pageRequests(path: string, cookies: string[]): LoadRequest[] {
  const rand = random(1);
  return [
    {
      method: 'GET',
      path,
      setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: pick(cookies, rand) } }),
    },
  ];
}

/** What the page scenarios look at, found in the database by what makes them typical or extreme. */
export type PageSubjects = {
  /** The account with the most followers. */
  celebrity: string;
  /** An account with about the median number of followers and of follows. */
  typical: string;
  /** The post with the most comments (the most likes when none has comments). */
  busiestPost: number;
};

export function pageSubjects(dbPath: string): PageSubjects {
  const sqlite = new Database(dbPath, { readonly: true });
  const one = <T>(query: string): T => {
    const row = sqlite.prepare<[], T>(query).get();
    if (row === undefined) throw new Error(`${dbPath}: nothing for ${query}`);
    return row;
  };
  const median = (column: string) => one<{ n: number }>(`select ${column} as n from users order by ${column} limit 1 offset (select count(*) / 2 from users)`).n;
  const [followers, following] = [median('follower_count'), median('following_count')];
  const subjects = {
    celebrity: one<{ username: string }>('select username from users order by follower_count desc, id limit 1').username,
    typical: one<{ username: string }>(`select username from users order by abs(follower_count - ${followers}) + abs(following_count - ${following}), id limit 1`).username,
    busiestPost: one<{ id: number }>('select id from posts order by comment_count desc, like_count desc, id desc limit 1').id,
  };
  sqlite.close();
  return subjects;
}

export type LikePair = { userId: number; postId: number; cookie: string };

/**
 * (user, post) pairs where the user has not liked the post yet. Each like is followed by its
 * unlike, and undoLikes() clears the pairs a scenario cut short, so the large database ends as
 * it started and can be reused.
 */
export async function unlikedPairs(dbPath: string, secret: string, count: number): Promise<LikePair[]> {
  const sqlite = new Database(dbPath, { readonly: true });
  const users = sqlite.prepare<[], TokenUser>(`select ${USER_COLUMNS} from users`).all();
  const postIds = sqlite.prepare<[], { id: number }>('select id from posts').all().map((p) => p.id);
  const liked = sqlite.prepare<[number, number], { one: number }>('select 1 as one from likes where user_id = ? and post_id = ?');
  const key = await importKeyring([secret], { audience: getConfig().appOrigin });
  const rand = random(2);
  const pairs: LikePair[] = [];
  for (let tries = 0; pairs.length < count && tries < count * 20; tries++) {
    const user = pick(users, rand);
    const postId = pick(postIds, rand);
    if (liked.get(user.id, postId)) continue;
    pairs.push({ userId: user.id, postId, cookie: `${TOKEN_COOKIE}=${await signToken(user, key)}` });
  }
  sqlite.close();
  return pairs;
}

/** Removes any like left by the pairs (a scenario that ends between a like and its unlike). */
export function undoLikes(dbPath: string, pairs: LikePair[]): void {
  const sqlite = new Database(dbPath);
  sqlite.pragma('busy_timeout = 5000');
  const unlike = sqlite.prepare('delete from likes where user_id = ? and post_id = ?');
  sqlite.transaction(() => pairs.forEach((p) => unlike.run(p.userId, p.postId)))();
  sqlite.close();
}

/** A photo upload as the browser's form sends it: one multipart body, built once. */
export async function uploadBody(photo: Buffer): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'bench.jpg');
  form.append('caption', 'A 12-megapixel photo from the bench');
  const encoded = new Request('http://bench.invalid/api/posts', { method: 'POST', body: form });
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type') ?? '' };
}

/** POST /api/posts with the same photo, as a different user each time (each may post 30 an hour). */
export function uploadRequests(cookies: string[], upload: { body: Buffer; type: string }): LoadRequest[] {
  const rand = random(5);
  return [
    {
      method: 'POST',
      path: '/api/posts',
      setupRequest: (request) => ({ ...request, body: upload.body, headers: { ...request.headers, cookie: pick(cookies, rand), 'content-type': upload.type } }),
    },
  ];
}

/** Removes the posts the upload scenarios added (their images are in a folder of their own) and the counters they filled. */
export function undoUploads(dbPath: string, postsBefore: number): void {
  const sqlite = new Database(dbPath);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.prepare('delete from posts where id > ?').run(postsBefore);
  sqlite.prepare('delete from pending_media').run();
  sqlite.prepare("delete from rate_limits where key like 'posts-user:%'").run();
  sqlite.close();
}

/** POST then DELETE {prefix}/:id/like for a pair, a different pair on each round. */
export function likeRequests(pairs: LikePair[], prefix = '/api/posts'): LoadRequest[] {
  const rand = random(3);
  return [
    {
      method: 'POST',
      setupRequest: (request, context: { pair?: LikePair }) => {
        const pair = pick(pairs, rand);
        context.pair = pair;
        return { ...request, path: `${prefix}/${pair.postId}/like`, headers: { ...request.headers, cookie: pair.cookie } };
      },
    },
    {
      method: 'DELETE',
      setupRequest: (request, context: { pair?: LikePair }) => {
        const pair = context.pair ?? pick(pairs, rand);
        return { ...request, path: `${prefix}/${pair.postId}/like`, headers: { ...request.headers, cookie: pair.cookie } };
      },
    },
  ];
}

const decodeEntities = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden fields React puts in the login form so that it posts without JavaScript. */
export async function loginFormFields(baseUrl: string): Promise<[string, string][]> {
  const html = await (await fetch(`${baseUrl}/login`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const fields: [string, string][] = [];
  for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name !== undefined) fields.push([decodeEntities(name), decodeEntities(/value="([^"]*)"/.exec(input)?.[1] ?? '')]);
  }
  if (fields.length === 0) throw new Error('no server action fields in the login form');
  return fields;
}

/** POST /login (the form, as a browser without JavaScript sends it) with a right password. */
export async function loginRequests(
  fields: [string, string][],
  emails: string[],
  password: string,
): Promise<LoadRequest[]> {
  const bodies = await Promise.all(
    emails.map(async (email) => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      form.append('email', email);
      form.append('password', password);
      const encoded = new Request('http://bench.invalid/login', { method: 'POST', body: form });
      return { body: await encoded.text(), type: encoded.headers.get('content-type') ?? '' };
    }),
  );
  const rand = random(4);
  return [
    {
      method: 'POST',
      path: '/login',
      setupRequest: (request) => {
        const { body, type } = pick(bodies, rand);
        return { ...request, body, headers: { ...request.headers, 'content-type': type } };
      },
    },
  ];
}

/** What a login answer other than the 303 said: the form shows a refusal as a message (status 200). */
export function loginAnswer(status: number, body: string): string {
  if (/Too many attempts\. Please wait/.test(body)) return 'rate-limited'; // retryMessage() in lib/security/rate-limit.ts
  if (body.includes(BUSY)) return 'busy';
  if (body.includes(INVALID_CREDENTIALS)) return 'wrong password';
  return `status ${status}`;
}

/** The rows of the per-client login counter. */
const LOGIN_CLIENT_KEYS = `${LIMITS.loginPerClient.name}:%`;
const POLL_MS = 100;
const SETTLE_TIMEOUT_MS = 60_000;

/** Polls the bench database until `count` is 0 (or SETTLE_TIMEOUT_MS passed, said on the console). */
async function waitUntilNone(dbPath: string, count: string, what: string): Promise<void> {
  const sqlite = new Database(dbPath, { readonly: true });
  const left = () => sqlite.prepare<[], { n: number }>(count).get()?.n ?? 0;
  try {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (left() > 0) {
      if (Date.now() > deadline) {
        console.warn(`\n  (after ${SETTLE_TIMEOUT_MS / 1000} s, ${left()} ${what})`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    sqlite.close();
  }
}

/**
 * Waits until the server has finished the logins a load left in flight. Every login it lets in
 * holds a reservation on its client's counter until the password is checked, and a right password
 * gives it back: the bench's counters are at zero exactly when none is left.
 */
export function waitForLogins(dbPath: string): Promise<void> {
  return waitUntilNone(
    dbPath,
    `select coalesce(sum(count), 0) as n from rate_limits where key like '${LOGIN_CLIENT_KEYS}'`,
    "logins still count against the bench's client: failed, or a reservation leaked",
  );
}

/**
 * Waits for the uploads a run left in flight (still waiting for the pipeline, or storing): done
 * when no stored image waits for its post and no post has been added for a second and a half.
 */
export async function waitForUploads(dbPath: string): Promise<void> {
  await waitUntilNone(dbPath, 'select count(*) as n from pending_media', 'uploads still storing their images');
  const sqlite = new Database(dbPath, { readonly: true });
  const posts = () => sqlite.prepare<[], { n: number }>('select count(*) as n from posts').get()?.n ?? 0;
  try {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (let before = posts(), quietSince = Date.now(); Date.now() - quietSince < 1500 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const now = posts();
      if (now !== before) [before, quietSince] = [now, Date.now()];
    }
  } finally {
    sqlite.close();
  }
  await waitUntilNone(dbPath, 'select count(*) as n from pending_media', 'uploads still storing their images');
}
