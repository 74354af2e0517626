/**
 * Reads a CSV file line by line as a stream, plain or gzip (told apart by the magic bytes 1f 8b, not
 * by the name), so a large file is never one string in memory. Used for the header, the first few
 * lines, and on the error path to find a line number.
 *
 * Lines end with LF, CRLF or a lone CR (old Mac files); each line reports its own ending so mixed
 * endings can be named. The read limits are enforced as bytes arrive: a line longer than the limit, or
 * a gzip that inflates past its limit, fails at once naming the file and line (a 1 GB line is never
 * gathered into one string, which Node cannot hold anyway).
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { DEFAULT_READ_LIMITS, formatBytes, type ReadLimits } from '../../domain/data-limits.js';
import { DataError } from '../../domain/errors.js';

export type LineEnding = '\n' | '\r\n' | '\r';

export interface LineRecord {
  readonly text: string;
  /** '' for a last line without an ending. */
  readonly ending: LineEnding | '';
}

export function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const n = readSync(fd, magic, 0, 2, 0);
    return n === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * The inflated size a gzip file declares in its last four bytes (ISIZE, modulo 2^32): checked up front so
 * a small file that claims gigabytes is refused before anything is inflated. The streaming count in
 * readLineRecords and the import's byte scan catch files whose trailer understates.
 */
export function checkGzipDeclaredSize(path: string, limits: ReadLimits): void {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < 18) return;
    const tail = Buffer.alloc(4);
    readSync(fd, tail, 0, 4, size - 4);
    const declared = tail.readUInt32LE(0);
    if (declared > limits.maxInflatedBytes) throw inflatedTooLarge(path, limits);
  } finally {
    closeSync(fd);
  }
}

export function inflatedTooLarge(path: string, limits: ReadLimits): DataError {
  return new DataError(
    `${path}: inflates to more than ${formatBytes(limits.maxInflatedBytes)} (the limit; raise it with --max-inflated-bytes); nothing was imported`,
    { file: path },
  );
}

export function lineTooLong(path: string, line: number, limits: ReadLimits): DataError {
  return new DataError(
    `${path} line ${line}: longer than ${formatBytes(limits.maxLineBytes)} (the line limit; raise it with --max-line-bytes); nothing was imported`,
    { file: path, line },
  );
}

/** Fails with a DataError naming the file when it is missing, a directory or unreadable. */
export function checkReadable(path: string): void {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch (e) {
    throw new DataError(`${path}: file not found`, { file: path, cause: e });
  }
  if (!isFile) throw new DataError(`${path}: not a file`, { file: path });
}

/** The physical lines of the file with their endings, numbered from 1. Stops early if the caller breaks. */
export async function* readLineRecords(
  path: string,
  gzip: boolean,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<LineRecord> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingCr = false; // the last chunk ended with CR: LF may follow in the next one
  let line = 0;
  let inflated = 0;
  const take = (chunk: Buffer, from: number, to: number): string => {
    const text =
      pending.length === 0
        ? chunk.toString('utf8', from, to)
        : Buffer.concat([...pending, chunk.subarray(from, to)]).toString('utf8');
    pending = [];
    pendingBytes = 0;
    return text;
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (gzip && inflated > limits.maxInflatedBytes) throw inflatedTooLarge(path, limits);
      let start = 0;
      if (pendingCr) {
        pendingCr = false;
        line++;
        const crlf = chunk[0] === 0x0a;
        yield { text: take(chunk, 0, 0), ending: crlf ? '\r\n' : '\r' };
        if (crlf) start = 1;
      }
      // the next LF and CR from `start`, each found once per pass over the chunk (not once per line)
      let lf = chunk.indexOf(0x0a, start);
      let cr = chunk.indexOf(0x0d, start);
      while (start < chunk.length) {
        if (lf >= 0 && lf < start) lf = chunk.indexOf(0x0a, start);
        if (cr >= 0 && cr < start) cr = chunk.indexOf(0x0d, start);
        const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        if (end < 0) break;
        if (pendingBytes + (end - start) > limits.maxLineBytes) throw lineTooLong(path, line + 1, limits);
        if (end === cr && end === chunk.length - 1) {
          // CR at the chunk's end: the ending is known only from the next chunk's first byte
          pending.push(chunk.subarray(start, end));
          pendingBytes += end - start;
          pendingCr = true;
          start = chunk.length;
          break;
        }
        line++;
        const ending: LineEnding = end === lf ? '\n' : chunk[end + 1] === 0x0a ? '\r\n' : '\r';
        yield { text: take(chunk, start, end), ending };
        start = end + ending.length;
      }
      if (start < chunk.length) {
        pendingBytes += chunk.length - start;
        if (pendingBytes > limits.maxLineBytes) throw lineTooLong(path, line + 1, limits);
        pending.push(Buffer.from(chunk.subarray(start)));
      }
    }
    if (pendingCr) yield { text: take(Buffer.alloc(0), 0, 0), ending: '\r' };
    else if (pendingBytes > 0) yield { text: take(Buffer.alloc(0), 0, 0), ending: '' };
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`${path}: cannot read (${(e as Error).message})`, { file: path, cause: e });
  } finally {
    raw.destroy();
  }
}

/** The physical lines of the file (without line ends), numbered from 1. Stops early if the caller breaks. */
export async function* readLines(
  path: string,
  gzip: boolean,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<string> {
  for await (const r of readLineRecords(path, gzip, limits)) yield r.text;
}

export interface FileHead {
  readonly gzip: boolean;
  /** The first lines (at most `maxLines`). */
  readonly lines: readonly string[];
  /** The line ending of the first line (LF when the file is one line without an ending). */
  readonly newline: LineEnding;
}

export async function readHead(
  path: string,
  maxLines = 12,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<FileHead> {
  checkReadable(path);
  const gzip = isGzipFile(path);
  if (gzip) checkGzipDeclaredSize(path, limits);
  const lines: string[] = [];
  let newline: LineEnding | null = null;
  for await (const r of readLineRecords(path, gzip, limits)) {
    lines.push(r.text);
    if (newline === null && r.ending !== '') newline = r.ending;
    if (lines.length >= maxLines) break;
  }
  return { gzip, lines, newline: newline ?? '\n' };
}
