/**
 * The packed form of one stretch of a symbol's history in the close snapshot (see
 * series-snapshot.ts): its days and one close column, each a small byte string, decoded straight
 * into Int32Array / Float64Array columns. Pure (no Node, no I/O), shared by both stores.
 *
 * Days: varint count, zigzag varint first day, then the gaps between days (1 on most days, 3 over a
 * weekend) bit-packed. Values: when every value is a decimal with at most 9 places that survives
 * `round(x * 10^k) / 10^k === x` (a price read from a CSV file does), the scaled integers' day-to-day
 * differences are zigzagged and bit-packed (about 2 bytes a close at 4 decimals instead of 8);
 * otherwise the doubles are stored as they are (NaN, noisy adjusted closes). Decoding repeats the very
 * division the encoder checked, so every value comes back bit for bit. An adjusted-close column equal
 * to the close column is one byte.
 *
 * Bit packing: blocks of 128 numbers, each block one byte of bit width (0..31) and then the numbers
 * at that width, least significant bit first.
 *
 * Packed values carry a group index (mode byte 16 + k; the older mode k without one still decodes):
 * for every group of 128 values (values 128c .. 128c + 127) the scaled integer at its start and its
 * highest and lowest value with their first positions. A reader can then unpack one group alone (an
 * anchor close years back) and skip groups whose range cannot hold what it looks for (the all-time
 * high, the last close above today's), see `IndexedValues`. About 9 bytes per 128 values (4%).
 */

const BLOCK = 128;
const RAW = 0xff;
/** Mode byte of packed values with a group index: INDEXED + decimals. */
const INDEXED = 0x10;
const SAME_AS_CLOSE = 0xfe;
const MAX_DECIMALS = 9;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
/** Packed numbers must stay below 2^31 (zigzagged differences), else the values go raw. */
const MAX_PACKED = 0x7fffffff;

/** A growable byte buffer. */
class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }
  /** An unsigned integer below 2^53 as a varint (7 bits a byte). */
  varint(v: number): void {
    this.reserve(8);
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }
  /** `count` numbers in [0, 2^31) from `values[from..]`, bit-packed in blocks. */
  packed(values: Uint32Array, from: number, count: number): void {
    for (let start = from; start < from + count; start += BLOCK) {
      const end = Math.min(start + BLOCK, from + count);
      let max = 0;
      for (let i = start; i < end; i++) if (values[i]! > max) max = values[i]!;
      const width = max === 0 ? 0 : 32 - Math.clz32(max);
      this.byte(width);
      if (width === 0) continue;
      const size = Math.ceil(((end - start) * width) / 8);
      this.reserve(size + 1);
      const bytes = this.bytes;
      const base = this.length;
      bytes.fill(0, base, base + size + 1);
      let pos = 0;
      for (let i = start; i < end; i++) {
        const v = values[i]!;
        let b = base + (pos >>> 3);
        const shift = pos & 7;
        bytes[b++]! |= (v << shift) & 0xff;
        let rest = v >>> (8 - shift);
        for (let left = width - (8 - shift); left > 0; left -= 8) {
          bytes[b++]! |= rest & 0xff;
          rest >>>= 8;
        }
        pos += width;
      }
      this.length = base + size;
    }
  }
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote. */
class ByteReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.bytes.length) throw new Error('snapshot segment truncated');
    return this.bytes[this.pos++]!;
  }
  varint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }
}

/**
 * Widths up to this are read as one 32-bit window from the number's first byte: the shift (0..7)
 * plus the width stay within 32 bits. About a quarter faster than carrying an accumulator.
 */
const WINDOW_WIDTH = 24;

/** How many of a block's `count` numbers (from byte `base`) can take their 4-byte window inside the string. */
function windowSafeCount(length: number, base: number, width: number, count: number): number {
  // number i reads bytes base + floor(i * width / 8) .. +3, which must stay below `length`
  const lastByte = length - 4 - base;
  if (lastByte < 0) return 0;
  return Math.min(count, Math.floor((lastByte * 8) / width) + 1);
}

/**
 * The `i`-th number of a bit-packed block whose bits start at byte `base` (any width up to 31; the
 * slow path for wide blocks): up to five bytes, never reading past the block's last byte.
 */
