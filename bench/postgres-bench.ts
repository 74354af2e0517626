/**
 * PostgreSQL bulk load: a seeded universe of 500 symbols x 12 years (~1.5 million bars) written into a
 * throwaway local server through the store (COPY fast path), then the same bars again (the upsert path
 * an incremental update takes), then one whole-universe read. Prints rows/s for each. Target: >= 300,000 rows/s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PriceSeries, seriesOfLength } from '../src/domain/price-series.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';

const SYMBOLS = 500;
const DAYS = 252 * 12;

function universe(): PriceSeries[] {
  let seed = 42;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const out: PriceSeries[] = [];
  for (let k = 0; k < SYMBOLS; k++) {
    const s = seriesOfLength(`S${k}`, DAYS);
    let p = 50 + 100 * rand();
    let day = 13_000;
    for (let i = 0; i < DAYS; i++) {
      day += i % 5 === 4 ? 3 : 1;
      p *= 1 + (rand() - 0.5) * 0.04;
      s.dates[i] = day;
      s.open[i] = p * 0.995;
      s.high[i] = p * 1.01;
      s.low[i] = p * 0.99;
      s.close[i] = p;
      s.adjClose[i] = p * 0.98;
      s.volume[i] = Math.round(1e6 * rand());
    }
    out.push(s);
  }
  return out;
}

export async function run(): Promise<void> {
  const script = join(import.meta.dirname, '..', 'scripts', 'pg-test-server.sh');
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-pgbench-'));
  const url = execFileSync('bash', [script, 'start', dir, '55433'], { encoding: 'utf8' }).trim();
  try {
    const store = await PostgresStore.open(url);
    const data = universe();
    const rows = SYMBOLS * DAYS;
    const batches = data.map((series) => ({ series, source: 'bench' }));
    let t = performance.now();
    await store.writeBars(batches);
    const fresh = (performance.now() - t) / 1000;
    t = performance.now();
    const again = await store.writeBars(batches);
    const upsert = (performance.now() - t) / 1000;
    t = performance.now();
    const all = await store.readMany('all');
    const read = (performance.now() - t) / 1000;
    // what perf --all reads: every symbol's closes, from the packed close snapshot
    t = performance.now();
    const closes = await store.readMany('all', undefined, { columns: ['close'] });
    const snapshotRead = (performance.now() - t) / 1000;
    console.log(`postgres: ${rows.toLocaleString()} bars, ${SYMBOLS} symbols`);
    console.log(
      `  bulk load (COPY):        ${fresh.toFixed(2)} s  ${Math.round(rows / fresh).toLocaleString()} rows/s`,
    );
    console.log(
      `  re-write (upsert, ${again.rowsChanged} changed): ${upsert.toFixed(2)} s  ${Math.round(rows / upsert).toLocaleString()} rows/s`,
    );
    console.log(
      `  read all in one query:   ${read.toFixed(2)} s  ${Math.round(rows / read).toLocaleString()} rows/s (${all.size} series)`,
    );
    console.log(
      `  closes of every symbol (close snapshot): ${snapshotRead.toFixed(2)} s  ${Math.round(rows / snapshotRead).toLocaleString()} rows/s (${closes.size} series)`,
    );
    console.log(`  (load ${loadavg()[0]!.toFixed(1)})`);
    await store.close();
  } finally {
    execFileSync('bash', [script, 'stop', dir]);
  }
}
