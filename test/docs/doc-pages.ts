/** The documentation pages: README.md, CONTRIBUTING.md and every page of docs/ (the doc tests read these). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/shared-data.js';

export function documentationPages(): string[] {
  const pages = ['README.md', 'CONTRIBUTING.md'].filter((p) => existsSync(join(repoRoot, p)));
  for (const name of readdirSync(join(repoRoot, 'docs')).sort()) if (name.endsWith('.md')) pages.push(`docs/${name}`);
  return pages;
}
