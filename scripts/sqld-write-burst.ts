// A burst of concurrent writes at a fresh sqld, as the e2e concurrency test makes: each round,
// `users` users like (or unlike) one post at once, each followed by a read of the count. Prints
// the failed writes per round and whether sqld still answers. Keep it short: it loads 2 cores.
//   tsx scripts/sqld-write-burst.ts [--users=200] [--rounds=5] [--mode=app|plain] [--dir=D]
// app: the app's client (lib/db/client.ts); plain: @libsql/client as it comes (20 at a time).
// --dir keeps sqld's data and log there (RUST_LOG=libsql_server::connection=debug for detail).
import { sql } from 'drizzle-orm';
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import { openRemoteDatabase } from '@/lib/db/client';
import { causeChain } from '@/lib/db/errors';
import { migrateDatabase } from '@/lib/db/migrate';
import * as schema from '@/lib/db/schema';
import { startSqld } from '@/testing/sqld';
import { deleteLikeQuery, insertLikeQuery, likeCountQuery } from '@/lib/posts/statements';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? (process.argv.includes(`--${name}`) ? 'true' : fallback);

const USERS = Number(arg('users', '200'));
const ROUNDS = Number(arg('rounds', '5'));
const MODE = arg('mode', 'app');
const CONCURRENCY = arg('concurrency', '');
const SQLD_DIR = arg('dir', '');

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'TIMEOUT'> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<'TIMEOUT'>((resolve) => (timer = setTimeout(() => resolve('TIMEOUT'), ms)));
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const server = await startSqld({ idleShutdownSeconds: 120, ...(SQLD_DIR ? { dir: SQLD_DIR } : {}) });
  console.log(`sqld pid ${server.pid} ${server.url} mode=${MODE} concurrency=${CONCURRENCY || 'default'}`);
  // app: the app's own client (openRemoteDatabase); plain: @libsql/client as it comes.
  const db =
    MODE === 'plain'
      ? drizzle({ client: createClient({ url: server.url, ...(CONCURRENCY ? { concurrency: Number(CONCURRENCY) } : {}) }), schema })
      : openRemoteDatabase(server.url);
  const connection = { driver: 'libsql' as const, db, name: server.url, close: () => db.$client.close() };
  await migrateDatabase(connection);
  await db.run(sql`insert into users (username, email, password_hash, created_at) values ('author', 'a@x', 'x', 0)`);
  await db.run(sql`insert into posts (author_id, image, caption, created_at) values (1, '/x.svg', 'c', 0)`);
  const values = Array.from({ length: USERS }, (_, i) => `('u${i}', 'u${i}@x', 'x', 0)`).join(',');
  await db.run(sql.raw(`insert into users (username, email, password_hash, created_at) values ${values}`));
  const ins = insertLikeQuery(db).prepare();
  const del = deleteLikeQuery(db).prepare();
  const cnt = likeCountQuery(db).prepare();

  let totalErrors = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const like = round % 2 === 0;
    const started = Date.now();
    const results = await withTimeout(
      Promise.allSettled(
        Array.from({ length: USERS }, async (_, i) => {
          const userId = i + 2;
          await (like ? ins.execute({ userId, postId: 1, now: Date.now() }) : del.execute({ userId, postId: 1 }));
          await cnt.execute({ postId: 1 });
        }),
      ),
      20_000,
    );
    if (results === 'TIMEOUT') {
      console.log(`round ${round}: TIMEOUT after 20 s (sqld not answering?)`);
      totalErrors += USERS;
      break;
    }
    const errors = results.filter((r) => r.status === 'rejected');
    totalErrors += errors.length;
    const kinds = new Map<string, number>();
    for (const e of errors) {
      const err: unknown = causeChain(e.reason).at(-1) ?? e.reason;
      const key = err instanceof Error ? `${(err as { code?: string }).code ?? ''} ${err.message.slice(0, 80)}` : String(err);
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
    const [row] = await db.all<{ n: number; c: number }>(sql`select (select count(*) from likes) as n, (select like_count from posts where id = 1) as c`);
    console.log(`round ${round} ${like ? 'like' : 'unlike'}: ${errors.length} errors in ${Date.now() - started} ms; rows=${row?.n} count=${row?.c}`, [...kinds]);
  }
  const ping = await withTimeout(db.all(sql`select 1`), 10_000);
  console.log(`TOTAL errors=${totalErrors} final read: ${ping === 'TIMEOUT' ? 'TIMEOUT' : 'ok'}`);
  db.$client.close();
  await server.stop();
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
