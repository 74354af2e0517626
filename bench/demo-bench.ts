/**
 * demo bench: how long the seeded demo market takes to generate (35 symbols x ~3,000 trading days),
 * to write into a fresh DuckDB store with its MAG7 basket (`marketdash demo`), and how long an
 * `update` of the whole universe takes against the demo provider (no network), incremental re-run
 * included. Best and median of 3 runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../src/config/universe-config.js';
import { parseIsoDate } from '../src/domain/trading-date.js';
import { createDefaultRegistry } from '../src/providers/default-providers.js';
import { generateDemoMarket } from '../src/providers/demo/demo-market.js';
import { loadDemoMarket } from '../src/services/demo/load-demo-market.js';
import { updateSymbols } from '../src/services/update/update-symbols.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';

const today = parseIsoDate('2026-11-25');
const config = defaultConfig();

function summary(label: string, ms: number[]): void {
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`${label}: best ${sorted[0]!.toFixed(0)} ms, median ${sorted[1]!.toFixed(0)} ms`);
}

export async function run(): Promise<void> {
  const gen: number[] = [];
  const load: number[] = [];
  const upd: number[] = [];
  const again: number[] = [];
  let bars = 0;
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const m = generateDemoMarket({ seed: 42 + r, today, symbolNames: config.symbols });
    gen.push(performance.now() - t);
    bars = [...m.series.values()].reduce((a, s) => a + s.dates.length, 0);
    const dir = mkdtempSync(join(tmpdir(), 'md-demo-bench-'));
    const store = await DuckDbStore.open(join(dir, 'demo.duckdb'));
    t = performance.now();
    await loadDemoMarket(store, { seed: 42 + r, today });
    load.push(performance.now() - t);
    await store.close();
    const fresh = await DuckDbStore.open(join(dir, 'update.duckdb'));
    const registry = createDefaultRegistry({ order: ['demo'], rates: ['demo'], disabled: [] }, { env: {} });
    t = performance.now();
    await updateSymbols(fresh, registry, config, { all: true }, { today });
    upd.push(performance.now() - t);
    t = performance.now();
    await updateSymbols(fresh, registry, config, { all: true }, { today });
    again.push(performance.now() - t);
    await fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`demo market: ${Object.keys(config.symbols).length - 1} symbols, ${bars} bars`);
  summary('generate (in memory)', gen);
  summary('marketdash demo (generate + write to DuckDB file + MAG7 basket)', load);
  summary('update --all from the demo provider into a fresh DuckDB file', upd);
  summary('update --all again (incremental, nothing new)', again);
}
