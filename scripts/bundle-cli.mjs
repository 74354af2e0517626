// Part of `npm run build`, after tsc: the CLI (dist/cli/cli-main.js and every module it imports, ours only)
// bundled by esbuild into one CommonJS file, dist/cli-bundle/marketdash.cjs, which bin/marketdash.js runs.
// Node 20 loads each ES module through its asynchronous loader (resolve, read, compile, link); the 60-odd
// modules of `marketdash perf SPY` took some 20-25 ms of its start-up (Node 20 has no module compile cache:
// `module.enableCompileCache` is 22.1+). In the bundle a module that is imported lazily (`await import()`:
// each command, the server, PostgreSQL) still runs only when it is first imported, and so do the packages
// it imports, which stay external (`require`d from node_modules when that module runs).
//
// - A module's `import.meta.url` is replaced by the URL of its own file in dist/ (the bundle sits one folder
//   below dist/): files found next to a module (dist/build-id.json, the DuckDB API bundle in dist/vendor/,
//   the perf worker, the web assets) are found as before. dist/ keeps every module: the perf worker thread
//   and runs without the bundle use them.
// - A package that ships an ES module build beside its CommonJS one is imported as Babel/TypeScript do
//   (`default` is the CommonJS `exports.default` when it sets `__esModule`), which is what its ES build
//   exports (yahoo-finance2's default export is its client class); a CommonJS-only package's `default` is its
//   `module.exports`, as Node's own `import` gives it.
// - An ES-module-only package (htmlparser2) is `require`d, which needs Node's require(esm) (20.19+):
//   bin/marketdash.js uses the bundle only when `process.features.require_module` says it is there.
// - V8's code cache of the bundle is written beside it (marketdash.cjs.cache), and bin/marketdash.js
//   compiles the bundle with it: V8 then need not parse the whole megabyte on every command (17 against
//   3.5 ms, measured). The cache starts with the bundle's first line, which names this build (a random id):
//   a cache of another bundle is never used (V8's own check compares only the source's length). V8 refuses
//   a cache made by another V8 version or with other flags, and the bundle is then compiled as usual.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import Module from 'node:module';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'cli-bundle');
const OWN_URL = '__marketdashBundleUrl';

/** Whether the package of bare specifier `spec` ships an ES module build beside its CommonJS one. */
function hasEsmBuild(spec) {
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  const file = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return false;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  return pkg.type === 'module' || pkg.module !== undefined || JSON.stringify(pkg.exports ?? {}).includes('"import"');
}

const plugin = {
  name: 'marketdash-cli-bundle',
  setup(b) {
    // our modules: import.meta.url is the module's own file
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + sep)) return undefined;
      const text = await readFile(args.path, 'utf8');
      const rel = relative(outdir, args.path).split(sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, ${OWN_URL}).href`),
        loader: 'js',
      };
    });
    // packages: external; one with an ES build goes through a re-export outside node's import mode
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.namespace === 'esm-build') return { path: args.path, external: true };
      if (!hasEsmBuild(args.path)) return { path: args.path, external: true };
      return { path: args.path, namespace: 'esm-build' };
    });
    b.onLoad({ filter: /.*/, namespace: 'esm-build' }, (args) => ({
      contents: `export * from ${JSON.stringify(args.path)}; export { default } from ${JSON.stringify(args.path)};`,
      loader: 'js',
    }));
  },
};

const outfile = join(outdir, 'marketdash.cjs');
const id = `// marketdash CLI bundle ${randomUUID()}`;
await rm(outdir, { recursive: true, force: true });
await build({
  stdin: {
    contents: "import { main } from './cli-main.js'; main(process.argv).then((code) => { process.exitCode = code; });",
    resolveDir: join(dist, 'cli'),
    sourcefile: 'marketdash-bundle-entry.js',
    loader: 'js',
  },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile,
  banner: { js: `${id}\nvar ${OWN_URL} = require("node:url").pathToFileURL(__filename);` },
  plugins: [plugin],
  legalComments: 'none',
  logLevel: 'warning',
});

// the code cache, compiled as bin/marketdash.js compiles the bundle (Node's CommonJS wrapper around it)
const source = readFileSync(outfile, 'utf8');
if (!source.startsWith(`${id}\n`)) throw new Error(`bundle-cli: ${outfile} does not start with its id line`);
const cache = new Script(Module.wrap(source), { filename: outfile }).createCachedData();
writeFileSync(`${outfile}.cache`, Buffer.concat([Buffer.from(id), cache]));
