// For the db:* scripts: opens the database DATABASE_URL names, runs the task, closes it, and
// turns a misconfiguration or an unreachable server into one clear line and exit code 1.
import { ConfigError, getConfig } from '@/lib/config';
import { type Connection, openDatabase } from '@/lib/db/client';
import { describeDatabaseError } from '@/lib/db/errors';

export async function withDatabase(task: (connection: Connection) => Promise<void>): Promise<void> {
  let connection: Connection | undefined;
  try {
    connection = openDatabase(getConfig().database);
    await task(connection);
  } catch (err) {
    const described = connection ? describeDatabaseError(err, connection) : err;
    // A problem the operator can fix is one line; anything else keeps its stack trace.
    console.error(described instanceof ConfigError ? described.message : described);
    process.exitCode = 1;
  } finally {
    connection?.close();
  }
}
