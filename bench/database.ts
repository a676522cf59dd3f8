// The benchmark's databases: the demo-size one the app seeds by itself, and a large one (10,000
// users, 100,000 posts, 1,000,000 likes, ~780,000 follows, 500,000 comments and their
// notifications) built in one transaction with prepared inserts. Both have exactly the schema the
// migrations produce, and every count equals its rows (both checked after the bulk load).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { hashPassword } from '@/lib/auth/password';
import type { Connection, EmbeddedDb } from '@/lib/db/client';
import * as schema from '@/lib/db/schema';
import { demoPosts } from '@/lib/db/demo-content';
import { migrateDatabase } from '@/lib/db/migrate';
import { seedDemoData } from '@/lib/db/seed';
import { createMediaStore } from '@/lib/media/storage';
import { progressBar } from './progress';

type LargeSize = { users: number; posts: number; likes: number; comments: number };
export const LARGE: LargeSize = { users: 10_000, posts: 100_000, likes: 1_000_000, comments: 500_000 };
/** Every bench user of the large database has this password (one bcrypt hash, shared). */
export const BENCH_PASSWORD = 'bench-password';
export const benchEmail = (userId: number) => `user${userId}@bench.invalid`;

/** Well-formed, unique media keys that name no stored object: the bench measures pages, not images. */
const benchMediaKey = (kind: 'i' | 'm' | 't', id: number) => `${kind}${String(id).padStart(21, '0')}.webp`;
/** As long as a real placeholder (the pipeline's ~16 px WebP), so the feed's HTML has its real size. */
const BENCH_PLACEHOLDER = `data:image/webp;base64,${'A'.repeat(320)}`;

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
  return { users: n('users'), posts: n('posts'), likes: n('likes'), comments: n('comments'), follows: n('follows') };
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
    const expected = { ...size, follows: totalFollows(size.users) };
    if ((Object.keys(expected) as (keyof typeof expected)[]).every((k) => found[k] === expected[k])) return 'reused';
    console.log(`  ${path} has ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}: rebuilding`);
  }
  const temporary = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(temporary + suffix, { force: true });
  const { db, sqlite } = open(temporary);
  await migrateDatabase(asConnection(db));
  fill(sqlite, size, await hashPassword(BENCH_PASSWORD, bcryptCost));
  // Again, for what a migration does to rows already there (a backfill) beside the schema.
  await migrateDatabase(asConnection(db));
  await assertMigratedSchema(sqlite);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  renameSync(temporary, path);
  rmSync(`${temporary}-wal`, { force: true });
  rmSync(`${temporary}-shm`, { force: true });
  return 'built';
}

/** Who follows whom: a power law, with a few accounts at either end that the scenarios look at. */
export const GRAPH = {
  /** Users 1–10: each is followed by about half of everyone (~5,000 followers). */
  celebrities: 10,
  /** Users 11–20 follow 2,000 accounts each: the heaviest following feed. */
  heavy: 10,
  heavyFollowing: 2000,
  /** Everyone else follows between these, log-uniformly (median ~63, mean ~78). */
  minFollowing: 20,
  maxFollowing: 200,
  /** Posts 1–10 below the newest each get this many comments (the post page's scenario). */
  viralPosts: 10,
  viralComments: 5000,
};
export const isCelebrity = (userId: number) => userId <= GRAPH.celebrities;
export const isHeavy = (userId: number) => userId > GRAPH.celebrities && userId <= GRAPH.celebrities + GRAPH.heavy;

/**
 * How many accounts a user follows: fixed by the id alone (a golden-ratio sequence through the
 * log-uniform range), so the expected number of follows is known without building anything.
 */
export function followingOf(userId: number, users: number): number {
  if (isHeavy(userId)) return Math.min(GRAPH.heavyFollowing, users - 1);
  const u = (userId * 0.618_033_988_749_895) % 1;
  return Math.min(users - 1, Math.round(GRAPH.minFollowing * (GRAPH.maxFollowing / GRAPH.minFollowing) ** u));
}
const totalFollows = (users: number) => Array.from({ length: users }, (_, i) => followingOf(i + 1, users)).reduce((a, b) => a + b, 0);

const COMMENT_TEXTS = ['Love this!', 'So good 😍', 'Where is this?', 'Recipe please!', 'Wow', 'Beautiful light', 'Need this right now', 'Looks delicious', '🔥🔥🔥', 'Best one yet'];
/** The tables bulk-loaded with their triggers off: a trigger per row would be millions of updates. */
const BULK_TABLES = ['likes', 'follows', 'comments'];

/**
 * The counts the triggers keep, and the notifications they write, set once from the rows, by the
 * triggers' own rules (none for one's own like or comment; a follow always notifies).
 */
