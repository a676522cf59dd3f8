import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StorageConfig } from '@/lib/config';
import { STALE_PARTIAL_MS } from './file-store';
import { newMediaKey } from './keys';
import { PLANTABLE_NON_KEYS, describeMediaStore } from './storage.cases';
import { createMediaStore } from './storage';

const root = mkdtempSync(join(tmpdir(), 'cookiegram-media-'));
let locations = 0;

/** A directory not yet created, alone in a parent of its own (names with ../ land there). */
function freshLocation(): StorageConfig {
  locations += 1;
  return { driver: 'file', directory: join(root, String(locations), 'media'), publicUrl: undefined };
}

function directoryOf(config: StorageConfig): string {
  if (config.driver !== 'file') throw new Error('not a file location');
  return config.directory;
}

describeMediaStore('file', async () => ({
  freshLocation,
  async plant(config, name, bytes) {
    const path = resolve(directoryOf(config), name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  },
  async stop() {
    rmSync(root, { recursive: true, force: true });
  },
}));

describe('the file driver', () => {
  it('creates its directory on the first put, readable by this user only, and leaves no partial files', async () => {
    const config = freshLocation();
    const directory = directoryOf(config);
    const store = createMediaStore(config);
    expect(await store.get(newMediaKey('webp'))).toBeNull();
    expect(() => statSync(directory)).toThrow();

    const keys = [newMediaKey('webp'), newMediaKey('webp')];
    await Promise.all(keys.map((key) => store.put(key, randomBytes(100), 'image/webp')));
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(readdirSync(directory).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(statSync(join(directory, key)).mode & 0o777).toBe(0o600);
  });

  it('never opens what is not a plain file', async () => {
    const config = freshLocation();
    const directory = directoryOf(config);
    const store = createMediaStore(config);
    await store.put(newMediaKey('webp'), randomBytes(10), 'image/webp');
    const directoryNamedLikeAKey = newMediaKey('webp');
    mkdirSync(join(directory, directoryNamedLikeAKey));
    expect(await store.get(directoryNamedLikeAKey)).toBeNull();
  });

  it('removes partial files over an hour old that a dead process left, on its first put only', async () => {
    const config = freshLocation();
    const directory = directoryOf(config);
    mkdirSync(directory, { recursive: true });
    const longAgo = new Date(Date.now() - STALE_PARTIAL_MS - 60_000);
    const aged = async (name: string) => {
      writeFileSync(join(directory, name), 'left by a crash');
      await utimes(join(directory, name), longAgo, longAgo);
      return name;
    };
    const oldPartial = await aged('.0123456789abcdef.partial');
    const youngPartial = '.fedcba9876543210.partial';
    writeFileSync(join(directory, youngPartial), 'a put under way');
    // Old, but no partial: an image, a directory and a file that only looks like one.
    const oldKey = await aged(newMediaKey('webp'));
    const lookalike = await aged('.0123456789abcdef.partial.webp');
    const oldDirectory = '.aaaaaaaaaaaaaaaa.partial';
    mkdirSync(join(directory, oldDirectory));
    await utimes(join(directory, oldDirectory), longAgo, longAgo);

    const store = createMediaStore(config);
    const key = newMediaKey('webp');
    await store.put(key, randomBytes(10), 'image/webp');
    expect(readdirSync(directory).sort()).toEqual([youngPartial, oldDirectory, lookalike, oldKey, key].sort());

    // Once per store: a later put leaves a new old partial to the next store.
    const leftSince = await aged('.1111111111111111.partial');
    await store.put(newMediaKey('webp'), randomBytes(10), 'image/webp');
    expect(readdirSync(directory)).toContain(leftSince);
    await createMediaStore(config).put(newMediaKey('webp'), randomBytes(10), 'image/webp');
    expect(readdirSync(directory)).not.toContain(leftSince);
    expect(readdirSync(directory)).not.toContain(oldPartial);
  });

  it('does not touch files outside its directory that a non-key would name', async () => {
    const config = freshLocation();
    const directory = directoryOf(config);
    const store = createMediaStore(config);
    for (const name of PLANTABLE_NON_KEYS) {
      const path = resolve(directory, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, 'precious');
      await expect(store.delete([name])).rejects.toThrow();
      expect(statSync(path).isFile()).toBe(true);
    }
  });
});