function unpackAt(bytes: Uint8Array, base: number, width: number, i: number): number {
  const pos = i * width;
  const first = base + (pos >>> 3);
  const last = base + ((pos + width - 1) >>> 3);
  let v = 0;
  for (let b = last; b >= first; b--) v = v * 256 + bytes[b]!;
  return Math.floor(v / 2 ** (pos & 7)) % 2 ** width;
}

const zigzag = (v: number) => (v < 0 ? -2 * v - 1 : 2 * v);
const unzigzag = (z: number) => (z % 2 === 1 ? -(z + 1) / 2 : z / 2);

/** Packs ascending days. */
export function encodeDays(days: Int32Array): Uint8Array {
  const n = days.length;
  const w = new ByteWriter(16 + n / 2);
  w.varint(n);
  if (n === 0) return w.result();
  w.varint(zigzag(days[0]!));
  const gaps = new Uint32Array(n);
  for (let i = 1; i < n; i++) {
    const gap = days[i]! - days[i - 1]!;
    if (!(gap > 0)) throw new Error('snapshot days must ascend');
    gaps[i] = gap;
  }
  w.packed(gaps, 1, n - 1);
  return w.result();
}

/** The number of days in a packed day string (its first varint). */
export function packedDayCount(bytes: Uint8Array): number {
  return new ByteReader(bytes).varint();
}

/** Unpacks days into `out` from `offset`; returns how many. */
export function decodeDaysInto(bytes: Uint8Array, out: Int32Array, offset: number): number {
  const r = new ByteReader(bytes);
  const n = r.varint();
  if (n === 0) return 0;
  let day = unzigzag(r.varint());
  out[offset] = day;
  let k = offset + 1;
  for (let start = 0; start < n - 1; start += BLOCK) {
    const count = Math.min(BLOCK, n - 1 - start);
    const width = r.byte();
    if (width === 0) throw new Error('snapshot days must ascend');
    const p = r.pos;
    if (width <= WINDOW_WIDTH) {
      // each number from one 32-bit little-endian window at its first byte (no carried state)
      const mask = (1 << width) - 1;
      const fast = windowSafeCount(bytes.length, p, width, count);
      let bit = 0;
      for (let i = 0; i < fast; i++) {
        const q = p + (bit >>> 3);
        day +=
          ((bytes[q]! | (bytes[q + 1]! << 8) | (bytes[q + 2]! << 16) | (bytes[q + 3]! << 24)) >>> (bit & 7)) & mask;
        out[k++] = day;
        bit += width;
      }
      for (let i = fast; i < count; i++) {
        day += unpackAt(bytes, p, width, i);
        out[k++] = day;
      }
    } else {
      for (let i = 0; i < count; i++) {
        day += unpackAt(bytes, p, width, i);
        out[k++] = day;
      }
    }
    r.pos = p + Math.ceil((count * width) / 8);
  }
  if (r.pos > bytes.length) throw new Error('snapshot segment truncated');
  return n;
}

/** The fewest decimals k (0..9) for which every value is exactly round(x * 10^k) / 10^k, or -1. */
function decimalsOf(values: Float64Array): number {
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const p = POW10[k]!;
    let ok = true;
    for (let i = 0; i < values.length && ok; i++) {
      const x = values[i]!;
      const m = Math.round(x * p);
      ok = Number.isFinite(x) && Math.abs(m) <= Number.MAX_SAFE_INTEGER && m / p === x && !Object.is(x, -0);
    }
    if (ok) return k;
  }
  return -1;
}

/**
 * The group index of packed values (all finite, each exactly `m / p` with `m = round(x * p)`): per group
 * of BLOCK values, the scaled integer at its start (a zigzagged difference from the previous group's
 * start; the first is the column's first value, stored before the index), then the highest value
 * (scaled, as its distance above the start) and its first position in the group, then the lowest
 * (its distance below the start) and its first position. `round` keeps order, so the distances are
 * never negative.
 */
function groupIndex(values: Float64Array, p: number): Uint8Array {
  const n = values.length;
  const w = new ByteWriter(8 + (n >>> 4));
  let prev = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    let hi = start;
    let lo = start;
    for (let i = start + 1; i < end; i++) {
      const v = values[i]!;
      if (v > values[hi]!) hi = i;
      if (v < values[lo]!) lo = i;
    }
    const m = Math.round(values[start]! * p);
    if (start > 0) w.varint(zigzag(m - prev));
    prev = m;
    w.varint(Math.round(values[hi]! * p) - m);
    w.byte(hi - start);
    w.varint(m - Math.round(values[lo]! * p));
    w.byte(lo - start);
  }
  return w.result();
}

