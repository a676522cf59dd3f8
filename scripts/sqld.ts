// npm run db:sqld — a local libSQL server (sqld, what Turso runs) on http://127.0.0.1:8080
// (SQLD_PORT to change), data kept in .data/sqld, until Ctrl-C. To run Cookiegram against it:
//   DATABASE_URL=http://127.0.0.1:8080 npm run db:migrate
//   DATABASE_URL=http://127.0.0.1:8080 npm run dev
import { join } from 'node:path';
import { startSqld } from '@/testing/sqld';

async function main() {
  const port = Number(process.env.SQLD_PORT ?? 8080);
  const sqld = await startSqld({ port, dir: join(process.cwd(), '.data', 'sqld'), idleShutdownSeconds: 0 });
  console.log(`sqld is listening on ${sqld.url} (data in .data/sqld). Ctrl-C stops it.`);
  console.log(`  DATABASE_URL=${sqld.url} npm run db:migrate`);
  console.log(`  DATABASE_URL=${sqld.url} npm run dev`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void sqld.stop().then(() => process.exit(0)));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
