/**
 * The benchmark universe: 3,000 synthetic symbols x 20 years of weekday bars (about 15.6 million rows),
 * generated from a fixed seed as one long-layout CSV
 * (`Symbol,Date,Open,High,Low,Close,Adj Close,Volume`), cached under /tmp/marketdash-bench/.
 * `benchUniverseStore()` returns a DuckDB file with it imported through the import service, for the
 * other benchmarks (perf table, indicators, rotation, API) to reuse.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { daysFromCivil, formatIsoDate, weekday } from '../src/domain/trading-date.js';

export const BENCH_DIR = process.env.MARKETDASH_BENCH_DIR ?? '/tmp/marketdash-bench';

export interface UniverseSpec {
  readonly symbols: number;
  readonly firstYear: number;
  readonly years: number;
  readonly seed: number;
}

export const DEFAULT_UNIVERSE: UniverseSpec = { symbols: 3000, firstYear: 2006, years: 20, seed: 42 };

/** Mulberry32: a small, fast, seeded PRNG in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller) from a uniform source. */
export function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export function universeTicker(i: number): string {
  return `B${String(i).padStart(4, '0')}`;
}

/** The weekdays of the universe's years, as day numbers. */
export function universeDays(spec: UniverseSpec = DEFAULT_UNIVERSE): Int32Array {
  const start = daysFromCivil(spec.firstYear, 1, 1);
  const end = daysFromCivil(spec.firstYear + spec.years, 1, 1);
  const out: number[] = [];
  for (let d = start; d < end; d++) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) out.push(d);
  }
  return Int32Array.from(out);
}

export function universeCsvPath(spec: UniverseSpec = DEFAULT_UNIVERSE): string {
  return join(BENCH_DIR, `universe-${spec.symbols}x${spec.years}y-seed${spec.seed}.csv`);
}

/**
 * Writes the universe CSV unless it is already cached; returns its path and row count.
 * Prices follow a geometric random walk per symbol (daily volatility 1-3%); one symbol in ten lists
 * later than the first day, so histories differ in length. Adj Close folds in a 1.5% yearly yield.
 */
export async function ensureUniverseCsv(
  spec: UniverseSpec = DEFAULT_UNIVERSE,
): Promise<{ path: string; rows: number }> {
  const path = universeCsvPath(spec);
  const days = universeDays(spec);
  const isoDays = Array.from(days, (d) => formatIsoDate(d));
  const rand = mulberry32(spec.seed);
  const plan = Array.from({ length: spec.symbols }, () => {
    const late = rand() < 0.1;
    return {
      start: late ? Math.floor(rand() * days.length * 0.8) : 0,
      vol: 0.01 + rand() * 0.02,
      price: 10 + rand() * 190,
    };
  });
  const rows = plan.reduce((sum, p) => sum + days.length - p.start, 0);
  if (existsSync(path) && statSync(path).size > 0) return { path, rows };
  mkdirSync(BENCH_DIR, { recursive: true });
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 22 });
  out.write('Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n');
  for (let s = 0; s < spec.symbols; s++) {
    const p = plan[s]!;
    const ticker = universeTicker(s);
    let close = p.price;
    const n = days.length - p.start;
    const parts: string[] = [];
    for (let i = p.start; i < days.length; i++) {
      const open = close * (1 + normal(rand) * p.vol * 0.3);
      close = Math.max(0.5, close * Math.exp(normal(rand) * p.vol + 0.0002));
      const high = Math.max(open, close) * (1 + rand() * p.vol);
      const low = Math.min(open, close) * (1 - rand() * p.vol);
      const adj = close / (1 + 0.015) ** ((days.length - 1 - i) / 252);
      const volume = Math.floor(1e5 + rand() * 5e6);
      parts.push(
        `${ticker},${isoDays[i]},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${close.toFixed(4)},${adj.toFixed(4)},${volume}\n`,
      );
    }
    if (parts.length !== n) throw new Error('universe generator: row count mismatch');
    if (!out.write(parts.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
  return { path, rows };
}

export function universeStorePath(spec: UniverseSpec = DEFAULT_UNIVERSE): string {
  return universeCsvPath(spec).replace(/\.csv$/, '.duckdb');
}

/**
 * A DuckDB store file holding the whole universe, imported through the import service (as
 * `marketdash import` does). Built once and cached; a half-built file (no `.done` marker) is rebuilt.
 * Open it read-write with `DuckDbStore.open(path)`; benchmarks must not change it.
 */
export async function benchUniverseStore(spec: UniverseSpec = DEFAULT_UNIVERSE): Promise<string> {
  const path = universeStorePath(spec);
  const marker = `${path}.done`;
  if (existsSync(path) && existsSync(marker)) return path;
  const { path: csv } = await ensureUniverseCsv(spec);
  const { DuckDbStore } = await import('../src/store/duckdb/duckdb-store.js');
  const { importFiles } = await import('../src/services/import/import-service.js');
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  const store = await DuckDbStore.open(path);
  try {
    await importFiles(store, { files: [csv] });
  } finally {
    await store.close();
  }
  writeFileSync(marker, new Date().toISOString());
  return path;
}

/** Run as a script (`npx tsx bench/bench-universe.ts`): writes or finds the cached CSV and store. */
if (process.argv[1]?.endsWith('bench-universe.ts')) {
  const started = performance.now();
  const { path, rows } = await ensureUniverseCsv();
  console.log(`${path}: ${rows} rows`);
  console.log(`${await benchUniverseStore()} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