/** Packs one value column (`sameAs`: the close column, when this is the adjusted close). */
export function encodeValues(values: Float64Array, sameAs?: Float64Array): Uint8Array {
  const n = values.length;
  if (sameAs !== undefined && sameAs.length === n && sameColumn(values, sameAs)) return Uint8Array.of(SAME_AS_CLOSE);
  const k = n === 0 ? 0 : decimalsOf(values);
  if (k >= 0) {
    const p = POW10[k]!;
    const diffs = new Uint32Array(n);
    let prev = n === 0 ? 0 : Math.round(values[0]! * p);
    let fits = true;
    for (let i = 1; i < n && fits; i++) {
      const m = Math.round(values[i]! * p);
      const z = zigzag(m - prev);
      fits = z <= MAX_PACKED;
      diffs[i] = z;
      prev = m;
    }
    if (fits) {
      const index = groupIndex(values, p);
      const w = new ByteWriter(16 + index.length + n * 2);
      w.byte(INDEXED + k);
      w.varint(n === 0 ? 0 : zigzag(Math.round(values[0]! * p)));
      w.varint(index.length);
      w.reserve(index.length);
      w.bytes.set(index, w.length);
      w.length += index.length;
      w.packed(diffs, 1, Math.max(0, n - 1));
      return w.result();
    }
  }
  const out = new Uint8Array(1 + n * 8);
  out[0] = RAW;
  const view = new DataView(out.buffer);
  for (let i = 0; i < n; i++) view.setFloat64(1 + i * 8, values[i]!, true);
  return out;
}

/**
 * Unpacks `count` zigzagged differences of one bit-packed block (bits from byte `base`) onto the running
 * scaled integer `m`, writing each value `m / p10` to `out` from `k`; returns the last `m`.
 */
function unpackDiffs(
  bytes: Uint8Array,
  base: number,
  width: number,
  count: number,
  m: number,
  p10: number,
  out: Float64Array,
  k: number,
): number {
  if (width === 0) {
    out.fill(m / p10, k, k + count);
    return m;
  }
  let first = 0;
  if (width <= WINDOW_WIDTH) {
    // each number from one 32-bit little-endian window at its first byte (no carried state)
    const mask = (1 << width) - 1;
    first = windowSafeCount(bytes.length, base, width, count);
    let bit = 0;
    for (let i = 0; i < first; i++) {
      const q = base + (bit >>> 3);
      const z =
        ((bytes[q]! | (bytes[q + 1]! << 8) | (bytes[q + 2]! << 16) | (bytes[q + 3]! << 24)) >>> (bit & 7)) & mask;
      m += (z >>> 1) ^ -(z & 1); // zigzag back to signed (z < 2^31)
      out[k++] = m / p10;
      bit += width;
    }
  }
  for (let i = first; i < count; i++) {
    const z = unpackAt(bytes, base, width, i);
    m += (z >>> 1) ^ -(z & 1);
    out[k++] = m / p10;
  }
  return m;
}

/** Where a value column's parts start: its mode, the first scaled value, the group index and the blocks. */
interface ValueLayout {
  readonly mode: number;
  readonly p10: number;
  readonly m0: number;
  /** Byte offset of the group index (INDEXED mode), else -1. */
  readonly index: number;
  /** Byte offset of the first bit-packed block. */
  readonly blocks: number;
}

function valueLayout(bytes: Uint8Array): ValueLayout {
  const r = new ByteReader(bytes);
  const mode = r.byte();
  if (mode === SAME_AS_CLOSE || mode === RAW) return { mode, p10: 1, m0: 0, index: -1, blocks: 1 };
  const decimals = mode >= INDEXED ? mode - INDEXED : mode;
  if (decimals > MAX_DECIMALS) throw new Error(`snapshot: unknown value encoding ${mode}`);
  const m0 = r.pos < bytes.length ? unzigzag(r.varint()) : 0;
  if (mode < INDEXED) return { mode, p10: POW10[decimals]!, m0, index: -1, blocks: r.pos };
  const length = r.varint();
  return { mode, p10: POW10[decimals]!, m0, index: r.pos, blocks: r.pos + length };
}

/**
 * Unpacks `n` values into `out` from `offset`. `close` gives the decoded close column of the same
 * stretch (at the same offset) for an adjusted-close column stored as "same as close".
 */
