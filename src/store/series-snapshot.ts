/**
 * The close snapshot: each symbol's days, closes and adjusted closes, packed by
 * series-snapshot-codec.ts into a few segments per symbol (split at calendar-year boundaries). Both stores keep it in the same transaction as the bars
 * it mirrors (every write re-packs the years it touched, from the bars themselves), and answer a read
 * of closes or adjusted closes from it: a few thousand short byte strings instead of millions of rows.
 * The bars stay the source of truth; the store contract test checks the two agree after random writes.
 *
 * Segments keep a daily update cheap: appending one day re-packs only the segment it falls in (the
 * current year) of each symbol it touched.
 */
import type { PriceSeries } from '../domain/price-series.js';
import { civilFromDays, daysFromCivil, tryParseIsoDate } from '../domain/trading-date.js';
import { nextTurn, SLICE_MS } from './event-loop-slice.js';
import type { BarColumn, DateRange } from './price-store.js';
import { decodeDaysInto, decodeValuesInto, encodeDays, encodeValues, packedDayCount } from './series-snapshot-codec.js';

/** One packed (symbol, year). */
export interface SnapshotSegment {
  readonly symbol: string;
  readonly year: number;
  /** The year of its last day. */
  readonly lastYear: number;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly rows: number;
  readonly days: Uint8Array;
  readonly closes: Uint8Array;
  readonly adjCloses: Uint8Array;
}

/** The columns a snapshot can answer. */
export function snapshotCanRead(columns: readonly BarColumn[] | undefined): columns is readonly BarColumn[] {
  return columns !== undefined && columns.length > 0 && columns.every((c) => c === 'close' || c === 'adjClose');
}

export const yearOfDay = (day: number): number => civilFromDays(day)[0];

/**
 * Packs a stretch of a symbol's bars (ascending days) as at most two segments: everything before the
 * last calendar year, and the last year. A daily update then re-packs only the last-year segment;
 * the first day of a new year re-packs the old last year and the new one (see the stores' refresh).
 * A segment is keyed by the year of its first day.
 */
export function packSegments(
  symbol: string,
  days: Int32Array,
  closes: Float64Array,
  adjCloses: Float64Array,
): SnapshotSegment[] {
  const n = days.length;
  if (n === 0) return [];
  const lastYearStart = daysFromCivil(yearOfDay(days[n - 1]!), 1, 1);
  let split = n;
  while (split > 0 && days[split - 1]! >= lastYearStart) split--;
  const out: SnapshotSegment[] = [];
  for (const [start, end] of [
    [0, split],
    [split, n],
  ] as const) {
    if (end <= start) continue;
    const c = closes.subarray(start, end);
    out.push({
      symbol,
      year: yearOfDay(days[start]!),
      lastYear: yearOfDay(days[end - 1]!),
      firstDay: days[start]!,
      lastDay: days[end - 1]!,
      rows: end - start,
      days: encodeDays(days.subarray(start, end)),
      closes: encodeValues(c),
      adjCloses: encodeValues(adjCloses.subarray(start, end), c),
    });
  }
  return out;
}

/** The last segment year a read up to `range.to` needs (a segment starting later holds no day in range). */
export function lastYearNeeded(range: DateRange | undefined): number | null {
  const to = range?.to ? tryParseIsoDate(range.to) : null;
  return to === null ? null : yearOfDay(to);
}

/** A packed segment as read back: the value column is the one asked for (closes or adjusted closes). */
export interface ReadSegment {
  readonly year: number;
  readonly days: Uint8Array;
  readonly closes: Uint8Array | null;
  readonly adjCloses: Uint8Array | null;
}

/**
 * Packed segments as read from a store, before unpacking: parallel lists, one entry per segment. Its
 * byte strings can be handed to another thread (the server unpacks a whole-universe read in a worker,
 * perf-offload.ts) and unpacked there with `unpackSegments`.
 */
export interface PackedSegments {
  readonly columns: readonly BarColumn[];
  readonly range: DateRange | undefined;
  readonly symbols: string[];
  readonly segments: ReadSegment[];
}

