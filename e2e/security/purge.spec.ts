// Rows of dead sessions, revoked tokens and old rate-limit windows are purged by the server as it
// writes, a bounded batch at a time: the tables stay small with no job to schedule.
import { randomUUID } from 'node:crypto';
import { expect, test } from '../fixtures';
import { logOut, register } from '../helpers';
import { insertUsers, openServerDb } from './support';

test('the server purges expired session and revoked-token rows as it writes', async ({ page, server, strategy }) => {
  const db = openServerDb(server);
  const [owner] = await insertUsers(db, 1);
  if (!owner) throw new Error('no user');
  const tag = randomUUID().slice(0, 8);
  const longAgo = Date.now() - 40 * 24 * 3600 * 1000;
  await db.run(
    `INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at) VALUES ${Array.from({ length: 20 }, () => '(?, ?, ?, ?, ?)').join(', ')}`,
    Array.from({ length: 20 }, (_, i) => [`dead-${tag}-${i}`, owner.id, longAgo, longAgo + 1000, longAgo]).flat(),
  );
  await db.run(
    `INSERT INTO revoked_tokens (jti, expires_at) VALUES ${Array.from({ length: 20 }, () => '(?, ?)').join(', ')}`,
    Array.from({ length: 20 }, (_, i) => [`dead-${tag}-${i}`, Math.floor(longAgo / 1000)]).flat(),
  );
  const left = async () => {
    const [row] = await db.all<{ sessions: number; tokens: number }>(
      'SELECT (SELECT count(*) FROM sessions WHERE id LIKE ?) AS sessions, (SELECT count(*) FROM revoked_tokens WHERE jti LIKE ?) AS tokens',
      [`dead-${tag}-%`, `dead-${tag}-%`],
    );
    return row;
  };
  expect(await left()).toEqual({ sessions: 20, tokens: 20 });

  // A sign-up (a new session row under the session strategy) and a logout (a revoked token under JWT).
  await register(page);
  await logOut(page);

  const after = await left();
  if (strategy === 'session') expect(after?.sessions).toBe(0);
  else expect(after?.tokens).toBe(0);
  db.close();
});
