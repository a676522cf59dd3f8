// Loaded before every unit test file (vitest.config.mts).
import { vi } from 'vitest';

vi.mock('next/headers', () => import('./next-request'));

// A fixed secret, so nothing writes the development secret into .data/ during tests.
process.env.AUTH_SECRET ??= 'a-unit-test-secret-that-is-at-least-32-bytes';
