// Reading what `vercel build` wrote to .vercel/output (the Build Output API, version 3): its
// functions, what each bundles and weighs, and copies of them in a folder of their own.
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export type VcConfig = {
  runtime?: string;
  handler: string;
  launcherType?: string;
  useWebApi?: boolean;
  environment?: Record<string, string>;
  /** Files of the function that `vercel build` left in the project: path in the function → path in the project. */
  filePathMap?: Record<string, string>;
  [key: string]: unknown;
};

export type OutputFunction = {
  /** The path it answers, as Vercel names it: "/feed", "/p/[id]", "/_middleware", "/index". */
  name: string;
  /** Its folder in .vercel/output/functions (symlinks resolved). */
  dir: string;
  config: VcConfig;
};

/** Every .func folder under `functionsDir`, by name; aliases (symlinks to another) share one dir. */
export function listFunctions(functionsDir: string): OutputFunction[] {
  const found: OutputFunction[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (entry.endsWith('.func')) {
        const real = realpathSync(path);
        const config = JSON.parse(readFileSync(join(real, '.vc-config.json'), 'utf8')) as VcConfig;
        const name = `/${relative(functionsDir, path).split(sep).join('/').replace(/\.func$/, '')}`;
        found.push({ name, dir: real, config });
      } else if (statSync(path).isDirectory()) {
        walk(path);
      }
    }
  };
  walk(functionsDir);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Bytes and files under `dir` (a link counts as itself, not as what it points to). */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else {
      bytes += stat.size;
      files += 1;
    }
  };
  walk(dir);
  return { bytes, files };
}

/** The packages a function ships (every node_modules folder in it), with their sizes, largest first. */
export function bundledPackages(dir: string): { name: string; bytes: number }[] {
  const packages = new Map<string, number>();
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const child = join(path, entry);
      if (!lstatSync(child).isDirectory()) continue;
      if (entry === 'node_modules') {
        for (const pkg of readdirSync(child)) {
          const names = pkg.startsWith('@') ? readdirSync(join(child, pkg)).map((p) => `${pkg}/${p}`) : [pkg];
          for (const name of names) {
            if (name.startsWith('.') || lstatSync(join(child, name)).isSymbolicLink()) continue;
            const size = folderSize(join(child, name)).bytes;
            packages.set(name, (packages.get(name) ?? 0) + size);
          }
        }
      } else {
        walk(child);
      }
    }
  };
  walk(dir);
  return [...packages].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * The function as Vercel would upload it, in `target`: its folder (symlinks dereferenced) and the
 * project files its filePathMap names.
 */
export function stageFunction(fn: OutputFunction, projectDir: string, target: string): void {
  cpSync(fn.dir, target, { recursive: true, dereference: true });
  for (const [inFunction, inProject] of Object.entries(fn.config.filePathMap ?? {})) {
    const from = join(projectDir, inProject);
    const to = join(target, inFunction);
    mkdirSync(dirname(to), { recursive: true });
    // Next.js links its aliases of external packages (.next/node_modules/sharp-<hash>) to the real one; the link ships as a link.
    if (lstatSync(from).isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else cpSync(from, to);
  }
}

/** The first node_modules folder in `dir` or above it, if any: a function must not find one. */
export function nodeModulesAbove(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules'))) return join(at, 'node_modules');
    if (dirname(at) === at) return undefined;
  }
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
