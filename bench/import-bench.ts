/**
 * Import speed against DuckDB's own CSV loader, on the seeded 300, 1,000 and 3,000-symbol x 20-year universes
 * (bench-universe.ts, 1.5 M, 5 M and 15 M rows). Each step runs in a fresh child process on a fresh database
 * file, so peak memory is per step:
 * - baseline: `CREATE TABLE t AS SELECT * FROM read_csv(file)` (what DuckDB alone does)
 * - floor: the same rows appended to the store's own `bars` table in one transaction, and nothing else
 *   (typed columns, the load's `source` and `load_id`; no date or row rule, no repeat or overlap check,
 *   no snapshot): the least any import into this schema can cost, so `floor / read_csv` is what the
 *   layout alone takes of the 1.3x budget
 * - import: the import service as `marketdash import` runs it (layout, validation, upsert)
 * - re-import: the same file again into the imported store (every row checked, 0 changed)
 * - read: `readMany('all')` of the imported store into typed-array series (what analytics read)
 * Baseline and import alternate three times (the machine is shared, so one run can be unlucky); the
 * ratio is given for the medians and for the best runs. Prints rows/s, the import/baseline time ratio
 * (goal <= 1.3; re-import <= 2; peak <= 1 GB) and peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, DEFAULT_UNIVERSE, ensureUniverseCsv, type UniverseSpec } from './bench-universe.js';

interface StepResult {
  readonly step: string;
  readonly seconds: number;
  readonly rows: number;
  readonly rowsChanged: number | null;
  readonly peakRssMb: number;
}

const STEP_ENV = 'MARKETDASH_IMPORT_BENCH_STEP';
const REPEATS = 3;

/** The universes imported: 300, 1,000 and 3,000 symbols x 20 years (1.5 M, 5 M and 15 M rows). */
const SIZES = (process.env.MARKETDASH_BENCH_UNIVERSES ?? '300,1000,3000').split(',').map(Number);

export async function run(): Promise<void> {
  for (const symbols of SIZES) await importUniverse({ ...DEFAULT_UNIVERSE, symbols });
}

async function importUniverse(spec: UniverseSpec): Promise<void> {
  const { path, rows } = await ensureUniverseCsv(spec);
  const db = join(BENCH_DIR, 'import-bench.duckdb');
  const baselineDb = join(BENCH_DIR, 'import-bench-baseline.duckdb');
  for (const f of [db, baselineDb]) {
    rmSync(f, { force: true });
    rmSync(`${f}.wal`, { force: true });
  }
  console.log(`\n--- file: ${path} (${rows.toLocaleString('en-US')} rows), load ${loadavg()[0]!.toFixed(1)}`);
  const baselines: StepResult[] = [];
  const floors: StepResult[] = [];
  const imports: StepResult[] = [];
  for (let i = 0; i < REPEATS; i++) {
    for (const f of [db, baselineDb]) {
      rmSync(f, { force: true });
      rmSync(`${f}.wal`, { force: true });
    }
    baselines.push(step('baseline', path, baselineDb));
    rmSync(baselineDb, { force: true });
    rmSync(`${baselineDb}.wal`, { force: true });
    floors.push(step('floor', path, baselineDb));
    imports.push(step('import', path, db));
  }
  const again = step('reimport', path, db);
  const read = step('read', path, db);
  for (const r of [...baselines, ...floors, ...imports, again, read]) {
    const changed = r.rowsChanged === null ? '' : `, ${r.rowsChanged.toLocaleString('en-US')} rows changed`;
    console.log(
      `${r.step.padEnd(9)} ${r.seconds.toFixed(2).padStart(7)} s  ${Math.round(r.rows / r.seconds)
        .toLocaleString('en-US')
        .padStart(11)} rows/s  peak RSS ${r.peakRssMb.toFixed(0)} MB${changed}`,
    );
  }
  const median = (xs: StepResult[]) => xs.map((x) => x.seconds).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const best = (xs: StepResult[]) => Math.min(...xs.map((x) => x.seconds));
  console.log(
    `median: read_csv ${median(baselines).toFixed(2)} s, import ${median(imports).toFixed(2)} s (${Math.round(rows / median(imports)).toLocaleString('en-US')} rows/s)`,
  );
  console.log(
    `import / read_csv time ratio: ${(median(imports) / median(baselines)).toFixed(2)} (medians), ${(best(imports) / best(baselines)).toFixed(2)} (best runs); goal <= 1.3`,
  );
  console.log(
    `floor (the rows into the store's bars, no check, no snapshot) / read_csv: ${(median(floors) / median(baselines)).toFixed(2)} (medians), ${(best(floors) / best(baselines)).toFixed(2)} (best runs); import / floor ${(median(imports) / median(floors)).toFixed(2)}`,
  );
  const peak = Math.max(...[...imports, again].map((r) => r.peakRssMb));
  console.log(
    `re-import / read_csv time ratio: ${(again.seconds / median(baselines)).toFixed(2)} (goal <= 2); peak RSS of import and re-import ${peak.toFixed(0)} MB (goal <= 1,000 MB); load ${loadavg()[0]!.toFixed(1)}`,
  );
  for (const f of [db, baselineDb]) {
    rmSync(f, { force: true });
    rmSync(`${f}.wal`, { force: true });
  }
}

