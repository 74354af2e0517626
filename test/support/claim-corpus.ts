/**
 * The labelled claim corpora's format and scoring, shared by the held-out test and the dev corpus test:
 * `parseCorpus` reads the format described in test/fixtures/claims/heldout-sentences.txt (plus `@date YYYY-MM-DD`
 * lines, heldout-sentences-7.txt), `scoreCorpus` extracts and verifies every item as of its note's date (2025-12-11
 * when the file gives none) and counts hits and misses of extraction and verdicts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_TREND_OPTIONS } from '../../src/analytics/trend/trend-options.js';
import { defaultConfig } from '../../src/config/universe-config.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';
import type { Verdict } from '../../src/note/check/claim-verdict.js';
import { verifyClaim } from '../../src/note/check/verify-claim.js';
import type { SeriesFor } from '../../src/note/claim-types/claim-type.js';
import { returnClaimType } from '../../src/note/claim-types/return-claim-type.js';
import type { Claim } from '../../src/note/claims/claim.js';
import { extractClaims, resolverFromConfig } from '../../src/note/claims/extract-claims.js';
import { loadClaimSeries } from '../../src/services/check/claim-series.js';
import { importFiles } from '../../src/services/import/import-service.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { describeWithSharedData, realFile, repoRoot } from './shared-data.js';

export const CORPUS_AS_OF = '2025-12-11';
const VERDICT: Record<string, Verdict | null> = { S: 'supported', C: 'contradicted', U: 'unverifiable', '?': null };

export interface Label {
  readonly metric: string;
  readonly symbol: string | null;
  readonly args: readonly string[];
  readonly verdict: Verdict | null;
}
export interface CorpusItem {
  readonly style: string;
  /** The note's date, from the last `@date YYYY-MM-DD` line before the item (CORPUS_AS_OF when none). */
  readonly date: string;
  readonly context: string;
  readonly text: string;
  readonly labels: readonly Label[];
}

/** Parses the corpus format described in the file's header. */
export function parseCorpus(source: string): CorpusItem[] {
  const items: CorpusItem[] = [];
  let style = '';
  let date = CORPUS_AS_OF;
  for (const block of source.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const context: string[] = [];
    const text: string[] = [];
    const labels: Label[] = [];
    for (const l of lines) {
      if (l.startsWith('@style ')) style = l.slice(7).trim();
      else if (l.startsWith('@date ')) date = l.slice(6).trim();
      else if (l.startsWith('> ')) context.push(l.slice(2));
      else if (l.startsWith('= ')) {
        const parts = l.slice(2).trim().split(/\s+/);
        const verdict = parts.pop()!;
        if (!(verdict in VERDICT)) throw new Error(`bad verdict in: ${l}`);
        const [metric, symbol, ...args] = parts;
        labels.push({ metric: metric!, symbol: symbol === '-' ? null : symbol!, args, verdict: VERDICT[verdict]! });
      } else text.push(l);
    }
    if (text.length > 0) items.push({ style, date, context: context.join('\n'), text: text.join('\n'), labels });
  }
  return items;
}

const pctOf = (s: string | undefined) => Number(s!.replace('%', '')) / 100;
const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** A field of a plugged-in claim type's claim (rate claims are not in the built-in `Claim` union). */
const fieldOf = (c: Claim, key: string): unknown => (c as unknown as Record<string, unknown>)[key];
const numberField = (c: Claim, key: string): number => Number(fieldOf(c, key));

/** Whether an extracted claim is the labelled one. */
export function sameClaim(c: Claim, e: Label): boolean {
  if (c.metric !== e.metric || c.symbol !== e.symbol) return false;
  const a = e.args;
  // Rates: `= rate.level DGS2 3.52 S`, `= rate.change DGS10 wtd -8 S` (bp), `= rate.spread DGS10 62 S` (bp),
  // `= rate.spread.change DGS10 1d 5 S` (bp). The curve's symbol is its long yield, DGS10.
  const metric: string = c.metric;
  if (metric === 'rate.level') return near(numberField(c, 'value'), Number(a[0]));
  if (metric === 'rate.change' || metric === 'rate.spread.change')
    return fieldOf(c, 'period') === (a[0] === 'null' ? null : a[0]) && near(numberField(c, 'bp'), Number(a[1]));
  if (metric === 'rate.spread') return near(numberField(c, 'bp'), Number(a[0]));
  switch (c.metric) {
    case 'return':
      // A period with a space is written with '_' in the corpus files ("since_2025-11-20", "10_sessions"): the
      // period as `check --format json` prints it, which for a window of sessions or a day is not a period key.
      return (
        (a[0] === 'null'
          ? c.period === null
          : c.period === a[0]!.replace(/_/g, ' ') ||
            returnClaimType.period(c, undefined as never) === a[0]!.replace(/_/g, ' ')) && near(c.value, pctOf(a[1]))
      );
    case 'ath':
      return c.kind === a[0] && (a[1] === undefined || (c.distance !== null && near(c.distance, -pctOf(a[1]))));
    case 'since':
      return c.direction === a[0] && c.since.month === Number(a[1]);
    case 'streak':
      return c.direction === a[0] && c.phase === a[1];
    case 'trend':
      return c.state === a[0];
    case 'level':
      return near(c.value, Number(a[0]));
    case 'spread':
      // A gap without a figure: `= spread AMZN ^RUT behind S` ("Amazon has underperformed the Russell 2000").
      if (a[1] === 'ahead' || a[1] === 'behind')
        return c.versus === a[0] && c.direction === (a[1] === 'ahead' ? 1 : -1);
      return c.versus === a[0] && c.direction === undefined && near(c.value, pctOf(a[1]));
    default:
      return false;
  }
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
}
export const ratio = (s: Score) => ({ precision: s.tp / (s.tp + s.fp), recall: s.tp / (s.tp + s.fn) });

