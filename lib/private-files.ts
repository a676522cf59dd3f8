import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

// What the app keeps on local disk (the dev secret, the embedded database, stored media) is
// readable by this user only: directories it creates are 0700, files 0600.

export function makePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates an empty 0600 file (and its directory) unless it exists; SQLite's -wal and -shm copy its mode. */
export function makePrivateFile(path: string): void {
  if (existsSync(path)) return;
  makePrivateDirectory(dirname(path));
  closeSync(openSync(path, 'a', 0o600));
}
