// Image work at a low CPU priority, as the password hashing is (lib/auth/password.ts): on a
// server with few cores, a page waiting for a core goes before a photo being encoded. libvips
// does the work on threads of its own, named "libvips worker"; on Linux each thread has its own
// nice value, so those threads are niced one by one as they appear. Elsewhere this does nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/** As the password threads: +10, below every request's thread (0). */
const IMAGE_NICE = 10;
const reniced = new Set<number>();

/** Lowers the priority of libvips threads not lowered yet; cheap (one small /proc listing), never throws. */
export function lowerImageThreadPriority(): void {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return; // not Linux
  }
  for (const task of tasks) {
    const tid = Number(task);
    if (reniced.has(tid)) continue;
    try {
      if (readFileSync(`/proc/self/task/${task}/comm`, 'utf8').trim() !== 'libvips worker') continue;
      // setpriority(PRIO_PROCESS, tid) sets one thread's nice value on Linux.
      setPriority(tid, IMAGE_NICE);
      reniced.add(tid);
    } catch {
      // the thread ended meanwhile, or we may not lower it: best effort
    }
  }
}
