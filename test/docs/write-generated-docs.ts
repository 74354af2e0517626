/**
 * `npm run docs`: rewrites the generated pages (see generated-pages.ts) and says which changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/shared-data.js';
import { GENERATED_DOCS } from './generated-pages.js';

for (const doc of GENERATED_DOCS) {
  const file = join(repoRoot, doc.path);
  const content = await doc.render();
  let before = '';
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    // a new page
  }
  if (before === content) console.log(`${doc.path}: up to date`);
  else {
    writeFileSync(file, content);
    console.log(`${doc.path}: written`);
  }
}
