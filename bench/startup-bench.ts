/**
 * startup bench: `marketdash perf SPY` on the demo store against `node -e 0`, each a whole process, in
 * alternating pairs (MARKETDASH_BENCH_RUNS, default 21). Issue 13's goal: within 1.2 x `node -e 0` + 0.1 s,
 * judged from the mins and from the medians of the same runs. The demo store is made once in a temporary
 * folder (`marketdash demo --end 2025-12-11`), so the runs read what a new user's first command reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './perf-bench.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.MARKETDASH_BENCH_RUNS ?? 21);

function wall(args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - started) / 1000;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const s = (x: number) => `${x.toFixed(3)} s`;

export async function run(): Promise<void> {
  const cli = join(ROOT, 'bin', 'marketdash.js');
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('run `npm run build` first (the bench times bin/marketdash.js)');
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-startup-bench-'));
  try {
    const db = join(dir, 'demo.duckdb');
    wall([cli, '--db', db, 'demo', '--end', '2025-12-11']);
    const node: number[] = [];
    const perf: number[] = [];
    const before = load();
    for (let i = 0; i < RUNS; i++) {
      node.push(wall(['-e', '0']));
      perf.push(wall([cli, '--db', db, 'perf', 'SPY']));
    }
    const [n, p] = [sorted(node), sorted(perf)];
    const mid = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
    console.log(`(${before} before the runs, ${load()} after; ${RUNS} pairs)`);
    console.log(`node -e 0: min ${s(n[0]!)}, median ${s(mid(n))}`);
    console.log(`marketdash perf SPY (demo store): min ${s(p[0]!)}, median ${s(mid(p))}`);
    for (const [label, a, b] of [
      ['mins', n[0]!, p[0]!],
      ['medians', mid(n), mid(p)],
    ] as const) {
      const budget = 1.2 * a + 0.1;
      console.log(
        `goal from the ${label}: <= 1.2 x ${s(a)} + 0.1 s = ${s(budget)}: ${b <= budget ? 'met' : 'MISSED'} (${b <= budget ? 'under' : 'over'} by ${s(Math.abs(b - budget))})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
