import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StorageConfig } from '@/lib/config';
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
  setLastModified: (config, key, when) => utimes(join(directoryOf(config), key), when, when),
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
    for await (const entry of store.list()) expect.fail(`listed ${entry.key} in a directory that does not exist`);
    expect(() => statSync(directory)).toThrow();

    const keys = [newMediaKey('webp'), newMediaKey('webp')];
    await Promise.all(keys.map((key) => store.put(key, randomBytes(100), 'image/webp')));
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(readdirSync(directory).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(statSync(join(directory, key)).mode & 0o777).toBe(0o600);
  });

  it('never lists or opens what is not a plain file named by a key', async () => {
    const config = freshLocation();
    const directory = directoryOf(config);
    const store = createMediaStore(config);
    const key = newMediaKey('webp');
    await store.put(key, randomBytes(10), 'image/webp');
    const directoryNamedLikeAKey = newMediaKey('webp');
    mkdirSync(join(directory, directoryNamedLikeAKey));
    writeFileSync(join(directory, '.0123456789abcdef.partial'), 'left by a crash');

    const listed = [];
    for await (const entry of store.list()) listed.push(entry.key);
    expect(listed).toEqual([key]);
    expect(await store.get(directoryNamedLikeAKey)).toBeNull();
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
