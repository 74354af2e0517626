/**
 * `@duckdb/node-api`, loaded with `require`. It is about 120 CommonJS files: an ESM `import` of it
 * makes Node scan each file for its named exports (cjs-module-lexer) before running it, which cost
 * about 0.1 s of CPU on every command (0.25 s against 0.14 s through `require`, measured with
 * `/usr/bin/time node -e ...`). The types still come from the package's own declarations.
 */
import { createRequire } from 'node:module';
import type * as DuckDbApi from '@duckdb/node-api';

export const duckdbApi: typeof DuckDbApi = createRequire(import.meta.url)('@duckdb/node-api');