export function decodeValuesInto(
  bytes: Uint8Array,
  n: number,
  out: Float64Array,
  offset: number,
  close?: Float64Array,
): void {
  const layout = valueLayout(bytes);
  if (layout.mode === SAME_AS_CLOSE) {
    if (close === undefined) throw new Error('snapshot: adjusted closes refer to closes that were not read');
    out.set(close.subarray(offset, offset + n), offset);
    return;
  }
  if (layout.mode === RAW) {
    if (bytes.length < 1 + n * 8) throw new Error('snapshot segment truncated');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n; i++) out[offset + i] = view.getFloat64(1 + i * 8, true);
    return;
  }
  if (n === 0) return;
  const p10 = layout.p10;
  let m = layout.m0;
  out[offset] = m / p10;
  let k = offset + 1;
  let pos = layout.blocks;
  for (let start = 0; start < n - 1; start += BLOCK) {
    const count = Math.min(BLOCK, n - 1 - start);
    if (pos >= bytes.length) throw new Error('snapshot segment truncated');
    const width = bytes[pos++]!;
    m = unpackDiffs(bytes, pos, width, count, m, p10, out, k);
    k += count;
    pos += Math.ceil((count * width) / 8);
  }
  if (pos > bytes.length) throw new Error('snapshot segment truncated');
}

/** Values per group of the index (and per block of the bit packing). */
export const VALUE_GROUP = BLOCK;

/**
 * The per-group tables of the ValueGroups of one read, in shared typed arrays (a whole-universe read
 * makes some 6,000 of them; their own small arrays cost more to allocate and collect than to fill).
 * `reset` hands the space out again: the ValueGroups made before are then dead.
 */
export class GroupTables {
  starts: Float64Array;
  highs: Float64Array;
  lows: Float64Array;
  highAt: Int32Array;
  lowAt: Int32Array;
  blockAt: Int32Array;
  loaded: Uint8Array;
  private used = 0;

  constructor(capacity = 64) {
    this.starts = new Float64Array(capacity);
    this.highs = new Float64Array(capacity);
    this.lows = new Float64Array(capacity);
    this.highAt = new Int32Array(capacity);
    this.lowAt = new Int32Array(capacity);
    this.blockAt = new Int32Array(capacity);
    this.loaded = new Uint8Array(capacity);
  }

  /** Room for `groups` more groups (loaded flags cleared); returns the first one's slot. */
  take(groups: number): number {
    const base = this.used;
    if (base + groups > this.loaded.length) this.grow(base + groups);
    this.used = base + groups;
    this.loaded.fill(0, base, base + groups);
    return base;
  }

  reset(): void {
    this.used = 0;
  }

  private grow(size: number): void {
    const n = Math.max(size, this.loaded.length * 2);
    const more = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.starts = more(this.starts);
    this.highs = more(this.highs);
    this.lows = more(this.lows);
    this.highAt = more(this.highAt);
    this.lowAt = more(this.lowAt);
    this.blockAt = more(this.blockAt);
    this.loaded = more(this.loaded);
  }
}

/**
 * One packed value column of `length` values with random access by group: `load(c)` unpacks group c
 * (values c * VALUE_GROUP ..) into `out` at `offset` + its first index. An indexed column unpacks that
 * group alone and knows each group's highest and lowest value without unpacking it (`summarised`); raw
 * doubles are read where they lie; a column packed before the index existed is unpacked whole on
 * the first load. Not for "same as close" columns (read the closes instead). Its tables live in
 * `tables` (its own unless given), from slot `base`.
 */
export class ValueGroups {
  readonly groups: number;
  /** Each group's highest and lowest value and their first positions (indices in the column), when indexed. */
  readonly summarised: boolean;
  private readonly mode: number;
  private readonly p10: number;
  private readonly m0: number;
  private readonly index: number;
  private readonly blocks: number;
  private readonly base: number;
  private indexRead = false;

  constructor(
    private readonly bytes: Uint8Array,
    readonly length: number,
    private readonly out: Float64Array,
    private readonly offset: number,
    private readonly tables: GroupTables = new GroupTables(Math.ceil(length / BLOCK)),
  ) {
    const layout = valueLayout(bytes);
    this.mode = layout.mode;
    this.p10 = layout.p10;
    this.m0 = layout.m0;
    this.index = layout.index;
    this.blocks = layout.blocks;
    if (this.mode === SAME_AS_CLOSE) throw new Error('snapshot: adjusted closes stored as the closes');
    if (this.mode === RAW && bytes.length < 1 + length * 8) throw new Error('snapshot segment truncated');
    this.groups = Math.ceil(length / BLOCK);
    this.base = tables.take(this.groups);
    this.summarised = this.index >= 0;
  }

