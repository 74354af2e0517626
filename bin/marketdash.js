#!/usr/bin/env node
// The installed entry point: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
// That is the one-file bundle of scripts/bundle-cli.mjs, compiled with the V8 code cache made beside it (some
// 30 ms less start-up than loading 60-odd ES modules), unless there is no bundle, it is older than dist/cli/
// (only `tsc` was run since the last build), or this Node cannot require() an ES module package (before
// 20.19): then the modules of dist/cli/.
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/cli-bundle/marketdash.cjs', import.meta.url));
const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
if (
  process.features.require_module === true &&
  mtime(bundle) >= mtime(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)))
)
  runBundle(bundle);
else await import('../dist/cli/main.js');

/** Runs the bundle as Node runs a CommonJS module, with the code cache when it was made for this bundle. */
function runBundle(file) {
  const source = readFileSync(file, 'utf8');
  const id = source.slice(0, source.indexOf('\n')); // the build's id line
  let cachedData;
  try {
    const cache = readFileSync(`${file}.cache`);
    if (id.length > 0 && cache.subarray(0, id.length).toString() === id) cachedData = cache.subarray(id.length);
  } catch {
    // no cache: compiled from the source alone
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}
