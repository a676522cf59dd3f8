import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { plainJpeg } from '@/testing/images';
import { CURRENT_SECRET, e2eServer } from '../server-env';
import { credentialsFor, insertUsers, openServerDb } from './support';

// These tests own their servers: each starts `next start` (the same production build), kills it
// with SIGKILL in the middle of a burst of writes, starts it again on the same database and
// media folder, and checks that everything acknowledged survived, whole.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

type OwnServer = { base: string; file: string; media: string };

function ownServer(dir: string, offset: number): OwnServer {
  return { base: `http://127.0.0.1:${E2E_PORT + offset}`, file: join(dir, 'cookiegram.db'), media: join(dir, 'media') };
}

function startServer({ base, file, media }: OwnServer): ChildProcess {
  return spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '--port', new URL(base).port], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      AUTH_SECRET: CURRENT_SECRET,
      AUTH_STRATEGY: 'jwt',
      APP_URL: base,
      DATABASE_URL: `file:${file}`,
      STORAGE_URL: `file:${media}`,
      SMTP_URL: e2eServer('jwt').mail.url,
    },
    stdio: 'ignore',
  });
}

async function waitUntilUp(request: APIRequestContext, base: string) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await request.get(`${base}/login`, { timeout: 1000 })).ok()) return;
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
  const own = ownServer(dir, 50);
  const { file } = own;
  const BASE = own.base;
  const api = await playwright.request.newContext();
  let server = startServer(own);
  try {
    await waitUntilUp(api, BASE);
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

    server = startServer(own);
    await waitUntilUp(api, BASE);
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

test('kill -9 during a burst of uploads: every acknowledged post has its images, and no post lacks them', async ({ playwright, server: project }) => {
  test.skip(project !== 'jwt', 'durability of the embedded file and the file store does not depend on the auth strategy: run once');
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'cookiegram-crash-uploads-'));
  const own = ownServer(dir, 51);
  const api = await playwright.request.newContext({ baseURL: own.base });
  let server = startServer(own);
  try {
    await waitUntilUp(api, own.base);
    const db = openServerDb({ file: own.file });
    const users = await insertUsers(db, 3);
    const cookies = await credentialsFor({ strategy: 'jwt', baseURL: own.base }, db, users);
    db.close();
    const photo = { name: 'p.jpg', mimeType: 'image/jpeg', buffer: await plainJpeg(1200, 900) };
    const post = (cookie: string) => api.post('/api/posts', { multipart: { photo, caption: 'burst' }, headers: { cookie }, timeout: 30_000 });

    // Uploads from five users, two at a time, until the server dies under them.
    const acknowledged: number[] = [];
    let sent = 0;
    const sender = async (cookie: string) => {
      for (let i = 0; i < 40; i++) {
        try {
          sent++;
          const response = await post(cookie);
          if (response.status() === 201) acknowledged.push(((await response.json()) as { id: number }).id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const senders = [sender(cookies[1] ?? ''), sender(cookies[2] ?? '')];
    await expect.poll(() => acknowledged.length, { timeout: 90_000 }).toBeGreaterThanOrEqual(6);
    server.kill('SIGKILL');
    await Promise.all(senders);
    expect(acknowledged.length).toBeLessThan(sent); // the kill really cut the burst short

    server = startServer(own);
    await waitUntilUp(api, own.base);
    const after = openServerDb({ file: own.file });
    const rows = await after.all<{ id: number; image: string; medium: string; thumbnail: string }>(
      'SELECT id, image_key AS image, medium_key AS medium, thumbnail_key AS thumbnail FROM posts',
    );
    after.close();
    const stored = new Map(rows.map((r) => [r.id, r]));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    const withoutImages = rows.filter((r) => [r.image, r.medium, r.thumbnail].some((key) => !existsSync(join(own.media, key))));
    expect(withoutImages).toEqual([]);
    const served = await api.get(`/media/${rows[0]?.image ?? 'none'}`);
    expect(served.status()).toBe(200);
  } finally {
    server.kill('SIGKILL');
    await api.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
