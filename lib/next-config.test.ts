import { join } from 'node:path';
import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
import { UPLOAD_MAX_BYTES } from '@/lib/posts/limits';

describe('next.config.mjs', () => {
  it('lets the proxy buffer more than an upload may be, so a cut body is always over the limit', async () => {
    const { default: config } = (await import(join(process.cwd(), 'next.config.mjs'))) as { default: NextConfig };
    expect(config.experimental?.proxyClientMaxBodySize).toBeGreaterThan(UPLOAD_MAX_BYTES);
  });
});