/** The series of packed segments (what the store's readMany answers for the same read). */
export function unpackSegments(packed: PackedSegments): Promise<Map<string, PriceSeries>> {
  const assembler = new SnapshotAssembler(packed.columns, packed.range);
  for (let i = 0; i < packed.symbols.length; i++) assembler.add(packed.symbols[i]!, packed.segments[i]!);
  return assembler.result();
}

/**
 * Collects segments as they come (any order) and turns them into series: per symbol the segments are
 * put in year order and unpacked straight into one Int32Array and one Float64Array per column asked
 * for, then cut to the date range. Columns not asked for are NaN views of one shared buffer.
 */
export class SnapshotAssembler {
  private readonly bySymbol = new Map<string, ReadSegment[]>();

  constructor(
    private readonly columns: readonly BarColumn[],
    private readonly range: DateRange | undefined,
  ) {}

  add(symbol: string, segment: ReadSegment): void {
    const list = this.bySymbol.get(symbol);
    if (list) list.push(segment);
    else this.bySymbol.set(symbol, [segment]);
  }

  /**
   * Unpacks every symbol. It hands the event loop back every few milliseconds (a whole-universe read
   * unpacks for a quarter of a second), so a server keeps answering small requests meanwhile.
   */
  async result(): Promise<Map<string, PriceSeries>> {
    const from = this.range?.from ? tryParseIsoDate(this.range.from) : null;
    const to = this.range?.to ? tryParseIsoDate(this.range.to) : null;
    const wantClose = this.columns.includes('close');
    const wantAdj = this.columns.includes('adjClose');
    // one buffer per column for every symbol (each series a view of its stretch): a few large
    // allocations instead of thousands, which the garbage collector notices far less
    const counts = new Map<ReadSegment, number>();
    let total = 0;
    let longest = 0;
    for (const segments of this.bySymbol.values()) {
      let n = 0;
      for (const seg of segments) {
        const k = packedDayCount(seg.days);
        counts.set(seg, k);
        n += k;
      }
      total += n;
      longest = Math.max(longest, n);
    }
    const dates = new Int32Array(total);
    // adjusted closes stored "same as close" need the closes of the same stretch decoded first
    const close = wantClose || wantAdj ? new Float64Array(total) : null;
    const adj = wantAdj ? new Float64Array(total) : null;
    const unknown = new Float64Array(longest).fill(Number.NaN);
    const out = new Map<string, PriceSeries>();
    // symbols of one market share their trading days: a day string equal to one already unpacked is
    // copied from there instead of unpacked again (found by its length and first bytes, then compared)
    const unpacked = new Map<string, { days: Uint8Array; at: number }>();
    let offset = 0;
    let slice = performance.now();
    for (const [symbol, segments] of this.bySymbol) {
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
      if (segments.length > 1) segments.sort((a, b) => a.year - b.year);
      const start = offset;
      for (const seg of segments) {
        const count = counts.get(seg)!;
        const key = dayStringKey(seg.days);
        const seen = unpacked.get(key);
        if (seen !== undefined && sameBytes(seen.days, seg.days)) dates.copyWithin(offset, seen.at, seen.at + count);
        else {
          decodeDaysInto(seg.days, dates, offset);
          unpacked.set(key, { days: seg.days, at: offset });
        }
        if (seg.closes !== null) decodeValuesInto(seg.closes, count, close!, offset);
        if (adj !== null && seg.adjCloses !== null) decodeValuesInto(seg.adjCloses, count, adj, offset, close!);
        offset += count;
      }
      let lo = start;
      let hi = offset;
      if (from !== null) while (lo < hi && dates[lo]! < from) lo++;
      if (to !== null) while (hi > lo && dates[hi - 1]! > to) hi--;
      if (hi <= lo) continue;
      const nan = unknown.subarray(0, hi - lo);
      out.set(symbol, {
        symbol,
        dates: dates.subarray(lo, hi),
        open: nan,
        high: nan,
        low: nan,
        close: wantClose ? close!.subarray(lo, hi) : nan,
        adjClose: adj === null ? nan : adj.subarray(lo, hi),
        volume: nan,
      });
    }
    return out;
  }
}

/** A short key for a packed day string: its length and first 16 bytes (count, first day, first gaps). */
function dayStringKey(days: Uint8Array): string {
  let key = String(days.length);
  for (let i = 0; i < Math.min(16, days.length); i++) key += `,${days[i]}`;
  return key;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
