// The ES-module half of bundle-guard.cjs: notes every file: module resolved outside the bundle.
import { appendFileSync } from 'node:fs';
import { isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.BUNDLE_GUARD_ROOT ?? '';
const log = process.env.BUNDLE_GUARD_LOG ?? '';
const guardDir = fileURLToPath(new URL('.', import.meta.url));

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (resolved.url.startsWith('file:')) {
    const file = fileURLToPath(resolved.url);
    if (isAbsolute(file) && !file.startsWith(root + sep) && !file.startsWith(guardDir)) appendFileSync(log, `import ${file}\n`);
  }
  return resolved;
}
