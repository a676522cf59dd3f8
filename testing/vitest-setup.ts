// Loaded before every unit test file (vitest.config.mts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as NextServer from 'next/server';
import { vi } from 'vitest';

vi.mock('next/headers', () => import('./next-request'));

// A fixed secret, so nothing writes the development secret into .data/ during tests.
process.env.AUTH_SECRET ??= 'a-unit-test-secret-that-is-at-least-32-bytes';

// Stored images (the demo seed's, uploads') go to a throw-away folder, never the dev store.
process.env.STORAGE_URL ??= `file:${mkdtempSync(join(tmpdir(), 'cookiegram-media-'))}`;

// Next's after() needs Next's own request store; in unit tests the task simply runs once the
// current one has finished, as it would once the answer had gone.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (task: Promise<unknown> | (() => unknown)) => {
    setImmediate(() => void Promise.resolve(typeof task === 'function' ? task() : task).catch(() => {}));
  },
}));
