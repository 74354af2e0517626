/** A store file in a temporary folder for one CLI test file, and the CLI run on it with no config file. */
import { join } from 'node:path';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { readRealCsv } from '../reference/real-csv.js';
import { type CliResult, runCli } from './run-cli.js';
import { realFile } from './shared-data.js';
import { tempFolder } from './temp-folder.js';

export interface CliStore {
  /** The store file (created by the test's own setup); its folder is removed after the file's tests. */
  readonly db: string;
  /** `marketdash --db <db> ...args` with MARKETDASH_CONFIG empty (the built-in universe). */
  cli(...args: string[]): CliResult;
}

/** Call at the top of a test file: `const { db, cli } = cliStore('marketdash-perf-cli-', 'test.duckdb');`. */
export function cliStore(prefix: string, name: string): CliStore {
  const db = join(tempFolder(prefix).dir, name);
  return { db, cli: (...args) => runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: '' } }) };
}

/** Writes the real-data CSVs `files` (paths under ../shared/data/real, read as-is) into the store file `db`. */
export async function writeRealCsvs(db: string, files: readonly string[]): Promise<void> {
  const store = await DuckDbStore.open(db);
  await store.writeBars(files.map((f) => ({ series: readRealCsv(realFile(f)), source: 'csv' })));
  await store.close();
}
