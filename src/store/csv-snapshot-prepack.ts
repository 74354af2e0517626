/**
 * The close snapshot of the symbols a CSV import brings new to the store, packed from the file's own
 * bytes while the store's bulk loader reads the same file (the two run side by side), so the import's
 * snapshot refresh writes these segments instead of reading the new rows back and packing them after
 * the load (1.5 M rows: the read-back and the packing took 0.35-0.4 s after the load, on about one core;
 * beside the load this reading and packing takes about 0.45 s of CPU on a core the load leaves partly idle).
 *
 * It reads only what it can read exactly as the loader does, and gives up otherwise:
 * - dates `YYYY-MM-DD`; closes and adjusted closes plain decimals (`123.4567`: digits, at most one point
 *   between digits, at most 15 significant digits), whose double is `m / 10^k`: one correctly rounded
 *   division of two exact doubles, so the correctly rounded value of the text, as the loader stores it;
 * - symbols already in their stored form (printable ASCII, no lower case, no space), no quote anywhere,
 *   plain files with `\n` or `\r\n` line ends.
 * Any other line it needs (in any file) drops everything (`usable` false), and the refresh reads the
 * bars back as before. A symbol already stored, met in two separate runs of lines (or two files) or
 * given twice for one day is left out (read back): repeats and rows meeting stored history are settled
 * in the bars, and only the bars know the outcome. A file whose first megabyte holds no new symbol (a
 * re-import, a daily update) is not read further.
 * The refresh takes a symbol's segments only when it has no stored segment and exactly as many new rows
 * in the bars as the lines read here (`take`): the lines read are then the rows loaded.
 */
import { open } from 'node:fs/promises';
import { daysFromCivil, daysInMonth } from '../domain/trading-date.js';
import type { CsvFileSpec } from './price-store.js';
import { packSegments, type SnapshotSegment } from './series-snapshot.js';

const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const DOT = 0x2e;
const DASH = 0x2d;
const ZERO = 0x30;
/** Digits a mantissa may have: below 10^15 < 2^53, so it and 10^k (k <= 15) are exact doubles. */
const MAX_DIGITS = 15;
const POW10 = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);
const CHUNK = 1 << 20;
const MAX_BUFFER = 64 << 20;
const STORED_FORM = /^[\x21-\x60\x7b-\x7e]+$/;

/** One symbol's packed segments and the source of its rows. */
export interface PrepackedSymbol {
  readonly rows: number;
  readonly segments: readonly SnapshotSegment[];
  readonly source: string;
}

/**
 * A plain decimal `digits[.digits]` in bytes [from, to) as the double a correctly rounding parser
 * gives, or NaN when the text is anything else (a sign, an exponent, spaces, more than 15 significant
 * digits).
 * @example plainDecimal(bytes('171.0536'), 0, 8) // 171.0536
 */
export function plainDecimal(buf: Uint8Array, from: number, to: number): number {
  let m = 0;
  let digits = 0;
  let point = -1;
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    const d = b - ZERO;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      if (m > 0 || point >= 0) digits++;
    } else if (b === DOT && point < 0 && i > from && i + 1 < to) point = i;
    else return Number.NaN;
  }
  if (to <= from || digits > MAX_DIGITS) return Number.NaN;
  return point < 0 ? m : m / POW10[to - point - 1]!;
}

