/**
 * The dashboard's sources are compiled by Vite, which does not type-check, and sit outside the
 * root tsconfig (they use browser types). This runs their own type-check and lint in the suite.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './browser-session.js';

test('web/ type-checks with its own tsconfig (strict, DOM types)', () => {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'web/tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('web/src passes the linter', () => {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/biome'), ['check', 'web/src'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
});
