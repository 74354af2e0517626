/**
 * Rotation and breadth speed: relative rotation of 11 sector-like series against a benchmark over
 * 20 years of daily bars (weekly and daily), and breadth history of a 600-member group over 20 years
 * (both seeded synthetic data, so the figures are reproducible), plus breadth of the real S&P 600
 * members since 2015 when ../shared/data is present. Computation only (the data is in memory):
 * median of 7 runs after a warm-up, wall and CPU time, plus the machine's load average.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { breadthHistory, type MemberCloses } from '../src/analytics/breadth/breadth-history.js';
import { breadthAt } from '../src/analytics/breadth/breadth-snapshot.js';
import { rotationSnapshot } from '../src/analytics/rotation/rotation-snapshot.js';
import { parseIsoDate } from '../src/domain/trading-date.js';
import { loadSp600Members, SP600_MEMBERS_FILE } from '../test/support/sp600-members.js';
import { weekdays } from '../test/support/weekdays.js';
import { mulberry32, normal } from './bench-universe.js';

const YEARS = 20;
const BARS = 252 * YEARS;

/** A seeded geometric random walk (mulberry32 uniforms, Box-Muller normals). */
function randomWalk(n: number, seed: number, vol = 0.015): Float64Array {
  const uniform = mulberry32(seed);
  const out = new Float64Array(n);
  let x = 50 + 100 * uniform();
  for (let i = 0; i < n; i++) {
    x *= Math.exp(0.0003 + vol * normal(uniform));
    out[i] = x;
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * Median wall time of `runs` calls after a warm-up, and the median process CPU time (user + system)
 * of the same calls: on a shared machine the wall time also counts time spent waiting for a core.
 */
function time(label: string, fn: () => unknown, runs = 7): number {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const m = median(wall);
  console.log(
    `${label}: ${m.toFixed(1)} ms wall (median of ${runs}; min ${Math.min(...wall).toFixed(1)} ms), ${median(cpu).toFixed(1)} ms CPU`,
  );
  return m;
}

export async function run(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  const dates = weekdays(BARS, '2006-01-02');
  const bench = randomWalk(BARS, 1, 0.012);
  const sectors = Array.from({ length: 11 }, (_, k) => ({ symbol: `S${k}`, closes: randomWalk(BARS, 100 + k) }));
  const asOf = dates[BARS - 1]!;
  for (const interval of ['weekly', 'daily'] as const) {
    time(`rotation: 11 series x ${YEARS} years (${BARS} daily bars), ${interval}, tail 8`, () =>
      sectors.map((s) =>
        rotationSnapshot({
          symbol: s.symbol,
          dates,
          closes: s.closes,
          benchmarkDates: dates,
          benchmarkCloses: bench,
          asOf,
          tail: 8,
          interval,
        }),
      ),
    );
  }

  const members: MemberCloses[] = Array.from({ length: 600 }, (_, k) => {
    // staggered listings: a third of the members start later, as in a real index
    const start = k % 3 === 0 ? (k * 7) % 2000 : 0;
    return { symbol: `M${k}`, dates: dates.slice(start), closes: randomWalk(BARS - start, 1000 + k, 0.02) };
  });
  const benchSeries = { symbol: 'BENCH', dates, closes: bench };
  const rows = members.reduce((a, m) => a + m.dates.length, 0);
  time(
    `breadth: 600 members x ${YEARS} years (${(rows / 1e6).toFixed(2)} M bars), full daily history + as-of snapshot`,
    () => breadthAt(breadthHistory(members, benchSeries), asOf),
  );

  if (!existsSync(SP600_MEMBERS_FILE)) {
    console.log('real S&P 600 members: skipped (no ../shared/data here)');
    return;
  }
  const real = loadSp600Members();
  const realRows = real.reduce((a, m) => a + m.dates.length, 0);
  time(`breadth: real S&P 600 members since 2015 (${real.length} members, ${(realRows / 1e6).toFixed(2)} M bars)`, () =>
    breadthAt(breadthHistory(real, null), parseIsoDate('2025-12-11')),
  );
}