/** `count` ASCII digits from `at` as a number, or -1. */
function digits(buf: Uint8Array, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const d = buf[i]! - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** What a file's lines are read with: its layout, and where the reading is. */
interface FileState {
  readonly source: string;
  readonly symbolCol: number;
  readonly dateCol: number;
  readonly closeCol: number;
  readonly adjCol: number;
  readonly lastCol: number;
  readonly crlf: boolean;
  /** Field starts of the current line (field k: starts[k] .. starts[k + 1] - 1). */
  readonly starts: Int32Array;
  skip: number;
  symbol: string | null;
  symbolBytes: Uint8Array;
  /** The current run's rows are read (a symbol new to the store, first met here). */
  active: boolean;
  monthKey: number;
  monthStart: number;
  monthDays: number;
}

export class CsvSnapshotPrepack {
  /** False once any line could not be read exactly: nothing is taken then. */
  usable = true;
  private readonly packed = new Map<string, PrepackedSymbol>();
  /** Symbols met in a run of lines so far (packed, stored or left out). */
  private readonly met = new Set<string>();
  private days = new Int32Array(8192);
  private closes = new Float64Array(8192);
  private adjCloses = new Float64Array(8192);
  private n = 0;
  /** Rows of new symbols read from the current chunk. */
  private fresh = 0;

  /** `stored`: the symbols the store holds bars of (their rows are left to the refresh's read-back). */
  constructor(private readonly stored: ReadonlySet<string>) {}

  /** Whether such files can be read at all (plain, `\n` or `\r\n`). */
  static canRead(files: readonly CsvFileSpec[]): boolean {
    return files.every((f) => !f.gzip && f.newline !== '\r');
  }

  /** Leaves these symbols to the read-back (the bars settled repeats of them). */
  leaveOut(symbols: Iterable<string>): void {
    for (const s of symbols) this.packed.delete(s);
  }

  /** The segments of `symbol` when it is new to the store and exactly `rows` of its rows were loaded. */
  take(symbol: string, rows: number): PrepackedSymbol | null {
    if (!this.usable) return null;
    const p = this.packed.get(symbol);
    return p !== undefined && p.rows === rows ? p : null;
  }

  /** Reads one file (the one the loader is reading); stops early when `signal` aborts. Never throws. */
  async read(file: CsvFileSpec, signal: AbortSignal): Promise<void> {
    if (!this.usable) return;
    if (file.gzip || file.newline === '\r') {
      this.usable = false;
      return;
    }
    try {
      await this.readFile(file, signal);
    } catch {
      // an unreadable file is reported by the loader
      this.usable = false;
    }
  }

  private async readFile(file: CsvFileSpec, signal: AbortSignal): Promise<void> {
    const symbolCol = file.roles.symbol ?? -1;
    const dateCol = file.roles.date!;
    const closeCol = file.roles.close ?? file.roles.adjClose!;
    const adjCol = file.roles.adjClose ?? file.roles.close!;
    const lastCol = Math.max(symbolCol, dateCol, closeCol, adjCol);
    const f: FileState = {
      source: file.source,
      symbolCol,
      dateCol,
      closeCol,
      adjCol,
      lastCol,
      crlf: file.newline === '\r\n',
      starts: new Int32Array(lastCol + 2),
      skip: file.skipLines,
      symbol: file.symbol,
      symbolBytes: new Uint8Array(0),
      active: false,
      monthKey: -1,
      monthStart: 0,
      monthDays: 0,
    };
    if (symbolCol < 0) f.active = this.startRun(file.symbol ?? '');
    const handle = await open(file.path, 'r');
    try {
      let buf = Buffer.allocUnsafe(2 * CHUNK);
      let filled = 0;
      let position = 0;
      for (let eof = false; !eof; ) {
        if (signal.aborted || !this.usable) return;
        if (filled + CHUNK > buf.length) {
          // a line longer than a chunk (the loader's line limit is 1 MiB unless raised)
          if (buf.length >= MAX_BUFFER) {
            this.usable = false;
            return;
          }
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, filled);
          buf = bigger;
        }
        const { bytesRead } = await handle.read(buf, filled, CHUNK, position);
        position += bytesRead;
        filled += bytesRead;
        eof = bytesRead === 0;
        // complete lines only, except at the end of the file
        const end = eof ? filled : buf.lastIndexOf(LF, filled - 1) + 1;
        if (end <= 0) continue;
        const quote = buf.indexOf(QUOTE);
        if (quote >= 0 && quote < end) {
          this.usable = false;
          return;
        }
        const headerLeft = f.skip > 0;
        this.fresh = 0;
        if (!this.parseLines(f, buf, end)) {
          this.usable = false;
          return;
        }
        // no new symbol in a whole chunk of data: the rest is left to the read-back (a symbol cut off
        // here has fewer rows than the bars, and is read back too)
        if (this.fresh === 0 && !headerLeft && !eof) return;
        buf.copy(buf, 0, end, filled);
        filled -= end;
      }
      if (f.active) this.endRun(f.symbol!, f.source);
    } finally {
      await handle.close();
    }
  }

  /** Reads the complete lines in buf[0, end); false when a line cannot be read exactly. */
  private parseLines(f: FileState, buf: Uint8Array, end: number): boolean {
    const { starts, lastCol, symbolCol, dateCol, closeCol, adjCol } = f;
    let ls = 0;
    while (ls < end) {
      // one pass over the line's bytes: its end, and the starts of the fields up to the last one needed
      // (a native indexOf per line costs more than this loop over 70 bytes)
      let col = 0;
      starts[0] = ls;
      let le = ls;
      for (; le < end; le++) {
        const b = buf[le]!;
        if (b === LF) break;
        if (b === COMMA && col <= lastCol) starts[++col] = le + 1;
      }
      const next = le + 1;
      let lineEnd = le;
      if (f.crlf && lineEnd > ls && buf[lineEnd - 1] === CR) lineEnd--;
      if (col <= lastCol) starts[col + 1] = lineEnd + 1;
      ls = next;
      if (f.skip > 0) {
        f.skip--;
        continue;
      }
      // a blank line: the loader skips it
      if (lineEnd === starts[0]) continue;
      // too few fields: the loader refuses the file
      if (col < lastCol) return false;
      if (symbolCol >= 0) {
        const s = starts[symbolCol]!;
        const e = starts[symbolCol + 1]! - 1;
        const prev = f.symbolBytes;
        let same = e - s === prev.length;
        for (let k = 0; same && k < prev.length; k++) same = buf[s + k] === prev[k];
        if (!same) {
          if (f.active) this.endRun(f.symbol!, f.source);
          const text = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1');
          // empty, lower case or spaces: the loader's rows are upper-cased and trimmed afterwards
          if (!STORED_FORM.test(text)) return false;
          f.symbolBytes = Uint8Array.from(buf.subarray(s, e));
          f.symbol = text;
          f.active = this.startRun(text);
        }
      }
      if (!f.active) continue;
      const ds = starts[dateCol]!;
      if (starts[dateCol + 1]! - 1 - ds !== 10 || buf[ds + 4] !== DASH || buf[ds + 7] !== DASH) return false;
      const y = digits(buf, ds, 4);
      const mo = digits(buf, ds + 5, 2);
      const d = digits(buf, ds + 8, 2);
      const key = y * 16 + mo;
      if (key !== f.monthKey) {
        if (!(y >= 0 && mo >= 1 && mo <= 12)) return false;
        f.monthKey = key;
        f.monthStart = daysFromCivil(y, mo, 1);
        f.monthDays = daysInMonth(y, mo);
      }
      const close = plainDecimal(buf, starts[closeCol]!, starts[closeCol + 1]! - 1);
      const adj = adjCol === closeCol ? close : plainDecimal(buf, starts[adjCol]!, starts[adjCol + 1]! - 1);
      if (!(d >= 1 && d <= f.monthDays) || Number.isNaN(close) || Number.isNaN(adj)) return false;
      this.push(f.monthStart + d - 1, close, adj);
    }
    return true;
  }

  private push(day: number, close: number, adj: number): void {
    if (this.n === this.days.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.days = grow(this.days);
      this.closes = grow(this.closes);
      this.adjCloses = grow(this.adjCloses);
    }
    this.days[this.n] = day;
    this.closes[this.n] = close;
    this.adjCloses[this.n] = adj;
    this.n++;
    this.fresh++;
  }

  /** A run of lines of `symbol` starts: whether its rows are read (a symbol new to the store, met first here). */
  private startRun(symbol: string): boolean {
    this.n = 0;
    if (this.met.has(symbol)) {
      // met before in another run or file: the bars settle how its runs combine
      this.packed.delete(symbol);
      return false;
    }
    this.met.add(symbol);
    return !this.stored.has(symbol);
  }

  private endRun(symbol: string, source: string): void {
    const { n } = this;
    if (n === 0) return;
    let days = this.days.subarray(0, n);
    let closes = this.closes.subarray(0, n);
    let adjCloses = this.adjCloses.subarray(0, n);
    let ascending = true;
    for (let i = 1; i < n && ascending; i++) ascending = days[i]! > days[i - 1]!;
    if (!ascending) {
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => days[a]! - days[b]!);
      // a day given twice: settled in the bars (repeats), read back
      for (let i = 1; i < n; i++) if (days[order[i]!] === days[order[i - 1]!]) return;
      const [d, c, a] = [days, closes, adjCloses];
      days = Int32Array.from(order, (i) => d[i]!);
      closes = Float64Array.from(order, (i) => c[i]!);
      adjCloses = Float64Array.from(order, (i) => a[i]!);
    }
    // packSegments copies what it keeps (the packed bytes), so the run's columns are reused
    this.packed.set(symbol, { rows: n, segments: packSegments(symbol, days, closes, adjCloses), source });
  }
}
