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
import { Buffer } from 'node:buffer';
import type { BarSelector, LazyValues } from '../domain/lazy-values.js';
import type { PriceSeries } from '../domain/price-series.js';
import { civilFromDays, daysFromCivil, tryParseIsoDate } from '../domain/trading-date.js';
import { nextTurn, SLICE_MS } from './event-loop-slice.js';
import type { BarColumn, DateRange } from './price-store.js';
import {
  decodeDaysInto,
  decodeValuesInto,
  encodeDays,
  encodeValues,
  GroupTables,
  packedDayCount,
  sameAsClose,
  VALUE_GROUP,
  ValueGroups,
} from './series-snapshot-codec.js';

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

/**
 * The series of packed segments (what the store's readMany answers for the same read). With `select`
 * and one column, only the bars it picks (see `ReadOptions.select`).
 */
export function unpackSegments(packed: PackedSegments, select?: BarSelector): Promise<Map<string, PriceSeries>> {
  const assembler = new SnapshotAssembler(packed.columns, packed.range, select);
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
    private readonly select?: BarSelector,
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
    if (this.select !== undefined && this.columns.length === 1) return this.selected(this.select, this.columns[0]!);
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

  /**
   * The bars `select` picks of each series, one column: the days of each symbol are unpacked (or, shared
   * with symbols before, taken as they are), its values only where the selector reads them (group by
   * group, see LazyColumn), then the picked bars are copied out.
   */
  private async selected(select: BarSelector, column: BarColumn): Promise<Map<string, PriceSeries>> {
    const from = this.range?.from ? tryParseIsoDate(this.range.from) : null;
    const to = this.range?.to ? tryParseIsoDate(this.range.to) : null;
    let longest = 0;
    const counts = new Map<ReadSegment, number>();
    for (const segments of this.bySymbol.values()) {
      if (segments.length > 1) segments.sort((a, b) => a.year - b.year);
      let n = 0;
      for (const seg of segments) {
        const k = packedDayCount(seg.days);
        counts.set(seg, k);
        n += k;
      }
      longest = Math.max(longest, n);
    }
    // each symbol's work is one call of a small method: V8 optimises it after a few symbols, and a rare
    // value that sends it back to the interpreter costs that method, not this whole loop (which ran
    // interpreted again until its on-stack replacement was compiled anew)
    const picker = new SymbolPicker(select, column, from, to, longest, this.bySymbol.size);
    const out = new Map<string, PriceSeries>();
    let slice = performance.now();
    for (const [symbol, segments] of this.bySymbol) {
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
      const sizes = segments.map((seg) => counts.get(seg)!);
      const series = picker.pick(symbol, segments, sizes);
      if (series !== null) out.set(symbol, series);
    }
    return out;
  }
}

/** The bars `select` picks of one symbol after another (SnapshotAssembler.selected), with the scratch they share. */
class SymbolPicker {
  private readonly days = new SharedDays();
  private readonly tables: GroupTables;
  private readonly arena: PickedBars;
  private readonly values: Float64Array;
  private readonly nan: Float64Array;

  constructor(
    private readonly select: BarSelector,
    private readonly column: BarColumn,
    private readonly from: number | null,
    private readonly to: number | null,
    longest: number,
    symbols: number,
  ) {
    this.tables = new GroupTables(Math.ceil(longest / VALUE_GROUP) + 8);
    this.arena = new PickedBars(symbols * 320);
    this.values = new Float64Array(longest);
    this.nan = new Float64Array(longest).fill(Number.NaN);
  }

