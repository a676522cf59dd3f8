// The benchmark's databases: the demo-size one the app seeds by itself, and a large one (10,000
// users, 100,000 posts, 1,000,000 likes) built in one transaction with prepared inserts. Both
// have exactly the schema the migrations produce (checked after the bulk load).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { hashPassword } from '@/lib/auth/password';
import type { Connection, EmbeddedDb } from '@/lib/db/client';
import * as schema from '@/lib/db/schema';
import { demoPosts } from '@/lib/db/demo-content';
import { MIGRATIONS_FOLDER, migrateDatabase } from '@/lib/db/migrate';
import { seedDemoData } from '@/lib/db/seed';
import { createMediaStore } from '@/lib/media/storage';
import { progressBar } from './progress';

type LargeSize = { users: number; posts: number; likes: number };
export const LARGE: LargeSize = { users: 10_000, posts: 100_000, likes: 1_000_000 };
/** Every bench user of the large database has this password (one bcrypt hash, shared). */
export const BENCH_PASSWORD = 'bench-password';
export const benchEmail = (userId: number) => `user${userId}@bench.invalid`;

/** Well-formed, unique media keys that name no stored object: the bench measures pages, not images. */
const benchMediaKey = (kind: 'i' | 'm' | 't', id: number) => `${kind}${String(id).padStart(21, '0')}.webp`;
/** As long as a real placeholder (the pipeline's ~16 px WebP), so the feed's HTML has its real size. */
const BENCH_PLACEHOLDER = `data:image/webp;base64,${'A'.repeat(320)}`;

const TRIGGERS_MIGRATION = join(MIGRATIONS_FOLDER, '0001_like_count_triggers.sql');
const MINUTE_MS = 60_000;

/** A small seeded PRNG (mulberry32): the same database every time. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A connection set up as the app's (lib/db/client.ts), with the raw handle for bulk work. */
function open(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

/** The shape lib/db/migrate.ts takes, for a database the bench opened itself. */
const asConnection = (db: EmbeddedDb): Connection => ({ driver: 'better-sqlite3', db, name: 'bench', close: () => {} });

/** The schema (tables, indexes, triggers) as SQLite keeps it, for comparing two databases. */
function schemaOf(sqlite: Database.Database): string[] {
  return sqlite
    .prepare<[], { sql: string }>("select sql from sqlite_master where sql is not null order by type, name")
    .all()
    .map((r) => r.sql);
}

async function assertMigratedSchema(sqlite: Database.Database) {
  const reference = open(':memory:');
  await migrateDatabase(asConnection(reference.db));
  if (JSON.stringify(schemaOf(sqlite)) !== JSON.stringify(schemaOf(reference.sqlite))) {
    throw new Error('bench database schema differs from what the migrations produce');
  }
  reference.sqlite.close();
}

function counts(sqlite: Database.Database) {
  const n = (table: string) => sqlite.prepare<[], { n: number }>(`select count(*) as n from ${table}`).get()?.n ?? 0;
  return { users: n('users'), posts: n('posts'), likes: n('likes') };
}

/** The demo-size database, exactly as a fresh server seeds it, its photos in `mediaDir`; rebuilt on every run. */
export async function buildDemoDatabase(path: string, bcryptCost: number, mediaDir: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  rmSync(mediaDir, { recursive: true, force: true });
  const { db, sqlite } = open(path);
  await migrateDatabase(asConnection(db));
  await seedDemoData(db, bcryptCost, createMediaStore({ driver: 'file', directory: mediaDir, publicUrl: undefined }));
  sqlite.close();
}

/**
 * The large database at `path`, reused when it is already there with the expected counts (the
 * like scenarios undo their own likes), with no rate-limit counters: a run stopped while logins
 * were in flight leaves their reservations, which would refuse the next run's logins for up to
 * 15 minutes. Built under a temporary name, so an interrupted build is never mistaken for a
 * finished one.
 */
export async function buildLargeDatabase(path: string, size: LargeSize, bcryptCost: number): Promise<'reused' | 'built'> {
  if (existsSync(path)) {
    const { db, sqlite } = open(path);
    await migrateDatabase(asConnection(db));
    const found = counts(sqlite);
    sqlite.exec('delete from rate_limits');
    sqlite.close();
    if (found.users === size.users && found.posts === size.posts && found.likes === size.likes) return 'reused';
    console.log(`  ${path} has ${JSON.stringify(found)}, expected ${JSON.stringify(size)}: rebuilding`);
  }
  const temporary = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(temporary + suffix, { force: true });
  const { db, sqlite } = open(temporary);
  await migrateDatabase(asConnection(db));
  fill(sqlite, size, await hashPassword(BENCH_PASSWORD, bcryptCost));
  await assertMigratedSchema(sqlite);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  renameSync(temporary, path);
  rmSync(`${temporary}-wal`, { force: true });
  rmSync(`${temporary}-shm`, { force: true });
  return 'built';
}

function fill(sqlite: Database.Database, size: LargeSize, passwordHash: string) {
  const rand = random(20_251_125);
  const now = Date.now();
  const total = size.users + size.posts + size.likes;
  const bar = progressBar('building the large database', total);
  const insertUser = sqlite.prepare('insert into users (id, username, email, password_hash, created_at) values (?, ?, ?, ?, ?)');
  const insertPost = sqlite.prepare(
    'insert into posts (id, author_id, image_key, medium_key, thumbnail_key, width, height, placeholder, caption, created_at) values (?, ?, ?, ?, ?, 1080, 1080, ?, ?, ?)',
  );
  const insertLike = sqlite.prepare('insert into likes (user_id, post_id, created_at) values (?, ?, ?)');
  const likesPerUser = Math.floor(size.likes / size.users);
  if (likesPerUser * size.users !== size.likes || likesPerUser > size.posts) throw new Error('likes must be users × k, k ≤ posts');

  // The triggers would update a post row per like inserted; set the counts once at the end
  // instead, then put the triggers back from the migration itself.
  sqlite.exec('drop trigger likes_count_after_insert; drop trigger likes_count_after_delete;');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144'); // 256 MiB while building
  sqlite.transaction(() => {
    for (let id = 1; id <= size.users; id++) {
      insertUser.run(id, `user${id}`, benchEmail(id), passwordHash, now - size.posts * MINUTE_MS);
      bar.tick();
    }
    for (let id = 1; id <= size.posts; id++) {
      const demo = demoPosts[id % demoPosts.length] ?? demoPosts[0];
      const author = 1 + Math.floor(rand() * size.users);
      insertPost.run(id, author, benchMediaKey('i', id), benchMediaKey('m', id), benchMediaKey('t', id), BENCH_PLACEHOLDER, demo.caption, now - (size.posts - id) * MINUTE_MS);
      bar.tick();
    }
    // Each user likes `likesPerUser` distinct posts, recent ones more often (the product of two
    // uniform draws leans to 0), so the newest posts carry the most likes, as on a real feed.
    for (let user = 1; user <= size.users; user++) {
      const liked = new Set<number>();
      while (liked.size < likesPerUser) liked.add(size.posts - Math.floor(rand() * rand() * size.posts));
      for (const post of [...liked].sort((a, b) => a - b)) {
        insertLike.run(user, post, now);
        bar.tick();
      }
    }
    sqlite.exec('update posts set like_count = (select count(*) from likes where likes.post_id = posts.id)');
    for (const statement of readFileSync(TRIGGERS_MIGRATION, 'utf8').split('--> statement-breakpoint')) {
      sqlite.exec(statement);
    }
  })();
  bar.done();
  sqlite.pragma('synchronous = NORMAL');
}
