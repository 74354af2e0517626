/**
 * Reading the notes `check` is given, safely: files, folders (every .txt, .md, .markdown, .html and
 * .htm under them, sorted) or standard input. Each input is at most `maxBytes` (default 2 MB, a
 * month of columns is far less), checked before it is read; binary input (a NUL byte, bytes that are
 * not UTF-8, or mostly control characters) is refused with one line naming the file. Names echoed
 * in messages show control characters escaped, so no input can drive the terminal.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { DataError, UsageError } from '../../domain/errors.js';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const NOTE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.text']);

export interface NoteInput {
  /** The path as given (or '-' for standard input). */
  readonly name: string;
  readonly text: string;
}

/** `text` with control characters shown as escapes (`\x1b`, `\0`), for messages and echoed names. */
export function visible(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) =>
    c === '\0' ? '\\0' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** The text of some bytes, or a UsageError saying why they are not text. */
export function decodeNote(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new UsageError(
      `FILE: '${visible(name)}' is not text (a NUL byte at offset ${nul}): check reads plain text, Markdown or HTML`,
      { parameter: 'FILE' },
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `FILE: '${visible(name)}' is not UTF-8 text: check reads plain text, Markdown or HTML (save it as UTF-8)`,
      { parameter: 'FILE' },
    );
  }
  const sample = text.slice(0, 65536);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 16 && controls / sample.length > 0.02)
    throw new UsageError(
      `FILE: '${visible(name)}' is not text (${controls} control characters in its first ${sample.length}): check reads plain text, Markdown or HTML`,
      { parameter: 'FILE' },
    );
  return text.replace(/^\uFEFF/, '');
}

function tooBig(name: string, maxBytes: number): UsageError {
  return new UsageError(
    `FILE: '${visible(name)}' is over the ${maxBytes}-byte limit for one note (raise it with --max-bytes)`,
    { parameter: 'FILE' },
  );
}

function readLimited(fd: number, name: string, maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(65536);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw tooBig(name, maxBytes);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** A note that is missing or unreadable: a data problem (exit 1), as an import file's is (docs/cli.md). */
function cannotRead(name: string, e: unknown): DataError {
  return new DataError(`cannot read '${visible(name)}': ${fileProblem(e)}`, { file: name, cause: e });
}

/** Why a file could not be read, in words (`no such file`), not an errno code. */
export function fileProblem(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}

/** Why a file could not be written, in words: a missing folder is named (`the folder out/ does not exist`). */
export function writeProblem(path: string, e: unknown): string {
  return (e as NodeJS.ErrnoException).code === 'ENOENT'
    ? `the folder ${dirname(resolve(path))} does not exist`
    : fileProblem(e);
}

function readFile(path: string, maxBytes: number): NoteInput {
  let fd: number;
  try {
    const st = statSync(path);
    if (st.size > maxBytes) throw tooBig(path, maxBytes);
    fd = openSync(path, 'r');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw cannotRead(path, e);
  }
  try {
    return { name: path, text: decodeNote(readLimited(fd, path, maxBytes), path) };
  } finally {
    closeSync(fd);
  }
}

function folderFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...folderFiles(p));
    else if (e.isFile() && NOTE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

/** Every note named by `args` (files, folders, or '-' for standard input), each read whole or refused. */
export function readNoteInputs(
  args: readonly string[],
  maxBytes = DEFAULT_MAX_BYTES,
  /** Standard input (the CLI client's, when `serve` runs the command for it). */
  readStdin: () => Uint8Array = () => readLimited(0, 'standard input', maxBytes),
): NoteInput[] {
  if (!(Number.isInteger(maxBytes) && maxBytes > 0))
    throw new UsageError(`--max-bytes: '${maxBytes}' must be a whole number of bytes above 0`, {
      parameter: '--max-bytes',
    });
  const out: NoteInput[] = [];
  for (const a of args) {
    if (a === '-') {
      const bytes = readStdin();
      if (bytes.length > maxBytes) throw tooBig('standard input', maxBytes);
      out.push({ name: '-', text: decodeNote(bytes, 'standard input') });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(a).isDirectory();
    } catch (e) {
      throw cannotRead(a, e);
    }
    if (!isDir) {
      out.push(readFile(a, maxBytes));
      continue;
    }
    const files = folderFiles(a);
    if (files.length === 0)
      throw new UsageError(`FILE: the folder '${visible(a)}' holds no .txt, .md, .html or .htm note`, {
        parameter: 'FILE',
      });
    for (const f of files) out.push(readFile(f, maxBytes));
  }
  return out;
}