function deriveFromRows(sqlite: Database.Database) {
  sqlite.exec(`
    update posts set
      like_count = (select count(*) from likes where likes.post_id = posts.id),
      comment_count = (select count(*) from comments where comments.post_id = posts.id);
    update users set
      follower_count = (select count(*) from follows where follows.followee_id = users.id),
      following_count = (select count(*) from follows where follows.follower_id = users.id);
    insert into notifications (recipient_id, actor_id, kind, post_id, comment_id, created_at)
      select recipient_id, actor_id, kind, post_id, comment_id, created_at from (
        select p.author_id as recipient_id, l.user_id as actor_id, 'like' as kind, l.post_id as post_id, null as comment_id, l.created_at as created_at
          from likes l join posts p on p.id = l.post_id where p.author_id <> l.user_id
        union all
        select p.author_id, c.author_id, 'comment', c.post_id, c.id, c.created_at
          from comments c join posts p on p.id = c.post_id where p.author_id <> c.author_id
        union all
        select f.followee_id, f.follower_id, 'follow', null, null, f.created_at from follows f
      ) order by created_at;
  `);
}

/** Throws unless every count the triggers keep equals its rows, and the notifications are the triggers' own. */
function assertCountsMatchRows(sqlite: Database.Database) {
  const n = (query: string) => sqlite.prepare<[], { n: number }>(query).get()?.n ?? -1;
  const checks: [string, string][] = [
    ['posts.like_count', 'select count(*) as n from posts where like_count <> (select count(*) from likes where post_id = posts.id)'],
    ['posts.comment_count', 'select count(*) as n from posts where comment_count <> (select count(*) from comments where post_id = posts.id)'],
    ['users.post_count', 'select count(*) as n from users where post_count <> (select count(*) from posts where author_id = users.id)'],
    ['users.follower_count', 'select count(*) as n from users where follower_count <> (select count(*) from follows where followee_id = users.id)'],
    ['users.following_count', 'select count(*) as n from users where following_count <> (select count(*) from follows where follower_id = users.id)'],
  ];
  for (const [what, query] of checks) {
    const wrong = n(query);
    if (wrong !== 0) throw new Error(`bench database: ${wrong} rows where ${what} differs from its rows`);
  }
  // Everything but one's own likes and comments notifies: those are found from the posts, by key.
  const expected =
    n('select count(*) as n from likes') -
    n('select count(*) as n from posts p join likes l on l.user_id = p.author_id and l.post_id = p.id') +
    n('select count(*) as n from comments') -
    n('select count(*) as n from posts p join comments c on c.post_id = p.id where c.author_id = p.author_id') +
    n('select count(*) as n from follows');
  const found = n('select count(*) as n from notifications');
  if (found !== expected) throw new Error(`bench database: ${found} notifications, the triggers' rules give ${expected}`);
}