export function scoreCorpus(items: readonly CorpusItem[], stored: readonly string[], seriesFor: SeriesFor | null) {
  const resolver = resolverFromConfig(defaultConfig(), stored);
  const base = {
    tolerance: 0.0005,
    nearAthPct: defaultConfig().events?.nearAthPct ?? 0.02,
    approachPct: 0.05,
    trend: DEFAULT_TREND_OPTIONS,
    sessionsAround: 5,
    staleDays: 7,
  };
  const extraction: Score = { tp: 0, fp: 0, fn: 0, misses: [] };
  const verdicts: Score = { tp: 0, fp: 0, fn: 0, misses: [] };
  for (const item of items) {
    // Each item is checked as of its note's date (`@date`), both for reading its days and for verifying.
    const asOf = parseIsoDate(item.date);
    const options = { ...base, asOf };
    const contextLines = item.context ? item.context.split('\n').length : 0;
    const input = item.context ? `${item.context}\n${item.text}` : item.text;
    const found = extractClaims(input, resolver, { noteDate: asOf }).filter((c) => c.line > contextLines);
    const left = [...item.labels];
    for (const c of found) {
      const k = left.findIndex((e) => sameClaim(c, e));
      const e = k >= 0 ? left.splice(k, 1)[0]! : null;
      const show = `${c.metric} ${c.symbol} ${c.metric === 'return' ? `${c.period} ${c.value}` : ''}`;
      if (e) extraction.tp++;
      else {
        extraction.fp++;
        extraction.misses.push(`extra ${show} in: ${item.text}`);
      }
      if (!seriesFor || (e && e.verdict === null)) continue;
      const v = verifyClaim(c, seriesFor, options);
      if (e && v.verdict === e.verdict) verdicts.tp++;
      else {
        verdicts.fp++;
        if (e) {
          verdicts.fn++;
          verdicts.misses.push(`${v.verdict} instead of ${e.verdict} (${v.sentence}) in: ${item.text}`);
        } else verdicts.misses.push(`extra ${show} (${v.verdict}) in: ${item.text}`);
      }
    }
    for (const e of left) {
      extraction.fn++;
      extraction.misses.push(`missed ${e.metric} ${e.symbol} ${e.args.join(' ')} in: ${item.text}`);
      if (e.verdict !== null) {
        verdicts.fn++;
        verdicts.misses.push(`missed ${e.metric} ${e.symbol} ${e.args.join(' ')} (${e.verdict}) in: ${item.text}`);
      }
    }
  }
  return { extraction, verdicts };
}

/**
 * A store of the corpora's universe (the real ETFs, megacaps, ^RUT and ^VIX) and the series of every
 * symbol the items' labels name (ratios split, spreads' second symbols), plus `extra` symbols.
 */
export async function openCorpusStore(
  items: readonly CorpusItem[],
  extra: readonly string[] = [],
): Promise<{ store: DuckDbStore; stored: string[]; seriesFor: SeriesFor }> {
  const store = await DuckDbStore.open(':memory:');
  const dir = realFile('etfs-and-megacaps');
  await importFiles(store, {
    files: [
      ...readdirSync(dir).map((f) => join(dir, f)),
      realFile('indices/^RUT.csv'),
      realFile('indices/^VIX.csv'),
      // FRED's yields and the fed funds rate, for the rate claims (levels, bp moves, the 2s10s curve).
      ...['DFF', 'DGS2', 'DGS10'].map((r) => realFile(`rates/${r}.csv`)),
    ],
  });
  const stored = [...(await store.lastDates()).keys()];
  const symbols = new Set<string>();
  for (const i of items) for (const l of i.labels) if (l.symbol) for (const s of l.symbol.split('/')) symbols.add(s);
  for (const i of items) for (const l of i.labels) if (l.metric === 'spread') symbols.add(l.args[0]!);
  for (const i of items) for (const l of i.labels) if (l.metric.startsWith('rate.spread')) symbols.add('DGS2');
  const seriesFor = await loadClaimSeries(store, [...symbols, ...extra], defaultConfig());
  return { store, stored, seriesFor };
}

/**
 * The test of a development corpus (test/fixtures/claims/`file`, written with the code, not held out): every
 * labelled claim is found with its verdict, and nothing else is found. `more` adds tests on the items.
 */
export function describeDevCorpus(file: string, title: string, more?: (items: readonly CorpusItem[]) => void): void {
  const items = parseCorpus(readFileSync(join(repoRoot, 'test/fixtures/claims', file), 'utf8'));
  describeWithSharedData(title, () => {
    let store: DuckDbStore;
    let seriesFor: SeriesFor;
    let stored: string[];

    beforeAll(async () => {
      ({ store, stored, seriesFor } = await openCorpusStore(items));
    }, 120_000);

    afterAll(async () => {
      await store.close();
    });

    it('finds every labelled claim with its verdict, and nothing else', () => {
      const { extraction, verdicts } = scoreCorpus(items, stored, seriesFor);
      expect([...extraction.misses, ...verdicts.misses]).toEqual([]);
      expect(extraction.tp).toBe(items.reduce((n, i) => n + i.labels.length, 0));
      expect(verdicts.tp).toBe(items.reduce((n, i) => n + i.labels.filter((l) => l.verdict !== null).length, 0));
    });

    more?.(items);
  });
}
