/**
 * perf bench: `marketdash perf --all --format json` run as a command on the stored 3,000-symbol x
 * 20-year universe (bench-universe.ts), against the same table computed by pandas from a pickle of the
 * same bars (test/reference/perf_table_pandas.py: load + compute timed inside Python). Prints seconds
 * (best and median of 3), the ratio, peak memory of each, an in-process split (store read vs compute),
 * and whether the two tables agree to 1e-9.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withStore } from '../src/services/open-store.js';
import { perfTable } from '../src/services/perf/perf-table.js';
import { BENCH_DIR, benchUniverseStore, ensureUniverseCsv } from './bench-universe.js';

const ROOT = join(import.meta.dirname, '..');
const PYTHON = '/usr/bin/python3';
const PANDAS_SCRIPT = join(ROOT, 'test', 'reference', 'perf_table_pandas.py');
const RUNS = 3;

function ensurePickle(csv: string): string {
  const pkl = csv.replace(/\.csv$/, '.pkl');
  if (!existsSync(pkl) || statSync(pkl).mtimeMs < statSync(csv).mtimeMs) {
    const r = spawnSync(PYTHON, [PANDAS_SCRIPT, 'pickle', csv, pkl], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`writing the pickle failed: ${r.stderr}`);
  }
  return pkl;
}

/** Runs a command under /usr/bin/time: wall seconds, peak RSS in MB, stdout. */
function timed(cmd: string, args: string[]): { seconds: number; peakMb: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: ROOT });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { seconds, peakMb: kb / 1024, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Largest absolute difference between two perf JSON tables, and how many leaves differ by more than 1e-9. */
function compareTables(ours: unknown[], theirs: unknown[]): { worst: number; mismatches: number } {
  let worst = 0;
  let mismatches = 0;
  const walk = (a: unknown, b: unknown): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      const d = Math.abs(a - b);
      worst = Math.max(worst, d);
      if (d > 1e-9) mismatches++;
    } else if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
      for (const k of Object.keys(a)) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
    } else if (a !== b) mismatches++;
  };
  const bySymbol = new Map((theirs as { symbol: string }[]).map((r) => [r.symbol, r]));
  for (const row of ours as { symbol: string }[]) walk(row, bySymbol.get(row.symbol));
  if (ours.length !== theirs.length) mismatches++;
  return { worst, mismatches };
}

export async function run(): Promise<void> {
  const { path: csv, rows } = await ensureUniverseCsv();
  const db = await benchUniverseStore();
  const pkl = ensurePickle(csv);
  console.log(`universe: ${rows} bars (3,000 symbols x 20 years), store ${db}, pickle ${pkl}`);

  const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
  const [cmd, ...prefix] = built
    ? [process.execPath, join(ROOT, 'bin', 'marketdash.js')]
    : [process.execPath, '--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
  const args = [...prefix, '--db', db, 'perf', '--all', '--format', 'json'];
  console.log(
    `command: ${built ? 'node bin/marketdash.js' : 'node --import tsx src/cli/main.ts'} --db ${db} perf --all --format json`,
  );
  const ours = Array.from({ length: RUNS }, () => timed(cmd!, args));
  const ourBest = Math.min(...ours.map((r) => r.seconds));
  const ourPeak = Math.max(...ours.map((r) => r.peakMb));

  const pandasOut = join(BENCH_DIR, 'perf-pandas.json');
  const pandas = Array.from({ length: RUNS }, () => {
    const r = timed(PYTHON, [PANDAS_SCRIPT, 'time', pkl, pandasOut]);
    const inner = JSON.parse(r.stdout) as { load: number; compute: number; peakRssMb: number };
    return { seconds: inner.load + inner.compute, load: inner.load, compute: inner.compute, peakMb: r.peakMb };
  });
  const pandasFastest = pandas.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const pandasBest = pandasFastest.seconds;

  // In-process split of our time: one readMany of every series, then the compute.
  const split = await withStore({ db }, async (store) => {
    const t0 = performance.now();
    await store.readMany('all');
    const t1 = performance.now();
    const table = await perfTable(store, { symbols: 'all' });
    const t2 = performance.now();
    return { read: (t1 - t0) / 1000, readAndCompute: (t2 - t1) / 1000, rows: table.rows.length };
  });

  const agreement = compareTables(
    JSON.parse(ours[0]!.stdout) as unknown[],
    JSON.parse(readFileSync(pandasOut, 'utf8')) as unknown[],
  );
  const fmt = (s: number) => `${s.toFixed(2)} s`;
  console.log(
    `marketdash perf --all (whole command): best ${fmt(ourBest)}, median ${fmt(median(ours.map((r) => r.seconds)))}, peak RSS ${ourPeak.toFixed(0)} MB`,
  );
  console.log(
    `  in process: store.readMany('all') ${fmt(split.read)}; readMany + compute ${fmt(split.readAndCompute)} for ${split.rows} rows`,
  );
  console.log(
    `pandas from pickle (load + compute): best ${fmt(pandasBest)} (load ${fmt(pandasFastest.load)}, compute ${fmt(pandasFastest.compute)}), median ${fmt(median(pandas.map((r) => r.seconds)))}, peak RSS ${Math.max(...pandas.map((r) => r.peakMb)).toFixed(0)} MB`,
  );
  console.log(
    `ratio marketdash / pandas: ${(ourBest / pandasBest).toFixed(2)} (goal < 1); goal < 1 s: ${ourBest < 1 ? 'met' : 'not met'}; goal < 1 GB: ${ourPeak < 1024 ? 'met' : 'not met'}`,
  );
  console.log(
    `tables agree: ${agreement.mismatches === 0 ? 'yes' : `NO (${agreement.mismatches} values differ)`}, largest difference ${agreement.worst.toExponential(2)}`,
  );
}
