// Test-side access for the attack suite: the e2e server's own database (the SQLite file, which
// WAL lets a second process read and write, or the sqld server over HTTP) and credentials minted
// with the server's secret, so tests can set up hundreds of users without hundreds of sign-ups.
import { randomUUID } from 'node:crypto';
import { createClient } from '@libsql/client/web';
import Database from 'better-sqlite3';
import { signToken } from '../../lib/auth/strategies/jwt-token';
import { LIMITS, counterKey } from '../../lib/security/limits';
import { generateSessionToken, hashSessionToken } from '../../lib/auth/strategies/session-token';
import type { ServerOptions, Strategy } from '../fixtures';
import { e2eServer, keyringFor } from '../server-env';

type Args = (string | number)[];
type ServerDb = {
  all<T>(sql: string, args?: Args): Promise<T[]>;
  run(sql: string, args?: Args): Promise<void>;
  close(): void;
};

function fileDb(path: string): ServerDb {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return {
    all: <T>(sql: string, args: Args = []) => Promise.resolve(db.prepare(sql).all(...args) as T[]),
    run: async (sql, args = []) => {
      db.prepare(sql).run(...args);
    },
    close: () => db.close(),
  };
}

function libsqlDb(url: string): ServerDb {
  const client = createClient({ url });
  return {
    all: async <T>(sql: string, args: Args = []) => {
      const result = await client.execute({ sql, args });
      return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])) as T);
    },
    run: async (sql, args = []) => {
      await client.execute({ sql, args });
    },
    close: () => client.close(),
  };
}

/** The database of an e2e server, or of a server a test started itself. */
export function openServerDb(target: ServerOptions['server'] | { file: string }): ServerDb {
  if (typeof target !== 'string') return fileDb(target.file);
  const { database } = e2eServer(target);
  return database.driver === 'file' ? fileDb(database.path) : libsqlDb(database.url);
}

/** Inserts `count` users (unusable password hash: they never log in through the form). */
export async function insertUsers(db: ServerDb, count: number): Promise<{ id: number; username: string }[]> {
  const prefix = randomUUID().slice(0, 8);
  const names = Array.from({ length: count }, (_, i) => `bulk_${prefix}_${i}`);
  const values = names.map(() => "(?, ?, '!', ?)").join(', ');
  return db.all<{ id: number; username: string }>(
    `INSERT INTO users (username, email, password_hash, created_at) VALUES ${values} RETURNING id, username`,
    names.flatMap((n) => [n, `${n}@example.com`, Date.now()]),
  );
}

/** Valid auth cookies for the users, as the server would have issued at login (one write in all). */
export async function credentialsFor(
  { strategy, baseURL }: { strategy: Strategy; baseURL: string },
  db: ServerDb,
  users: { id: number; username: string }[],
) {
  if (strategy === 'jwt') {
    const keyring = await keyringFor(baseURL);
    return Promise.all(users.map(async (user) => `token=${await signToken({ ...user, tokenEpoch: 0 }, keyring)}`));
  }
  const tokens = users.map(() => generateSessionToken());
  const now = Date.now();
  const rows = await Promise.all(
    users.map(async (user, i) => [await hashSessionToken(tokens[i] ?? ''), user.id, now, now + 7 * 24 * 3600 * 1000, now, 'attack-suite']),
  );
  await db.run(
    `INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at, user_agent) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    rows.flat(),
  );
  return tokens.map((token) => `session=${token}`);
}

export async function likeState(db: ServerDb, postId: number) {
  const [row] = await db.all<{ count: number; rows: number }>(
    'SELECT like_count AS count, (SELECT count(*) FROM likes WHERE post_id = ?) AS rows FROM posts WHERE id = ?',
    [postId, postId],
  );
  if (!row) throw new Error(`no post ${postId}`);
  return row;
}

/** True when a response body looks like it leaks internals. */
// A redirect() or notFound() from a page renders Next's own `"digest":"NEXT_REDIRECT;…"` or
// `"digest":"NEXT_HTTP_ERROR_FALLBACK;404"` marker: not a leak.
export const leaksInternals = (body: string) =>
  /\bat .+\(.+:\d+:\d+\)|node_modules|Error:|digest(?!\\?":\\?"(?:NEXT_REDIRECT;|NEXT_HTTP_ERROR_FALLBACK;404\\?"))/i.test(body);

/** Counts `posts` against a user's hourly post limit, as that many uploads would, without putting them on everyone's feed. */
export async function countPostsAgainstLimit(db: ServerDb, username: string, posts: number): Promise<void> {
  const [user] = await db.all<{ id: number }>('SELECT id FROM users WHERE username = ?', [username]);
  if (!user) throw new Error(`no user ${username}`);
  const key = counterKey(LIMITS.postsPerUser, String(user.id));
  await db.run('INSERT INTO rate_limits (key, count, window_start) VALUES (?, ?, ?)', [key, posts, Date.now()]);
}