  /** The picked bars of one symbol's segments (in year order, `sizes` days each), or null when none is in range. */
  pick(symbol: string, segments: readonly ReadSegment[], sizes: readonly number[]): PriceSeries | null {
    const { column, from, to, tables, values } = this;
    const dates = this.days.of(segments, sizes);
    let lo = 0;
    let hi = dates.length;
    if (from !== null) while (lo < hi && dates[lo]! < from) lo++;
    if (to !== null) while (hi > lo && dates[hi - 1]! > to) hi--;
    if (hi <= lo) return null;
    tables.reset();
    const parts: ValueGroups[] = [];
    const offsets: number[] = [];
    let offset = 0;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const own = column === 'close' ? seg.closes : seg.adjCloses;
      // adjusted closes equal to the closes are stored as one byte: the closes are read instead
      const bytes = own !== null && !sameAsClose(own) ? own : seg.closes;
      if (bytes === null) throw new Error(`snapshot: ${symbol} ${seg.year} has no packed ${column}`);
      parts.push(new ValueGroups(bytes, sizes[i]!, values, offset, tables));
      offsets.push(offset);
      offset += sizes[i]!;
    }
    const lazy = new LazyColumn(parts, offsets, values, lo, hi);
    const picked = this.select(dates.subarray(lo, hi), lazy);
    const { dates: pickedDates, values: pickedValues } = this.arena.take(picked.length);
    // copied run by run (perf's picks: up to 17 single bars, then one stretch of a year or more): a bar at a
    // time through `at` was some 780,000 calls for 3,000 symbols, most of them before V8 optimised the loop
    const n = picked.length;
    for (let k = 0; k < n; ) {
      const first = picked[k]!;
      // the picks ascend without repeats, so the rest is one run when its span is its length
      let end = k + 1;
      if (picked[n - 1]! - first === n - 1 - k) end = n;
      else while (end < n && picked[end] === first + (end - k)) end++;
      lazy.copyRun(first, end - k, pickedValues, k);
      pickedDates.set(dates.subarray(lo + first, lo + first + (end - k)), k);
      k = end;
    }
    const unknown = this.nan.subarray(0, picked.length);
    return {
      symbol,
      dates: pickedDates,
      open: unknown,
      high: unknown,
      low: unknown,
      close: column === 'close' ? pickedValues : unknown,
      adjClose: column === 'adjClose' ? pickedValues : unknown,
      volume: unknown,
    };
  }
}

/**
 * The picked bars of every series of a read, as views of a few shared buffers: thousands of small
 * typed arrays cost more to allocate and collect than the bars they hold.
 */
class PickedBars {
  private dates: Int32Array;
  private values: Float64Array;
  private used = 0;

  constructor(private capacity: number) {
    this.dates = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  take(n: number): { dates: Int32Array; values: Float64Array } {
    if (this.used + n > this.capacity) {
      // a new stretch; the views handed out keep the old one
      this.capacity = Math.max(n, this.capacity);
      this.dates = new Int32Array(this.capacity);
      this.values = new Float64Array(this.capacity);
      this.used = 0;
    }
    const from = this.used;
    this.used += n;
    return { dates: this.dates.subarray(from, this.used), values: this.values.subarray(from, this.used) };
  }
}

/**
 * Each symbol's days, unpacked once per distinct list of day strings: symbols of one market share their
 * trading days, so most symbols' days are a list already unpacked for another (found by the strings'
 * keys, then compared byte for byte). Held until the read ends.
 */
class SharedDays {
  private readonly seen = new Map<string, { strings: Uint8Array[]; dates: Int32Array }[]>();
  private last: { strings: Uint8Array[]; dates: Int32Array } | null = null;

  of(segments: readonly ReadSegment[], sizes: readonly number[]): Int32Array {
    // most often the same days as the symbol before
    const last = this.last;
    if (last !== null && last.strings.length === segments.length) {
      let same = true;
      for (let i = 0; i < segments.length && same; i++) same = sameBytes(last.strings[i]!, segments[i]!.days);
      if (same) return last.dates;
    }
    const found = this.find(segments, sizes);
    this.last = found;
    return found.dates;
  }

  private find(
    segments: readonly ReadSegment[],
    sizes: readonly number[],
  ): { strings: Uint8Array[]; dates: Int32Array } {
    const key = segments.map((seg) => dayStringKey(seg.days)).join('|');
    const candidates = this.seen.get(key);
    if (candidates !== undefined) {
      for (const c of candidates) if (c.strings.every((bytes, i) => sameBytes(bytes, segments[i]!.days))) return c;
    }
    let n = 0;
    for (const k of sizes) n += k;
    const dates = new Int32Array(n);
    let offset = 0;
    for (let i = 0; i < segments.length; i++) {
      decodeDaysInto(segments[i]!.days, dates, offset);
      offset += sizes[i]!;
    }
    const entry = { strings: segments.map((seg) => seg.days), dates };
    if (candidates === undefined) this.seen.set(key, [entry]);
    else candidates.push(entry);
    return entry;
  }
}

/**
 * One symbol's value column over its packed segments, read lazily (LazyValues): a value's group is
 * unpacked when first read; the searches for the highest value and the last value above or below a
 * level skip whole groups by their stored high and low where a group lies entirely in the range asked
 * about (and unpack the others). Indices count from `lo`, the first bar inside the read's date range;
 * `hi` ends it. Part k's values start at `offsets[k]` of the symbol's values.
 */
class LazyColumn implements LazyValues {
  readonly length: number;

  constructor(
    private readonly parts: readonly ValueGroups[],
    private readonly offsets: readonly number[],
    private readonly values: Float64Array,
    private readonly lo: number,
    private readonly hi: number,
  ) {
    this.length = hi - lo;
  }

