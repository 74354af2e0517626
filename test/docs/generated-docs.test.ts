/**
 * The generated pages are regenerated here and compared with the committed ones: a changed `--help`, a
 * changed route schema or example answer, or a new import between layers fails until `npm run docs` is run
 * and the result committed (generated-pages.ts lists the pages and how each is made).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/shared-data.js';
import { GENERATED_DOCS } from './generated-pages.js';

/** The first line where two texts differ, for the failure message. */
function firstDifference(committed: string, current: string): string {
  const a = committed.split('\n');
  const b = current.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  committed: ${a[i] ?? '(end)'}\n  current:   ${b[i] ?? '(end)'}`;
  }
  return 'none';
}

describe('generated docs are up to date', () => {
  for (const doc of GENERATED_DOCS) {
    test(`${doc.path} is what \`npm run docs\` makes`, async () => {
      const current = await doc.render();
      const committed = readFileSync(join(repoRoot, doc.path), 'utf8');
      const message =
        `${doc.path} is out of date: run \`npm run docs\` and commit it (on a rebase conflict in a generated page, ` +
        `take either side and run \`npm run docs\` again). First difference at ${firstDifference(committed, current)}`;
      expect(committed === current, message).toBe(true);
    });
  }
});
