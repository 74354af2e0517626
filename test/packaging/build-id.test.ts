/**
 * dist/build-id.json (scripts/write-build-id.mjs) names the built code: `serve` and the CLI compare it before
 * a command is forwarded, and kept outputs are keyed by it. The same sources must give the same id, or an
 * identical rebuild (the `prepare` that `npx marketdash` runs in the repository on its first call, seen on a
 * fresh clone while `npm start` served) makes every CLI command refuse the running server as another build.
 * The CLI bundle starts with a random line, so dist/cli-bundle/ is left out of the digest; any other file
 * changes the id. Run on a small dist/ in a temp directory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repoRoot } from '../support/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-build-id-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildId(): string {
  const run = spawnSync(process.execPath, ['scripts/write-build-id.mjs'], { cwd: dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(readFileSync(join(dir, 'dist', 'build-id.json'), 'utf8')) as { id: string }).id;
}

test('the same built files give the same id whatever the CLI bundle holds; another file, another id', () => {
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(repoRoot, 'scripts', 'write-build-id.mjs'), join(dir, 'scripts', 'write-build-id.mjs'));
  mkdirSync(join(dir, 'dist', 'cli', 'commands'), { recursive: true });
  mkdirSync(join(dir, 'dist', 'cli-bundle'));
  writeFileSync(join(dir, 'dist', 'cli', 'commands', 'perf-command.js'), 'export const a = 1;\n');
  writeFileSync(join(dir, 'dist', 'cli-bundle', 'marketdash.cjs'), '// marketdash CLI bundle 1111\n');
  const first = buildId();
  expect(first).toMatch(/^[0-9a-f]{32}$/);
  // a rebuild: the bundle's random first line and its code cache differ, nothing else
  writeFileSync(join(dir, 'dist', 'cli-bundle', 'marketdash.cjs'), '// marketdash CLI bundle 2222\n');
  writeFileSync(join(dir, 'dist', 'cli-bundle', 'marketdash.cjs.cache'), 'v8');
  expect(buildId()).toBe(first);
  writeFileSync(join(dir, 'dist', 'cli', 'commands', 'perf-command.js'), 'export const a = 2;\n');
  expect(buildId()).not.toBe(first);
});
