/**
 * No slow first command after a write (issue 13): a one-day `marketdash import` of every symbol, then
 * `marketdash perf --all --format json`, each a whole process, against `perf --all` alone. Two writes
 * in a row on a copy of the stored universe (bench-universe.ts; never the cached store itself):
 * - day 1, the weekday after the stored history (2026-01-01 for the default universe: a new year, so
 *   every symbol starts a segment);
 * - day 2, the weekday after that (the same year: every symbol's last segment grows by a day);
 * - a mid-year day: on a copy with the 40 weekdays after the stored history imported first (untimed), the
 *   next weekday (every last segment holds 40 days and grows by one).
 * Each of MARKETDASH_BENCH_RUNS rounds (default 5) starts from a fresh copy and times `perf --all`
 * alone (computed: MARKETDASH_KEEP_RESULTS=off, and kept: a run after one that kept), then import day 1,
 * perf --all, import day 2,
 * perf --all (each perf after a write computes and keeps, as a user's would). Prints min / median of
 * each, the sums, the goal (together <= perf --all alone; the issue's figure is 1.2 s) and how much each
 * write grew the file (goal <= 30%).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIsoDate } from '../src/domain/trading-date.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { benchUniverseStore, DEFAULT_UNIVERSE } from './bench-universe.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.MARKETDASH_BENCH_RUNS ?? 5);
const SYMBOLS = Number((process.env.MARKETDASH_BENCH_UNIVERSES ?? String(DEFAULT_UNIVERSE.symbols)).split(',')[0]);
/** The issue's `perf --all` alone at 3,000 x 20 years. */
const ISSUE_PERF_ALONE = 1.2;

const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
const s = (x: number) => `${x.toFixed(2)} s`;
const min = (xs: readonly number[]) => Math.min(...xs);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall seconds and peak RSS (MB) of a whole process. */
function timed(args: string[], env: NodeJS.ProcessEnv = {}): { seconds: number; peakMb: number } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(ROOT, 'bin', 'marketdash.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`marketdash ${args.join(' ')} failed: ${r.stderr}`);
  return { seconds, peakMb: Number(r.stderr.trim().split('\n').pop()) / 1024 };
}

/** A CSV of every symbol on the weekdays `from` to `to` (counted from 1) after the last stored day. */
function dayCsv(dir: string, tickers: readonly string[], lastDay: number, from: number, name: string, to = from) {
  let day = lastDay;
  const days: string[] = [];
  for (let k = 1; k <= to; k++) {
    day++;
    while (new Date(day * 86_400_000).getUTCDay() % 6 === 0) day++;
    if (k >= from) days.push(formatIsoDate(day));
  }
  const iso = days.at(-1)!;
  const lines = days.flatMap((d, j) =>
    tickers.map((t, i) => {
      const c = 10 + (i % 7) / 4 + (from + j) / 8;
      return `${t},${d},${c},${c + 0.5},${c - 0.5},${c},${c},1000`;
    }),
  );
  const path = join(dir, name);
  writeFileSync(path, `Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n${lines.join('\n')}\n`);
  return { path, iso };
}

export async function run(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('run `npm run build` first (the bench times bin/marketdash.js)');
  const cached = await benchUniverseStore({ ...DEFAULT_UNIVERSE, symbols: SYMBOLS });
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-after-write-bench-'));
  try {
    // the copy every round starts from: opened once (a migration of an older cached store is no write
    // of the bench's), so each round's first command finds the store as the last session left it
    const start = join(dir, 'start.duckdb');
    copyFileSync(cached, start);
    const store = await DuckDbStore.open(start);
    const last = await store.lastDates();
    await store.close();
    const tickers = [...last.keys()].sort();
    const lastDay = Math.max(...[...last.values()].map((d) => Date.parse(d) / 86_400_000));
    const days = [dayCsv(dir, tickers, lastDay, 1, 'day1.csv'), dayCsv(dir, tickers, lastDay, 2, 'day2.csv')];
    // the mid-year start: 40 weekdays imported (and checkpointed) once, untimed
    const midStart = join(dir, 'mid-start.duckdb');
    copyFileSync(start, midStart);
    timed(['--db', midStart, 'import', dayCsv(dir, tickers, lastDay, 1, 'days1-40.csv', 40).path]);
    const midDay = dayCsv(dir, tickers, lastDay, 41, 'day41.csv');
    console.log(
      `\n--- ${tickers.length} symbols stored up to ${formatIsoDate(lastDay)}; day 1 ${days[0]!.iso}, day 2 ${days[1]!.iso}, mid-year day ${midDay.iso} (after 40 more); ${RUNS} rounds; ${load()}`,
    );
    const copy = join(dir, 'store.duckdb');
    const perf = ['--db', copy, 'perf', '--all', '--format', 'json'];
    const alone: number[] = [];
    const aloneKept: number[] = [];
    const writes = [...days, midDay].map(() => ({
      imports: [] as number[],
      perfs: [] as number[],
      sums: [] as number[],
      grown: 0,
      peak: 0,
    }));
    for (let i = 0; i < RUNS; i++) {
      copyFileSync(start, copy);
      rmSync(`${copy}.wal`, { force: true });
      alone.push(timed(perf, { MARKETDASH_KEEP_RESULTS: 'off' }).seconds);
      // the first keeps the output, the second answers it
      timed(perf);
      aloneKept.push(timed(perf).seconds);
      const write = (csv: string, k: number) => {
        const before = statSync(copy).size;
        const imp = timed(['--db', copy, 'import', csv]);
        const after = timed(perf);
        const w = writes[k]!;
        w.imports.push(imp.seconds);
        w.perfs.push(after.seconds);
        w.sums.push(imp.seconds + after.seconds);
        w.grown = Math.max(w.grown, statSync(copy).size / before - 1);
        w.peak = Math.max(w.peak, imp.peakMb, after.peakMb);
      };
      days.forEach(({ path: csv }, k) => {
        write(csv, k);
      });
      copyFileSync(midStart, copy);
      rmSync(`${copy}.wal`, { force: true });
      write(midDay.path, 2);
    }
    console.log(
      `perf --all alone, computed: min ${s(min(alone))}, median ${s(median(alone))}; kept: min ${s(min(aloneKept))}, median ${s(median(aloneKept))}`,
    );
    writes.forEach((w, k) => {
      const goal = Math.max(min(alone), ISSUE_PERF_ALONE);
      console.log(
        `${['day 1', 'day 2', 'mid-year day'][k]}: import min ${s(min(w.imports))}, median ${s(median(w.imports))}; then perf --all min ${s(min(w.perfs))}, median ${s(median(w.perfs))}; together min ${s(min(w.sums))}, median ${s(median(w.sums))} (${(median(w.sums) / median(alone)).toFixed(2)} x perf alone, medians); goal <= ${s(goal)}: ${min(w.sums) <= goal ? 'met' : 'MISSED'} (min), ${median(w.sums) <= goal ? 'met' : 'MISSED'} (median); file grew by at most ${(w.grown * 100).toFixed(1)}% (goal <= 30%); peak ${w.peak.toFixed(0)} MB`,
      );
    });
    console.log(`(${load()} after)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
