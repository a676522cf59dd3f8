import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainJpeg } from '@/testing/images';
import { processPhotoQueued } from './pipeline';

/** Each libvips thread of this process with its nice value (field 19 of /proc/…/stat, counted after the name). */
function libvipsThreads(): { tid: string; nice: number }[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      if (readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() !== 'libvips worker') return [];
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ tid, nice: Number(fields[16]) }];
    } catch {
      return [];
    }
  });
}

describe.skipIf(process.platform !== 'linux')('image threads', () => {
  it('run at nice +10 once a photo has been processed, as the password threads do', async () => {
    await processPhotoQueued(await plainJpeg(1200, 900));
    const threads = libvipsThreads();
    expect(threads.length).toBeGreaterThan(0);
    expect(threads.filter((t) => t.nice !== 10)).toEqual([]);
  });
});
