// What reads the environment: getMediaStore and mediaUrl (getConfig() is read once per module
// instance, so each case imports a fresh one).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newMediaKey } from './keys';

async function withEnv(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return import('./storage');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('mediaUrl', () => {
  const key = newMediaKey('webp');

  it('is the app\'s /media/<key> without MEDIA_PUBLIC_URL', async () => {
    const { mediaUrl } = await withEnv({ STORAGE_URL: undefined, MEDIA_PUBLIC_URL: undefined });
    expect(mediaUrl(key)).toBe(`/media/${key}`);
  });

  it('is under MEDIA_PUBLIC_URL when set', async () => {
    const { mediaUrl } = await withEnv({ STORAGE_URL: 's3://media/uploads', MEDIA_PUBLIC_URL: 'https://pub-1.r2.dev/uploads/' });
    expect(mediaUrl(key)).toBe(`https://pub-1.r2.dev/uploads/${key}`);
  });

  it('refuses a non-key rather than build a URL from it', async () => {
    const { mediaUrl } = await withEnv({ MEDIA_PUBLIC_URL: undefined });
    for (const value of ['../x.webp', '//evil.example/x.webp', 'x.svg']) expect(() => mediaUrl(value)).toThrow(/not a media key/i);
  });
});

describe('getMediaStore', () => {
  it('is the store STORAGE_URL names, the same one every time', async () => {
    const { getMediaStore } = await withEnv({ STORAGE_URL: 's3://media', S3_ENDPOINT: 'http://127.0.0.1:9' });
    expect(getMediaStore().driver).toBe('s3');
    expect(getMediaStore()).toBe(getMediaStore());
    const file = await withEnv({ STORAGE_URL: 'file:/nonexistent/media' });
    expect(file.getMediaStore().driver).toBe('file');
  });
});
