/**
 * `npm ci --omit=dev` must succeed: the `prepare` script builds only when TypeScript and Vite are
 * installed. Here it runs where they cannot be resolved (a temp directory with no node_modules) and
 * must skip the build with exit 0. (Checked by hand too: `npm ci --omit=dev` on package.json and the
 * lockfile installs 223 packages and prints the skip line; before, prepare failed on a missing tsc.)
 * With the dev tools, a dist/ built after every source file is kept (the first `npx marketdash` in the
 * repository runs prepare, and rebuilt dist/ for 40 s under a running `npm start`); a newer source builds.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repoRoot } from '../support/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-prepare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('package.json runs scripts/prepare.mjs as prepare, and it skips the build without the dev tools', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.prepare).toBe('node scripts/prepare.mjs');
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(repoRoot, 'scripts', 'prepare.mjs'), join(dir, 'scripts', 'prepare.mjs'));
  writeFileSync(join(dir, 'package.json'), '{"name":"x","type":"module"}');
  const run = spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: dir, encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('build skipped');
});

test('with the dev tools, prepare keeps a dist/ newer than every source and builds when a source is newer', () => {
  const repo = mkdtempSync(join(tmpdir(), 'marketdash-prepare-tools-'));
  try {
    mkdirSync(join(repo, 'scripts'));
    copyFileSync(join(repoRoot, 'scripts', 'prepare.mjs'), join(repo, 'scripts', 'prepare.mjs'));
    // stand-ins for TypeScript and Vite (prepare only resolves them), and a build that says it ran
    for (const tool of ['typescript', 'vite']) {
      mkdirSync(join(repo, 'node_modules', tool), { recursive: true });
      writeFileSync(join(repo, 'node_modules', tool, 'package.json'), `{"name":"${tool}","version":"0.0.0"}`);
    }
    writeFileSync(
      join(repo, 'package.json'),
      '{"name":"x","type":"module","scripts":{"build":"node -e \\"console.log(\'BUILT\')\\""}}',
    );
    mkdirSync(join(repo, 'src'));
    mkdirSync(join(repo, 'dist'));
    const source = join(repo, 'src', 'a.ts');
    const stamp = join(repo, 'dist', 'build-id.json');
    writeFileSync(source, 'export const a = 1;\n');
    writeFileSync(stamp, '{"id":"x"}\n');
    const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
    for (const f of [source, join(repo, 'package.json'), join(repo, 'scripts', 'prepare.mjs')]) at(f, 1_000_000);
    at(stamp, 2_000_000);
    const prepare = () => spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: repo, encoding: 'utf8' });
    const kept = prepare();
    expect([kept.status, kept.stdout]).toEqual([
      0,
      'marketdash: dist/ is up to date with the sources: build skipped (npm run build builds anyway)\n',
    ]);
    at(source, 3_000_000);
    const rebuilt = prepare();
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('BUILT');
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
