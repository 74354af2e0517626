/**
 * Without ../shared/data, `describeWithSharedData` must still offer `.skipIf` / `.runIf` (the reference
 * tests call `describeWithSharedData.skipIf(!hasPandas)`): the fallback once lacked them, so those
 * files crashed with "skipIf is not a function" instead of skipping. Checked in a child process with
 * MARKETDASH_SHARED_DIR pointing at a folder that does not exist.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/shared-data.js';

it('the no-data fallback of describeWithSharedData has skipIf and runIf, each giving a describe-like function', () => {
  const probe = [
    "import('./test/support/shared-data.ts').then((m) => {",
    '  const d = m.describeWithSharedData;',
    '  console.log(JSON.stringify([m.hasSharedData(), typeof d, typeof d.skipIf, typeof d.skipIf(true), typeof d.runIf, typeof d.runIf(false)]));',
    '});',
  ].join('\n');
  const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['-e', probe], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, MARKETDASH_SHARED_DIR: join(repoRoot, 'no-such-shared-dir') },
  });
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual([
    false,
    'function',
    'function',
    'function',
    'function',
    'function',
  ]);
}, 30_000);
