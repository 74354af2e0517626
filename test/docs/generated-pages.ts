/**
 * The documentation made from the code: docs/cli.md (every command's --help), docs/api.md (the OpenAPI
 * document, with real example answers) and the import-graph region of docs/ARCHITECTURE.md.
 * `npm run docs` writes them (write-generated-docs.ts); `generated-docs.test.ts` fails on a difference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/shared-data.js';
import { renderApiReference } from './api-reference.js';
import { renderCliReference } from './cli-reference.js';
import { withImportGraph } from './import-graph.js';

/** The generated pages: path (from the repository root) and a function giving the content it must have. */
export const GENERATED_DOCS: readonly { readonly path: string; readonly render: () => Promise<string> }[] = [
  { path: 'docs/cli.md', render: async () => `${renderCliReference().trimEnd()}\n` },
  { path: 'docs/api.md', render: renderApiReference },
  {
    path: 'docs/ARCHITECTURE.md',
    render: async () => withImportGraph(readFileSync(join(repoRoot, 'docs/ARCHITECTURE.md'), 'utf8'), repoRoot),
  },
];