/** Runs one step in a child process and reads its JSON line. */
function step(name: string, csv: string, db: string): StepResult {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, csv, db], {
    env: { ...process.env, [STEP_ENV]: name },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`import-bench step ${name} failed: ${child.stderr}`);
  const last = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as StepResult;
}

async function childStep(name: string, csv: string, db: string): Promise<StepResult> {
  // modules load before the clock starts: both sides are timed from opening the database to closing it
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { DuckDbStore } = await import('../src/store/duckdb/duckdb-store.js');
  const { importFiles } = await import('../src/services/import/import-service.js');
  const started = performance.now();
  let rows = 0;
  let rowsChanged: number | null = null;
  if (name === 'baseline') {
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}')`);
    rows = Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRowsJS()[0]![0]);
    connection.closeSync();
    instance.closeSync();
  } else if (name === 'floor') {
    rows = await floorStep(csv, db, started);
  } else if (name === 'read') {
    const store = await DuckDbStore.open(db);
    const all = await store.readMany('all');
    for (const s of all.values()) rows += s.dates.length;
    await store.close();
  } else {
    const store = await DuckDbStore.open(db);
    const report = await importFiles(store, { files: [csv] });
    await store.close();
    rows = report.rowsSeen;
    rowsChanged = report.rowsChanged;
  }
  const seconds = (performance.now() - started - floorSchemaMs) / 1000;
  return { step: name, seconds, rows, rowsChanged, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/**
 * The floor step: the store's schema is made first (untimed: `started` is reset after it), then, like the
 * baseline, from opening the file to closing it, one transaction appends the rows to `bars` with the
 * column types the import gives them (the bench file's header: Symbol, Date, Open, High, Low, Close,
 * Adj Close, Volume). Returns the rows appended.
 */
async function floorStep(csv: string, db: string, started: number): Promise<number> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { DuckDbStore } = await import('../src/store/duckdb/duckdb-store.js');
  await (await DuckDbStore.open(db)).close();
  const schemaTime = performance.now() - started;
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  const types = ['VARCHAR', 'DATE', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE'];
  const columns = types.map((t, i) => `'c${i}': '${t}'`).join(', ');
  await connection.run('SET preserve_insertion_order = false');
  await connection.run('BEGIN');
  await connection.run(
    `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, source, load_id)
     SELECT c0, c1, c2, c3, c4, c5, c6, c7, 'csv', 1
     FROM read_csv('${csv.replace(/'/g, "''")}', header = true, auto_detect = false, delim = ',', quote = '"',
                   escape = '"', new_line = '\\n', columns = {${columns}})`,
  );
  await connection.run('COMMIT');
  const rows = Number((await connection.runAndReadAll('SELECT count(*) FROM bars')).getRowsJS()[0]![0]);
  connection.closeSync();
  instance.closeSync();
  floorSchemaMs = schemaTime;
  return rows;
}

/** The untimed schema step of `floor` (taken off its time). */
let floorSchemaMs = 0;

const stepName = process.env[STEP_ENV];
if (stepName && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [csv, db] = process.argv.slice(2);
  console.log(JSON.stringify(await childStep(stepName, csv!, db!)));
}
