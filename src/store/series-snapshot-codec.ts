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
 */

const BLOCK = 128;
const RAW = 0xff;
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
      const w = new ByteWriter(8 + n * 2);
      w.byte(k);
      w.varint(n === 0 ? 0 : zigzag(Math.round(values[0]! * p)));
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
  const r = new ByteReader(bytes);
  const mode = r.byte();
  if (mode === SAME_AS_CLOSE) {
    if (close === undefined) throw new Error('snapshot: adjusted closes refer to closes that were not read');
    out.set(close.subarray(offset, offset + n), offset);
    return;
  }
  if (mode === RAW) {
    if (bytes.length < 1 + n * 8) throw new Error('snapshot segment truncated');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n; i++) out[offset + i] = view.getFloat64(1 + i * 8, true);
    return;
  }
  if (mode > MAX_DECIMALS) throw new Error(`snapshot: unknown value encoding ${mode}`);
  if (n === 0) return;
  const p10 = POW10[mode]!;
  let m = unzigzag(r.varint());
  out[offset] = m / p10;
  let k = offset + 1;
  for (let start = 0; start < n - 1; start += BLOCK) {
    const count = Math.min(BLOCK, n - 1 - start);
    const width = r.byte();
    if (width === 0) {
      for (let i = 0; i < count; i++) out[k++] = m / p10;
      continue;
    }
    const p = r.pos;
    if (width <= WINDOW_WIDTH) {
      const mask = (1 << width) - 1;
      const fast = windowSafeCount(bytes.length, p, width, count);
      let bit = 0;
      for (let i = 0; i < fast; i++) {
        const q = p + (bit >>> 3);
        const z =
          ((bytes[q]! | (bytes[q + 1]! << 8) | (bytes[q + 2]! << 16) | (bytes[q + 3]! << 24)) >>> (bit & 7)) & mask;
        m += (z >>> 1) ^ -(z & 1); // zigzag back to signed (z < 2^31)
        out[k++] = m / p10;
        bit += width;
      }
      for (let i = fast; i < count; i++) {
        const z = unpackAt(bytes, p, width, i);
        m += (z >>> 1) ^ -(z & 1);
        out[k++] = m / p10;
      }
    } else {
      for (let i = 0; i < count; i++) {
        const z = unpackAt(bytes, p, width, i);
        m += (z >>> 1) ^ -(z & 1); // zigzag back to signed (z < 2^31)
        out[k++] = m / p10;
      }
    }
    r.pos = p + Math.ceil((count * width) / 8);
  }
  if (r.pos > bytes.length) throw new Error('snapshot segment truncated');
}

/** Bit-for-bit equal columns (NaN equals NaN). */
function sameColumn(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
