// The following feed's plans, measured: `npx tsx bench/feed-plans.ts`. Builds (once, under
// .data/bench/) a database of 20,000 users, 200,000 posts and power-law follows, then times five
// consecutive pages of each candidate plan for viewers who follow 3, 50 and 2,000 accounts, and
// prints the plans. The README's "The following feed, measured" is its output.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Placeholder } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '@/lib/db/schema';
import { migrateDatabase } from '@/lib/db/migrate';
import { feedQuery } from '@/lib/posts/statements';
import { random } from './database';

const PATH = '.data/bench/feed-plans.db';
const USERS = 20_000;
const POSTS = 200_000;
/** Viewers whose follows are set by hand: [id, how many they follow]. */
const VIEWERS = [
  [19_002, 3],
  [19_003, 50],
  [19_001, 2_000],
] as const;

async function build() {
  mkdirSync('.data/bench', { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(PATH + suffix, { force: true });
  const sqlite = new Database(PATH);
  sqlite.pragma('journal_mode = WAL');
  const db = drizzle(sqlite, { schema });
  await migrateDatabase({ driver: 'better-sqlite3', db, name: PATH, close: () => {} });
  // Counts are set once at the end instead of by a trigger per row.
  sqlite.exec('drop trigger follows_after_insert; drop trigger posts_count_after_insert;');
  sqlite.pragma('synchronous = OFF');
  const rand = random(42);
  const now = Date.now();
  // Popularity leans hard to low ids: the cube of a uniform draw.
  const popular = () => Math.min(USERS, Math.floor(rand() ** 3 * USERS) + 1);
  const user = sqlite.prepare("insert into users (id, username, email, password_hash, display_name, created_at) values (?, ?, ?, 'x', ?, ?)");
  const post = sqlite.prepare("insert into posts (id, author_id, image_key, medium_key, thumbnail_key, width, height, caption, tags, created_at) values (?, ?, ?, ?, ?, 1080, 1080, 'a post', '[]', ?)");
  const follow = sqlite.prepare('insert or ignore into follows (follower_id, followee_id, created_at) values (?, ?, ?)');
  sqlite.transaction(() => {
    for (let id = 1; id <= USERS; id++) user.run(id, `user${id}`, `user${id}@bench.invalid`, `User ${id}`, now);
    // Half the posts by the popular few, half by anyone; pairs share a timestamp (ties).
    for (let id = 1; id <= POSTS; id++) post.run(id, rand() < 0.5 ? popular() : 1 + Math.floor(rand() * USERS), `i${id}`, `m${id}`, `t${id}`, now - Math.floor((POSTS - id) / 2) * 60_000);
    // Most follow a few accounts, some very many (a power law), popular ones most often.
    for (let f = 1; f <= USERS; f++) {
      const k = Math.min(2_000, Math.floor(5 / (rand() + 1e-4) ** 0.8));
      for (let j = 0; j < k; j++) {
        const e = popular();
        if (e !== f) follow.run(f, e, now);
      }
    }
    sqlite.prepare(`delete from follows where follower_id in (${VIEWERS.map(([id]) => id).join(',')})`).run();
    for (let j = 1; j <= 2_000; j++) follow.run(19_001, j, now); // the 2,000 most popular, and most active
    for (const e of [5_000, 12_000, 17_000]) follow.run(19_002, e, now);
    for (let j = 0; j < 50; j++) follow.run(19_003, 1 + Math.floor(rand() * USERS), now);
    sqlite.exec(`update users set post_count = (select count(*) from posts where author_id = users.id),
      follower_count = (select count(*) from follows where followee_id = users.id),
      following_count = (select count(*) from follows where follower_id = users.id)`);
  })();
  sqlite.close();
}

// id first and created_at last, as the chosen query's columns, so one reader takes the cursor from all.
const columns = 'p.id, p.author_id, u.username, p.caption, p.like_count, l.user_id is not null as liked, p.created_at';
const authors = 'select followee_id from follows where follower_id = :viewerId union all select :viewerId';
const page = 'order by p.created_at desc, p.id desc limit 9';
const likesJoin = 'left join likes l on l.post_id = p.id and l.user_id = :viewerId';
/** The alternatives, as plain SQL with the app's parameters: viewerId, createdAt, id. */
const ALTERNATIVES: Record<string, string> = {
  'walk posts_feed_idx, probe follows per post': `select ${columns} from posts p join users u on u.id = p.author_id ${likesJoin}
    where (p.author_id = :viewerId or exists (select 1 from follows where follower_id = :viewerId and followee_id = p.author_id))
    and (p.created_at, p.id) < (:createdAt, :id) ${page}`,
  "SQLite's own choice for author_id in (…)": `select ${columns} from posts p join users u on u.id = p.author_id ${likesJoin}
    where p.author_id in (${authors}) and (p.created_at, p.id) < (:createdAt, :id) ${page}`,
  'per-author seeks joined to users and likes, then sort': `select ${columns} from (${authors.replace('followee_id', 'followee_id as uid')}) f
    join posts p on p.author_id = f.uid join users u on u.id = p.author_id ${likesJoin} where (p.created_at, p.id) < (:createdAt, :id) ${page}`,
};

async function main() {
  if (!existsSync(PATH)) await build();
  const sqlite = new Database(PATH, { readonly: true });
  const chosen = feedQuery(drizzle(sqlite, { schema }), true).toSQL();
  type Params = { viewerId: number; createdAt: number; id: number };
  type Run = (p: Params) => { createdAt: number; id: number }[];
  const keyed = (rows: unknown[]) => rows.map((row) => ({ id: Number((row as unknown[])[0]), createdAt: Number((row as unknown[]).at(-1)) }));
  const statements: [string, Run][] = Object.entries(ALTERNATIVES).map(([name, text]): [string, Run] => {
    const statement = sqlite.prepare(text).raw();
    return [name, (p) => keyed(statement.all(p))];
  });
  const chosenStatement = sqlite.prepare(chosen.sql).raw();
  // drizzle's positional parameters, in its order
  const chosenParams = (p: Params) => chosen.params.map((v) => (v instanceof Placeholder ? p[v.name as keyof Params] : v));
  statements.push(['per-author seeks on the covering index, sort, then join the page (chosen: feedQuery)', (p) => keyed(chosenStatement.all(...chosenParams(p)))]);
  const header = `| plan | ${VIEWERS.map(([, n]) => `follows ${n.toLocaleString('en-US')}`).join(' | ')} |`;
  const lines = [header, `| --- |${VIEWERS.map(() => ' ---: |').join('')}`];
  for (const [name, run] of statements) {
    const cells = VIEWERS.map(([viewerId]) => {
      const times: number[] = [];
      let cursor = { createdAt: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
      run({ viewerId, ...cursor }); // warm the cache
      for (let n = 0; n < 5; n++) {
        const start = performance.now();
        const rows = run({ viewerId, ...cursor });
        times.push(performance.now() - start);
        const last = rows[Math.min(rows.length, 8) - 1];
        if (!last || rows.length < 9) break;
        cursor = { createdAt: last.createdAt, id: last.id };
      }
      times.sort((a, b) => a - b);
      return `${(times[0] ?? 0).toFixed(2)}–${(times.at(-1) ?? 0).toFixed(2)}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  console.log(lines.join('\n'));
  const plan = (text: string, params: unknown[]) => sqlite.prepare(`explain query plan ${text}`).all(...params).map((r) => (r as { detail: string }).detail);
  console.log('\nchosen plan:', plan(chosen.sql, chosen.params.map(() => 1)).join(' | '));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