  isLoaded(c: number): boolean {
    return this.tables.loaded[this.base + c] === 1;
  }

  /** Unpacks group `c` (once). */
  load(c: number): void {
    const t = this.tables;
    if (t.loaded[this.base + c] === 1) return;
    const from = c * BLOCK;
    const to = Math.min(from + BLOCK, this.length);
    if (this.mode === RAW) {
      const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
      for (let i = from; i < to; i++) this.out[this.offset + i] = view.getFloat64(1 + i * 8, true);
      t.loaded[this.base + c] = 1;
    } else if (this.index < 0) {
      decodeValuesInto(this.bytes, this.length, this.out, this.offset);
      t.loaded.fill(1, this.base, this.base + this.groups);
    } else {
      this.readIndex();
      const m = t.starts[this.base + c]!;
      this.out[this.offset + from] = m / this.p10;
      // group c's values after its first are the first diffs of block c (values 128c + 1 ..)
      const count = to - from - 1;
      if (count > 0) {
        const at = t.blockAt[this.base + c]!;
        unpackDiffs(this.bytes, at + 1, this.bytes[at]!, count, m, this.p10, this.out, this.offset + from + 1);
      }
      t.loaded[this.base + c] = 1;
    }
  }

  /** The highest value of group `c` (summarised columns only). */
  high(c: number): number {
    if (!this.indexRead) this.readIndex();
    return this.tables.highs[this.base + c]!;
  }
  /** The first index (in the column) of group `c`'s highest value. */
  highIndex(c: number): number {
    if (!this.indexRead) this.readIndex();
    return this.tables.highAt[this.base + c]!;
  }
  low(c: number): number {
    if (!this.indexRead) this.readIndex();
    return this.tables.lows[this.base + c]!;
  }
  lowIndex(c: number): number {
    if (!this.indexRead) this.readIndex();
    return this.tables.lowAt[this.base + c]!;
  }

  private readIndex(): void {
    if (this.indexRead) return;
    if (this.index < 0) throw new Error('snapshot: this value column has no group index');
    const { starts, highs, lows, highAt, lowAt, blockAt } = this.tables;
    const bytes = this.bytes;
    const g = this.groups;
    const p10 = this.p10;
    const base = this.base;
    let pos = this.index;
    // varints read inline: some 200 per 5,000 values
    const varint = (): number => {
      let b = bytes[pos++]!;
      if (b < 0x80) return b;
      let v = b & 0x7f;
      let scale = 0x80;
      for (;;) {
        if (pos >= bytes.length) throw new Error('snapshot segment truncated');
        b = bytes[pos++]!;
        v += (b & 0x7f) * scale;
        if (b < 0x80) return v;
        scale *= 0x80;
      }
    };
    let m = this.m0;
    for (let c = 0; c < g; c++) {
      if (c > 0) m += unzigzag(varint());
      starts[base + c] = m;
      highs[base + c] = (m + varint()) / p10;
      highAt[base + c] = c * BLOCK + bytes[pos++]!;
      lows[base + c] = (m - varint()) / p10;
      lowAt[base + c] = c * BLOCK + bytes[pos++]!;
    }
    if (pos !== this.blocks) throw new Error('snapshot: group index damaged');
    // block c (the differences of values 128c + 1 ..) starts after the earlier blocks: their width bytes
    // and bits, found by stepping over them
    pos = this.blocks;
    for (let c = 0; c < g && c * BLOCK < this.length - 1; c++) {
      blockAt[base + c] = pos;
      if (pos >= bytes.length) throw new Error('snapshot segment truncated');
      const count = Math.min(BLOCK, this.length - 1 - c * BLOCK);
      pos += 1 + Math.ceil((count * bytes[pos]!) / 8);
    }
    if (pos > bytes.length) throw new Error('snapshot segment truncated');
    this.indexRead = true;
  }
}

/** Whether a packed value column is stored as "same as the closes" (one byte). */
export function sameAsClose(bytes: Uint8Array): boolean {
  return bytes.length === 1 && bytes[0] === SAME_AS_CLOSE;
}

/** Bit-for-bit equal columns (NaN equals NaN). */
function sameColumn(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