  /** The part holding the symbol's value `abs`. */
  private partOf(abs: number): number {
    let k = this.parts.length - 1;
    while (k > 0 && this.offsets[k]! > abs) k--;
    return k;
  }

  at(i: number): number {
    const abs = this.lo + i;
    if (i < 0 || abs >= this.hi) throw new RangeError(`value ${i} outside 0..${this.length - 1}`);
    const k = this.partOf(abs);
    this.parts[k]!.load(((abs - this.offsets[k]!) / VALUE_GROUP) | 0);
    return this.values[abs]!;
  }

  /** Copies values `first` .. `first + count - 1` to `out` from `at` (unpacking the groups they lie in). */
  copyRun(first: number, count: number, out: Float64Array, at: number): void {
    const from = this.lo + first;
    const to = from + count;
    if (first < 0 || to > this.hi)
      throw new RangeError(`values ${first}..${first + count - 1} outside 0..${this.length - 1}`);
    for (let k = this.partOf(from); k < this.parts.length && this.offsets[k]! < to; k++) {
      const part = this.parts[k]!;
      const offset = this.offsets[k]!;
      const last = Math.min(to, offset + part.length) - 1 - offset;
      for (let c = ((Math.max(from, offset) - offset) / VALUE_GROUP) | 0; c <= ((last / VALUE_GROUP) | 0); c++)
        part.load(c);
    }
    out.set(this.values.subarray(from, to), at);
  }

  highestUpTo(end: number): number {
    const last = Math.min(this.lo + end, this.hi - 1);
    if (last < this.lo) return -1;
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let k = this.partOf(this.lo); k < this.parts.length && this.offsets[k]! <= last; k++) {
      const part = this.parts[k]!;
      const offset = this.offsets[k]!;
      for (let c = Math.max(0, ((this.lo - offset) / VALUE_GROUP) | 0); c < part.groups; c++) {
        const start = offset + c * VALUE_GROUP;
        if (start > last) break;
        const end = Math.min(start + VALUE_GROUP, offset + part.length);
        if (part.summarised && start >= this.lo && end - 1 <= last) {
          // the group's first highest value, as a scan of it would find it
          const high = part.high(c);
          if (high > bestValue) {
            bestValue = high;
            best = offset + part.highIndex(c);
          }
          continue;
        }
        part.load(c);
        const values = this.values;
        for (let i = Math.max(start, this.lo); i < end && i <= last; i++) {
          if (values[i]! > bestValue) {
            bestValue = values[i]!;
            best = i;
          }
        }
      }
    }
    return best < 0 ? -1 : best - this.lo;
  }

  lastAbove(before: number, x: number): number {
    return this.lastBeyond(before, x, 1);
  }

  lastBelow(before: number, x: number): number {
    return this.lastBeyond(before, x, -1);
  }

  /** The last index before `before` whose value is strictly above (`side` 1) or below (-1) `x`, or -1. */
  private lastBeyond(before: number, x: number, side: 1 | -1): number {
    const stop = Math.min(this.lo + before, this.hi);
    if (stop <= this.lo) return -1;
    const values = this.values;
    for (let k = this.partOf(stop - 1); k >= 0 && this.offsets[k]! + this.parts[k]!.length > this.lo; k--) {
      const part = this.parts[k]!;
      const offset = this.offsets[k]!;
      for (let c = ((Math.min(stop, offset + part.length) - 1 - offset) / VALUE_GROUP) | 0; c >= 0; c--) {
        const start = offset + c * VALUE_GROUP;
        const end = Math.min(start + VALUE_GROUP, offset + part.length);
        if (end <= this.lo) return -1;
        // a group whose high (low) is not beyond x holds no such value (nor does any part of it)
        if (part.summarised && !(side === 1 ? part.high(c) > x : part.low(c) < x)) continue;
        part.load(c);
        const from = Math.max(start, this.lo);
        if (side === 1) {
          for (let i = Math.min(end, stop) - 1; i >= from; i--) if (values[i]! > x) return i - this.lo;
        } else {
          for (let i = Math.min(end, stop) - 1; i >= from; i--) if (values[i]! < x) return i - this.lo;
        }
      }
    }
    return -1;
  }
}

/** A short key for a packed day string: its length and first 16 bytes (count, first day, first gaps). */
function dayStringKey(days: Uint8Array): string {
  let key = String(days.length);
  for (let i = 0; i < Math.min(16, days.length); i++) key += `,${days[i]}`;
  return key;
}

/** Byte-equal strings (a native comparison: a whole-universe read compares some 8 MB of day strings). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
