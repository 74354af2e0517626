/**
 * Reads a CSV file line by line as a stream, plain or gzip (told apart by the magic bytes 1f 8b, not
 * by the name), so a large file is never one string in memory. Used for the header, the first few
 * lines, and on the error path to find a line number.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { DataError } from '../../domain/errors.js';

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

/** The physical lines of the file (without line ends), numbered from 1. Stops early if the caller breaks. */
export async function* readLines(path: string, gzip: boolean): AsyncGenerator<string> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } catch (e) {
    throw new DataError(`${path}: cannot read (${(e as Error).message})`, { file: path, cause: e });
  } finally {
    lines.close();
    raw.destroy();
  }
}

export interface FileHead {
  readonly gzip: boolean;
  /** The first lines (at most `maxLines`). */
  readonly lines: readonly string[];
  /** The line ending of the first line. */
  readonly newline: '\n' | '\r\n';
}

export async function readHead(path: string, maxLines = 12): Promise<FileHead> {
  checkReadable(path);
  const gzip = isGzipFile(path);
  const lines: string[] = [];
  for await (const line of readLines(path, gzip)) {
    lines.push(line);
    if (lines.length >= maxLines) break;
  }
  return { gzip, lines, newline: await firstLineEnding(path, gzip) };
}

async function firstLineEnding(path: string, gzip: boolean): Promise<'\n' | '\r\n'> {
  const raw = createReadStream(path, { start: 0, highWaterMark: 1 << 16 });
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const i = chunk.indexOf(0x0a);
      if (i >= 0) return i > 0 && chunk[i - 1] === 0x0d ? '\r\n' : '\n';
    }
  } catch {
    // an unreadable gzip stream is reported by the caller's full read
  } finally {
    raw.destroy();
  }
  return '\n';
}
