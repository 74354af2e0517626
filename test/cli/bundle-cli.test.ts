/**
 * The built CLI: bin/marketdash.js runs the one-file bundle of scripts/bundle-cli.mjs (with its V8 code
 * cache) when it is current. The bundle must behave as the modules of dist/cli/ it is made from: same
 * stdout, stderr and exit code for a read command, a whole-universe JSON table, a usage error and a data
 * error; its code cache must be the one made for it (V8 accepts it); and a package that ships an ES build
 * must give the bundle the `default` export Node's own `import` gives the modules (yahoo-finance2's client).
 * Needs `npm run build` (as the doc examples do).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuildIsCurrent } from '../docs/doc-stores.js';
import { tempFolder } from '../support/temp-folder.js';

const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'dist', 'cli-bundle', 'marketdash.cjs');
const { dir } = tempFolder('marketdash-bundle-cli-');
const db = join(dir, 'demo.duckdb');

function run(entry: string, args: string[]) {
  const r = spawnSync(process.execPath, [entry, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MARKETDASH_CONFIG: '', MARKETDASH_KEEP_RESULTS: 'off', NO_COLOR: '1' },
    maxBuffer: 1 << 26,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundled CLI', () => {
  beforeAll(() => {
    assertBuildIsCurrent();
    // bin/marketdash.js takes the bundle only when it is not older than dist/cli/
    expect(statSync(bundle).mtimeMs).toBeGreaterThanOrEqual(statSync(join(root, 'dist', 'cli', 'main.js')).mtimeMs);
    const made = run(join(root, 'bin', 'marketdash.js'), ['demo', '--end', '2025-12-11']);
    expect(made.code).toBe(0);
  }, 120_000);

  it('answers as the modules it is made from', () => {
    for (const args of [
      ['perf', 'SPY', 'QQQ', '--as-of', '2025-06-30'],
      ['perf', '--all', '--format', 'json'],
      ['symbols'],
      ['perf', 'NOPE'],
      ['perf', '--bogus'],
    ]) {
      const bundled = run(join(root, 'bin', 'marketdash.js'), args);
      const modules = run(join(root, 'dist', 'cli', 'main.js'), args);
      expect(bundled, args.join(' ')).toEqual(modules);
    }
    expect(run(join(root, 'bin', 'marketdash.js'), ['perf', 'NOPE']).code).toBe(1);
  }, 120_000);

  it('has a code cache made for this bundle, which V8 accepts', () => {
    const source = readFileSync(bundle, 'utf8');
    const id = source.slice(0, source.indexOf('\n'));
    expect(id).toMatch(/^\/\/ marketdash CLI bundle [0-9a-f-]{36}$/);
    const cache = readFileSync(`${bundle}.cache`);
    expect(cache.subarray(0, id.length).toString()).toBe(id);
    const script = new Script(Module.wrap(source), { filename: bundle, cachedData: cache.subarray(id.length) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it("gives a package with an ES build the default export of Node's import", async () => {
    const source = readFileSync(bundle, 'utf8');
    const viaEsmBuild = [...source.matchAll(/^\/\/ esm-build:(\S+)$/gm)].map((m) => m[1]!);
    expect(viaEsmBuild).toContain('yahoo-finance2');
    const require = createRequire(join(root, 'package.json'));
    for (const name of viaEsmBuild) {
      const cjs = require(name) as { __esModule?: boolean; default?: unknown };
      const bundled = cjs.__esModule ? cjs.default : cjs;
      const imported = ((await import(name)) as { default?: unknown }).default;
      // no default export in its ES build (commander): no module of ours can import one
      if (imported === undefined) continue;
      expect(typeof bundled, name).toBe(typeof imported);
      if (typeof imported === 'function') expect((bundled as () => void).name, name).toBe(imported.name);
    }
  });
});
