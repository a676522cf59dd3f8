// A burst of concurrent writes at a fresh sqld, as the e2e concurrency test makes: each round,
// `users` users like (or unlike) one post at once, each followed by a read of the count. Used by
// scripts/sqld-write-burst.ts (prints) and lib/db/libsql-writes.libsql.test.ts (asserts).
import { sql } from 'drizzle-orm';
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import { openRemoteDatabase } from '@/lib/db/client';
import { causeChain } from '@/lib/db/errors';
import { migrateDatabase } from '@/lib/db/migrate';
import * as schema from '@/lib/db/schema';
import { deleteLikeQuery, insertLikeQuery, likeCountQuery } from '@/lib/posts/statements';
import { startSqld } from './sqld';

export type BurstOptions = {
  users: number;
  rounds: number;
  /** app: the app's client (lib/db/client.ts); plain: @libsql/client as it comes. */
  mode: 'app' | 'plain';
  concurrency?: number;
  /** Keep sqld's data and log there. */
  dir?: string;
  /** A round that takes longer than this counts as a hang, and the burst stops. */
  roundTimeoutMs?: number;
  log?: (line: string) => void;
};

export type BurstRound = { like: boolean; errors: number; ms: number; rows?: number; count?: number; kinds: [string, number][] };
export type BurstResult = { rounds: BurstRound[]; hung: boolean; answersAfter: boolean };

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'TIMEOUT'> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<'TIMEOUT'>((resolve) => (timer = setTimeout(() => resolve('TIMEOUT'), ms)));
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

export async function sqldWriteBurst({ users, rounds, mode, concurrency, dir, roundTimeoutMs = 20_000, log = () => {} }: BurstOptions): Promise<BurstResult> {
  const server = await startSqld({ idleShutdownSeconds: 120, ...(dir ? { dir } : {}) });
  log(`sqld pid ${server.pid} ${server.url} mode=${mode} concurrency=${concurrency ?? 'default'}`);
  const db =
    mode === 'plain'
      ? drizzle({ client: createClient({ url: server.url, ...(concurrency ? { concurrency } : {}) }), schema })
      : openRemoteDatabase(server.url);
  try {
    await migrateDatabase({ driver: 'libsql' as const, db, name: server.url, close: () => db.$client.close() });
    await db.run(sql`insert into users (username, email, password_hash, created_at) values ('author', 'a@x', 'x', 0)`);
    await db.run(sql`insert into posts (author_id, image_key, medium_key, thumbnail_key, width, height, caption, created_at) values (1, 'i', 'm', 't', 1, 1, 'c', 0)`);
    const values = Array.from({ length: users }, (_, i) => `('u${i}', 'u${i}@x', 'x', 0)`).join(',');
    await db.run(sql.raw(`insert into users (username, email, password_hash, created_at) values ${values}`));
    const ins = insertLikeQuery(db).prepare();
    const del = deleteLikeQuery(db).prepare();
    const cnt = likeCountQuery(db).prepare();

    const done: BurstRound[] = [];
    for (let round = 0; round < rounds; round++) {
      const like = round % 2 === 0;
      const started = Date.now();
      const results = await withTimeout(
        Promise.allSettled(
          Array.from({ length: users }, async (_, i) => {
            const userId = i + 2;
            await (like ? ins.execute({ userId, postId: 1, now: Date.now() }) : del.execute({ userId, postId: 1 }));
            await cnt.execute({ postId: 1 });
          }),
        ),
        roundTimeoutMs,
      );
      if (results === 'TIMEOUT') {
        log(`round ${round}: TIMEOUT after ${roundTimeoutMs} ms (sqld not answering?)`);
        const answersAfter = (await withTimeout(db.all(sql`select 1`), 5_000)) !== 'TIMEOUT';
        return { rounds: done, hung: true, answersAfter };
      }
      const errors = results.filter((r) => r.status === 'rejected');
      const kinds = new Map<string, number>();
      for (const e of errors) {
        const err: unknown = causeChain(e.reason).at(-1) ?? e.reason;
        const key = err instanceof Error ? `${(err as { code?: string }).code ?? ''} ${err.message.slice(0, 80)}` : String(err);
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
      }
      const [row] = await db.all<{ n: number; c: number }>(sql`select (select count(*) from likes) as n, (select like_count from posts where id = 1) as c`);
      const result = { like, errors: errors.length, ms: Date.now() - started, rows: row?.n, count: row?.c, kinds: [...kinds] };
      log(`round ${round} ${like ? 'like' : 'unlike'}: ${result.errors} errors in ${result.ms} ms; rows=${result.rows} count=${result.count} ${JSON.stringify(result.kinds)}`);
      done.push(result);
    }
    const answersAfter = (await withTimeout(db.all(sql`select 1`), 10_000)) !== 'TIMEOUT';
    return { rounds: done, hung: false, answersAfter };
  } finally {
    db.$client.close();
    await server.stop();
  }
}
