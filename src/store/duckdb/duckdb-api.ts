/**
 * `@duckdb/node-api`, loaded with `require`. It is about 120 CommonJS files: an ESM `import` of it
 * makes Node scan each file for its named exports (cjs-module-lexer) before running it, which cost
 * about 0.1 s of CPU on every command (0.25 s against 0.14 s through `require`, measured with
 * `/usr/bin/time node -e ...`). `npm run build` also bundles it into one file
 * (scripts/bundle-duckdb-api.mjs, dist/vendor/), another 0.03-0.05 s; that copy is used only when it
 * was made from the installed version, else the package itself. The types come from the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as DuckDbApi from '@duckdb/node-api';

const require = createRequire(import.meta.url);

function load(): typeof DuckDbApi {
  // from dist/store/duckdb/ the bundle is dist/vendor/; from src/ (tests, tsx) there is none
  const bundle = new URL('../../vendor/duckdb-node-api.cjs', import.meta.url);
  const made = new URL('../../vendor/duckdb-node-api.json', import.meta.url);
  if (existsSync(bundle) && existsSync(made)) {
    const installed = (require('@duckdb/node-api/package.json') as { version: string }).version;
    if ((JSON.parse(readFileSync(made, 'utf8')) as { version: string }).version === installed)
      return require(fileURLToPath(bundle));
  }
  return require('@duckdb/node-api');
}

export const duckdbApi: typeof DuckDbApi = load();
