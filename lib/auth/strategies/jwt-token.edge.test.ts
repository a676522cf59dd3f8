// Proves that the token code the proxy runs needs only Web APIs: it is bundled for the browser
// platform (a Node built-in would fail to resolve) and run inside @edge-runtime/vm, a V8
// context with the edge runtime's globals and no `require`, `process` or `Buffer`.
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function bundleTokenModule(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./jwt-token.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'tokenModule',
    platform: 'browser',
    conditions: ['edge-light', 'worker', 'browser'],
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

describe('token module on the edge runtime', () => {
  it('signs and verifies inside an edge VM with no Node APIs', async () => {
    const vm = new EdgeVM();
    expect(vm.evaluate('typeof require + " " + typeof process + " " + typeof Buffer')).toBe(
      'undefined undefined undefined',
    );
    vm.evaluate(await bundleTokenModule());
    const result = await vm.evaluate<Promise<{ verified: unknown; forged: unknown }>>(`
      (async () => {
        const key = await tokenModule.importKeyring(['an-edge-secret-that-is-32-bytes-long!!'], { audience: 'https://edge.test' });
        const token = await tokenModule.signToken({ id: 7, username: 'edge', tokenEpoch: 0 }, key);
        const verified = await tokenModule.verifyToken(token, key);
        const forged = await tokenModule.verifyToken(token.slice(0, -2) + 'xx', key);
        return { verified, forged };
      })()
    `);
    expect(result.verified).toMatchObject({ userId: 7, username: 'edge' });
    expect(result.forged).toBeNull();
  });
});
