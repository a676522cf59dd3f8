// The sweep's batching, against a store in memory; storage.cases.ts runs it on both drivers.
import { describe, expect, it } from 'vitest';
import { newMediaKey } from './keys';
import type { MediaStore } from './storage';
import { SWEEP_BATCH, sweepUnreferencedMedia } from './sweep';

function memoryStore(objects: Map<string, number>, deleteCalls: string[][]): MediaStore {
  return {
    driver: 'file',
    put: () => Promise.reject(new Error('not used')),
    get: () => Promise.reject(new Error('not used')),
    async delete(keys) {
      deleteCalls.push([...keys]);
      for (const key of keys) objects.delete(key);
    },
    async *list() {
      for (const [key, lastModified] of [...objects]) yield { key, lastModified };
    },
  };
}

describe('sweepUnreferencedMedia', () => {
  const now = 1_800_000_000_000;
  const hour = 60 * 60 * 1000;

  it(`asks about at most ${SWEEP_BATCH} keys at a time, and deletes each batch's unreferenced ones`, async () => {
    const objects = new Map<string, number>();
    const old = Array.from({ length: 2 * SWEEP_BATCH + 1 }, () => newMediaKey('webp'));
    for (const key of old) objects.set(key, now - 2 * hour);
    const young = newMediaKey('webp');
    objects.set(young, now - hour / 2);
    const referenced = new Set(old.filter((_, i) => i % 3 === 0));
    const asked: number[] = [];
    const deleteCalls: string[][] = [];

    const result = await sweepUnreferencedMedia(
      memoryStore(objects, deleteCalls),
      async (keys) => {
        asked.push(keys.length);
        return new Set(keys.filter((key) => referenced.has(key)));
      },
      { olderThanMs: hour, now },
    );

    expect(asked).toEqual([SWEEP_BATCH, SWEEP_BATCH, 1]);
    expect(deleteCalls.flat().some((key) => referenced.has(key) || key === young)).toBe(false);
    expect(result).toEqual({ scanned: old.length + 1, removed: old.length - referenced.size });
    expect([...objects.keys()].sort()).toEqual([...referenced, young].sort());
  });

  it('keeps an object exactly at the cutoff, and asks nothing when nothing is old enough', async () => {
    const objects = new Map([[newMediaKey('webp'), now - hour]]);
    let asked = 0;
    const result = await sweepUnreferencedMedia(
      memoryStore(objects, []),
      async () => {
        asked += 1;
        return new Set();
      },
      { olderThanMs: hour, now },
    );
    expect(result).toEqual({ scanned: 1, removed: 0 });
    expect(asked).toBe(0);
  });

  it('refuses a negative or missing age, which would delete fresh uploads', async () => {
    for (const olderThanMs of [-1, Number.NaN]) {
      await expect(sweepUnreferencedMedia(memoryStore(new Map(), []), async () => new Set(), { olderThanMs })).rejects.toThrow(RangeError);
    }
  });
});
