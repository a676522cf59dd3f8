// Runs a command with a real SMTP server on loopback (testing/smtp-server.ts) and SMTP_URL
// pointing at it: every production server the tests start must send real mail. The folder is
// emptied first; each accepted message becomes one JSON file in it, which the tests read.
// Usage: tsx scripts/with-smtp-server.ts <smtp port> <mail folder> '<shell command>'
//
// Playwright ends the whole process group at the end of a run; stopping here covers the rest.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startSmtpServer } from '@/testing/smtp-server';

async function main() {
  const [port, directory, command] = process.argv.slice(2);
  if (!port || !directory || !command) throw new Error("usage: with-smtp-server.ts <smtp port> <mail folder> '<command>'");
  rmSync(directory, { recursive: true, force: true });
  const smtp = await startSmtpServer({ port: Number(port), directory });
  console.log(`SMTP server on ${smtp.url}, messages in ${directory}`);
  const child = spawn('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, SMTP_URL: smtp.url } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  await smtp.stop();
  process.exit(code);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
