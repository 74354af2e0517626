/**
 * Results kept per data version. A command whose output depends on nothing but the stored data and its
 * own arguments (`perf --all --format json`: 0.6-0.8 s of reading and computing at 3,000 symbols x 20
 * years) prints what the first run at the same data version printed, kept in the store itself
 * (`PriceStore.keptResult`). Exact by construction: a kept output is the computation's own text, answered
 * only while the store's data version is the one read before that computation began, and every write
 * bumps the version in its own transaction (a killed or failed write changes neither). The first run
 * after a write computes as before and keeps its output for the next.
 *
 * Kept outputs are keyed by the build too (dist/build-id.json, a digest of the built code written by
 * `npm run build`), so other code never answers with them. Run from source (no build id) nothing is kept
 * unless MARKETDASH_KEEP_RESULTS=on (tests); MARKETDASH_KEEP_RESULTS=off turns it off (every run
 * computes: the bench times both ways).
 */
import { readFileSync } from 'node:fs';
import type { KeptResult, PriceStore } from '../store/price-store.js';
import type { DataWarning } from './data-warnings.js';

/** What a command prints: its output and its warnings. */
export interface CommandOutput {
  readonly body: string;
  readonly warnings: readonly DataWarning[];
}

/** The digest of the built code (dist/build-id.json), or null when running from source. */
function buildId(): string | null {
  try {
    const text = readFileSync(new URL('../build-id.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { id: string }).id;
  } catch {
    return null;
  }
}

/**
 * What kept outputs of this code are keyed by: the build id, or `source` when MARKETDASH_KEEP_RESULTS=on
 * runs from source; null when results are not kept (MARKETDASH_KEEP_RESULTS=off, or from source).
 */
export function keptResultsCode(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.MARKETDASH_KEEP_RESULTS === 'off') return null;
  return buildId() ?? (env.MARKETDASH_KEEP_RESULTS === 'on' ? 'source' : null);
}

/**
 * The output kept under `key` for the store's current data version, else `compute()`'s, which is then
 * kept (when the store can keep results and no write came between). `kept` says which it was. `key`
 * must name everything the output depends on besides the data: the command, its arguments, the code
 * (`keptResultsCode()`).
 */
export async function keptOrComputed(
  store: PriceStore,
  key: string,
  compute: () => Promise<CommandOutput>,
): Promise<CommandOutput & { readonly kept: boolean }> {
  if (store.keptResult === undefined || store.keepResult === undefined) return { ...(await compute()), kept: false };
  const kept = await store.keptResult(key);
  if (kept !== null) return { body: kept.body, warnings: JSON.parse(kept.warnings) as DataWarning[], kept: true };
  // read before computing: a write committed meanwhile bumps it, and the keep below then keeps nothing
  const version = await store.dataVersion();
  const out = await compute();
  const result: KeptResult = { body: out.body, warnings: JSON.stringify(out.warnings) };
  await store.keepResult(key, version, result);
  return { ...out, kept: false };
}
