// Test-side access for the attack suite: the server's own database (WAL lets a second process
// read and write it) and credentials minted with the server's secret, so tests can set up
// hundreds of users without hundreds of bcrypt sign-ups.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { generateSessionToken, hashSessionToken } from '../../lib/auth/session-token';
import { importKeyring, signToken } from '../../lib/auth/token';
import type { Strategy } from '../fixtures';
import { CURRENT_SECRET, databasePath } from '../server-env';

export type ServerDb = Database.Database;

/** The database of the e2e server of a strategy, or of a server a test started itself. */
export function openServerDb(target: Strategy | { file: string }): ServerDb {
  const db = new Database(typeof target === 'string' ? databasePath(target) : target.file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Inserts `count` users (unusable password hash: they never log in through the form). */
export function insertUsers(db: ServerDb, count: number): { id: number; username: string }[] {
  const insert = db.prepare(
    "INSERT INTO users (username, email, password_hash, created_at) VALUES (?, ?, '!', ?) RETURNING id, username",
  );
  const prefix = randomUUID().slice(0, 8);
  return db.transaction(() =>
    Array.from({ length: count }, (_, i) => {
      const username = `bulk_${prefix}_${i}`;
      return insert.get(username, `${username}@example.com`, Date.now()) as { id: number; username: string };
    }),
  )();
}

/** A valid auth cookie for the user, as the server would have issued at login. */
export async function credentialFor(strategy: Strategy, db: ServerDb, user: { id: number; username: string }) {
  if (strategy === 'jwt') {
    const keyring = await importKeyring([CURRENT_SECRET]);
    return `token=${await signToken({ ...user, tokenEpoch: 0 }, keyring)}`;
  }
  const token = generateSessionToken();
  const now = Date.now();
  db.prepare('INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at, user_agent) VALUES (?, ?, ?, ?, ?, ?)').run(
    await hashSessionToken(token),
    user.id,
    now,
    now + 7 * 24 * 3600 * 1000,
    now,
    'attack-suite',
  );
  return `session=${token}`;
}

export function likeState(db: ServerDb, postId: number) {
  const row = db
    .prepare('SELECT like_count AS count, (SELECT count(*) FROM likes WHERE post_id = ?) AS rows FROM posts WHERE id = ?')
    .get(postId, postId) as { count: number; rows: number };
  return row;
}

/** True when a response body looks like it leaks internals. */
export const leaksInternals = (body: string) => /\bat .+\(.+:\d+:\d+\)|node_modules|Error:|digest/i.test(body);
