import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { CURRENT_SECRET } from '../server-env';
import { credentialsFor, insertUsers, openServerDb } from './support';

// This test owns its server: it starts `next start` (the same production build), kills it with
// SIGKILL in the middle of a burst of likes, starts it again on the same database and checks
// that every acknowledged like survived and that counts still equal rows.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BASE = `http://127.0.0.1:${PORT}`;

function startServer(databaseFile: string): ChildProcess {
  return spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '--port', String(PORT)], {
    env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: CURRENT_SECRET, AUTH_STRATEGY: 'jwt', APP_URL: BASE, DATABASE_URL: `file:${databaseFile}` },
    stdio: 'ignore',
  });
}

async function waitUntilUp(request: APIRequestContext) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await request.get(`${BASE}/login`, { timeout: 1000 })).ok()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

test('kill -9 during a burst of likes loses no acknowledged like, and rate limits survive', async ({ playwright, server: project }) => {
  test.skip(project !== 'jwt', 'durability of the embedded file does not depend on the auth strategy: run once');
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'cookiegram-crash-'));
  const file = join(dir, 'cookiegram.db');
  const api = await playwright.request.newContext();
  let server = startServer(file);
  try {
    await waitUntilUp(api);
    const db = openServerDb({ file });
    const users = await insertUsers(db, 20);
    const cookies = await credentialsFor({ strategy: 'jwt', baseURL: BASE }, db, users);
    db.close();

    // Five failed logins: the sixth must be refused after the restart too.
    for (let i = 0; i < 5; i++) {
      await api.post(`${BASE}/api/auth/login`, { data: { email: 'victim@example.com', password: `guess-${i}` } });
    }

    // 600 likes (20 users × 30 posts), 16 at a time, until the server dies under them.
    const queue = users.flatMap((user, u) => Array.from({ length: 30 }, (_, p) => ({ user: user.id, post: p + 1, cookie: cookies[u] ?? '' })));
    const acknowledged: { user: number; post: number }[] = [];
    const sender = async () => {
      for (let like = queue.shift(); like; like = queue.shift()) {
        try {
          const response = await api.post(`${BASE}/api/posts/${like.post}/like`, { headers: { cookie: like.cookie }, timeout: 10_000 });
          if (response.status() === 200) acknowledged.push(like);
        } catch {
          return; // the server is gone
        }
      }
    };
    const senders = Array.from({ length: 16 }, sender);
    await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThan(150);
    server.kill('SIGKILL');
    await Promise.all(senders);
    expect(acknowledged.length).toBeLessThan(600); // the kill really cut the burst short

    server = startServer(file);
    await waitUntilUp(api);
    const after = openServerDb({ file });
    const saved = new Set((await after.all<{ key: string }>("SELECT user_id || ':' || post_id AS key FROM likes")).map((r) => r.key));
    const missing = acknowledged.filter((l) => !saved.has(`${l.user}:${l.post}`));
    expect(missing).toEqual([]);
    const drift = await after.all('SELECT id FROM posts WHERE like_count != (SELECT count(*) FROM likes WHERE post_id = posts.id)');
    expect(drift).toEqual([]);
    after.close();

    const limited = await api.post(`${BASE}/api/auth/login`, { data: { email: 'victim@example.com', password: 'guess-6' } });
    expect(limited.status()).toBe(429);
  } finally {
    server.kill('SIGKILL');
    await api.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
