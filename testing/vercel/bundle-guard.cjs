// Preloaded (node --require) into every function the Vercel check runs, workers included: notes
// each module, native addon or project file the function loads from outside its own folder. On
// Vercel only the function's folder exists, so such a load works here and fails there.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');

const root = process.env.BUNDLE_GUARD_ROOT;
const project = process.env.BUNDLE_GUARD_PROJECT;
const log = process.env.BUNDLE_GUARD_LOG;
if (!root || !project || !log) throw new Error('bundle-guard: BUNDLE_GUARD_ROOT, BUNDLE_GUARD_PROJECT and BUNDLE_GUARD_LOG must be set');

const own = new Set([__filename, path.join(__dirname, 'bundle-guard-hooks.mjs'), path.join(__dirname, 'function-host.cjs')]);
const inside = (file) => file === root || file.startsWith(root + path.sep) || own.has(file);
const seen = new Set();

/** Modules and addons must come from the bundle; a plain read only matters in the project's tree. */
function note(kind, file) {
  if (typeof file !== 'string' || !path.isAbsolute(file) || inside(file)) return;
  if (kind === 'read' && !file.startsWith(project + path.sep)) return;
  const line = `${kind} ${file}`;
  if (seen.has(line)) return;
  seen.add(line);
  fs.appendFileSync(log, `${line}\n`);
}

const pathOf = (p) => (p instanceof URL ? fileURLToPath(p) : typeof p === 'string' ? path.resolve(p) : undefined);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  note('require', file);
  return file;
};

const dlopen = process.dlopen;
process.dlopen = function (module, filename, ...rest) {
  note('dlopen', filename);
  return dlopen.call(this, module, filename, ...rest);
};

for (const [target, names] of [
  [fs, ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream']],
  [fs.promises, ['readFile', 'open']],
]) {
  for (const name of names) {
    const original = target[name];
    target[name] = function (p, ...rest) {
      note('read', pathOf(p));
      return original.call(this, p, ...rest);
    };
  }
}

// ES modules (the password worker, and anything it imports) resolve through a loader hook.
Module.register?.(pathToFileURL(path.join(__dirname, 'bundle-guard-hooks.mjs')));
