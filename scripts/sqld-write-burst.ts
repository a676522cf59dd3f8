// A burst of concurrent writes at a fresh sqld (testing/sqld-write-burst.ts): prints the failed
// writes per round and whether sqld still answers. Keep it short: it loads 2 cores.
//   tsx scripts/sqld-write-burst.ts [--users=200] [--rounds=5] [--mode=app|plain] [--concurrency=N] [--dir=D]
// app: the app's client (lib/db/client.ts); plain: @libsql/client as it comes (20 at a time).
// --dir keeps sqld's data and log there (RUST_LOG=libsql_server::connection=debug for detail).
import { sqldWriteBurst } from '@/testing/sqld-write-burst';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

async function main() {
  const concurrency = arg('concurrency', '');
  const result = await sqldWriteBurst({
    users: Number(arg('users', '200')),
    rounds: Number(arg('rounds', '5')),
    mode: arg('mode', 'app') === 'plain' ? 'plain' : 'app',
    ...(concurrency ? { concurrency: Number(concurrency) } : {}),
    ...(arg('dir', '') ? { dir: arg('dir', '') } : {}),
    log: console.log,
  });
  const errors = result.rounds.reduce((sum, r) => sum + r.errors, 0);
  console.log(`TOTAL errors=${errors}${result.hung ? ' HUNG' : ''} final read: ${result.answersAfter ? 'ok' : 'TIMEOUT'}`);
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