function fill(sqlite: Database.Database, size: LargeSize, passwordHash: string) {
  const rand = random(20_251_125);
  const now = Date.now();
  const follows = totalFollows(size.users);
  const total = size.users + size.posts + size.likes + follows + size.comments;
  const bar = progressBar('building the large database', total);
  const insertUser = sqlite.prepare('insert into users (id, username, email, password_hash, display_name, bio, created_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertPost = sqlite.prepare(
    'insert into posts (id, author_id, image_key, medium_key, thumbnail_key, width, height, placeholder, caption, created_at) values (?, ?, ?, ?, ?, 1080, 1080, ?, ?, ?)',
  );
  const insertLike = sqlite.prepare('insert into likes (user_id, post_id, created_at) values (?, ?, ?)');
  const insertFollow = sqlite.prepare('insert into follows (follower_id, followee_id, created_at) values (?, ?, ?)');
  const insertComment = sqlite.prepare('insert into comments (post_id, author_id, text, created_at) values (?, ?, ?, ?)');
  const likesPerUser = Math.floor(size.likes / size.users);
  if (likesPerUser * size.users !== size.likes || likesPerUser > size.posts) throw new Error('likes must be users × k, k ≤ posts');
  const postTime = (id: number) => now - (size.posts - id) * MINUTE_MS;
  /** A moment between the post and now, for its likes and comments. */
  const afterPost = (id: number) => postTime(id) + Math.floor(rand() * (now - postTime(id)));

  // Triggers on the bulk tables would update a row (and write a notification) per row inserted:
  // the counts and notifications are set once at the end instead (deriveFromRows), then the
  // triggers are put back exactly as the migrations made them. Their secondary indexes, and the
  // notifications', are built once the rows are in (a sort instead of a random insert per row).
  // The posts' own triggers (counts, tags …) stay: 100,000 rows.
  const inList = (tables: string[]) => tables.map((t) => `'${t}'`).join(', ');
  const schemaRows = (type: string, tables: string[]) =>
    sqlite.prepare<[], { name: string; sql: string }>(`select name, sql from sqlite_master where type = '${type}' and sql is not null and tbl_name in (${inList(tables)})`).all();
  const triggers = schemaRows('trigger', BULK_TABLES);
  const bulkIndexes = schemaRows('index', BULK_TABLES);
  const notificationIndexes = schemaRows('index', ['notifications']);
  for (const t of triggers) sqlite.exec(`drop trigger "${t.name}"`);
  for (const i of [...bulkIndexes, ...notificationIndexes]) sqlite.exec(`drop index "${i.name}"`);
  // One big transaction: a rollback journal of a growing file is tiny, a WAL would be the database twice.
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144'); // 256 MiB while building
  sqlite.transaction(() => {
    for (let id = 1; id <= size.users; id++) {
      const bio = id % 3 === 0 ? `Baking and photographing, mostly cookies. Account ${id}.` : '';
      insertUser.run(id, `user${id}`, benchEmail(id), passwordHash, `Bench User ${id}`, bio, now - size.posts * MINUTE_MS);
      bar.tick();
    }
    for (let id = 1; id <= size.posts; id++) {
      const demo = demoPosts[id % demoPosts.length] ?? demoPosts[0];
      const author = 1 + Math.floor(rand() * size.users);
      insertPost.run(id, author, benchMediaKey('i', id), benchMediaKey('m', id), benchMediaKey('t', id), BENCH_PLACEHOLDER, demo.caption, postTime(id));
      bar.tick();
    }
    // Each user likes `likesPerUser` distinct posts, recent ones more often (the product of two
    // uniform draws leans to 0), so the newest posts carry the most likes, as on a real feed.
    const likedPosts = new Int32Array(size.likes);
    for (let user = 1, n = 0; user <= size.users; user++) {
      const liked = new Set<number>();
      while (liked.size < likesPerUser) liked.add(size.posts - Math.floor(rand() * rand() * size.posts));
      for (const post of [...liked].sort((a, b) => a - b)) {
        insertLike.run(user, post, afterPost(post));
        likedPosts[n++] = post;
        bar.tick();
      }
    }
    // Follows: each user follows each celebrity with probability ½, and the rest of their
    // followingOf() accounts by popularity rank (rank ∝ u^1.5 over a shuffled order, so a long
    // tail of accounts with a few followers and some with a thousand or more).
    const byRank = Array.from({ length: size.users - GRAPH.celebrities }, (_, i) => GRAPH.celebrities + 1 + i);
    for (let i = byRank.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [byRank[i], byRank[j]] = [byRank[j] ?? 0, byRank[i] ?? 0];
    }
    for (let user = 1; user <= size.users; user++) {
      const target = followingOf(user, size.users);
      const followed = new Set<number>();
      for (let c = 1; c <= GRAPH.celebrities && followed.size < target; c++) if (c !== user && rand() < 0.5) followed.add(c);
      while (followed.size < target) {
        const followee = byRank[Math.floor(rand() ** 1.5 * byRank.length)] ?? 0;
        if (followee !== user) followed.add(followee);
      }
      for (const followee of [...followed].sort((a, b) => a - b)) {
        insertFollow.run(user, followee, now - Math.floor(rand() * 365 * 24 * 60 * MINUTE_MS));
        bar.tick();
      }
    }
    // Comments: GRAPH.viralComments on each of a few recent posts; the rest on the post of a
    // random like, so in proportion to likes (recent and popular posts), by random users.
    const comments: number[] = [];
    for (let v = 1; v <= GRAPH.viralPosts; v++) for (let k = 0; k < GRAPH.viralComments; k++) comments.push(size.posts - v);
    while (comments.length < size.comments) comments.push(likedPosts[Math.floor(rand() * size.likes)] ?? 1);
    const withTime = comments.map((post) => [post, 1 + Math.floor(rand() * size.users), afterPost(post)] as const).sort((a, b) => a[2] - b[2]);
    for (const [post, author, at] of withTime) {
      insertComment.run(post, author, COMMENT_TEXTS[at % COMMENT_TEXTS.length] ?? '', at);
      bar.tick();
    }
    for (const i of bulkIndexes) sqlite.exec(i.sql);
    deriveFromRows(sqlite);
    for (const i of notificationIndexes) sqlite.exec(i.sql);
    for (const t of triggers) sqlite.exec(t.sql);
  })();
  bar.done();
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('journal_mode = WAL');
  assertCountsMatchRows(sqlite);
}
