/**
 * The `import` use-case: CSV files (any layout csv-layout.ts knows, plain or gzip) into the store as
 * one all-or-nothing upsert. This service reads only the head of each file (header, junk lines) and
 * hands the bulk work to the store's native loader; on a bad row it re-reads that one file to name
 * the line. After a successful import it warns about suspected unadjusted splits and recomputes the
 * stored baskets.
 */

import { detectSuspectedSplits } from '../../analytics/data-quality/split-detection.js';
import { barDateBounds, type DateBounds, DEFAULT_READ_LIMITS, type ReadLimits } from '../../domain/data-limits.js';
import { ensureDefined } from '../../domain/ensure.js';
import { DataError, UsageError } from '../../domain/errors.js';
import {
  guessKind,
  normaliseTicker,
  SYMBOL_NAME_MAX_LENGTH,
  type SymbolInfo,
  tickerProblem,
} from '../../domain/symbol-info.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { hasControlCharacters, visible } from '../../domain/visible-text.js';
import type { CsvFileOutcome, CsvFileSpec, CsvProblem, PriceStore } from '../../store/price-store.js';
import type { BasketRefresh } from '../baskets/basket-refresh-text.js';
import { splitCsvLine } from './csv-fields.js';
import { inflatedTooLarge, type LineEnding, lineTooLong, readHead, readLines } from './csv-file-reader.js';
import { type CsvLayout, detectCsvLayout, type LayoutName, normaliseHeader } from './csv-layout.js';
import { type FredFile, isFredHeader, readFredFile } from './fred-file.js';
import {
  type DataFile,
  findConflictingDuplicate,
  findFirstBadLine,
  findKeyLines,
  findMixedLineEnding,
  type LocatedProblem,
} from './line-locator.js';
import { scanRawFile } from './raw-scan.js';
import { isJunkLine } from './row-rules.js';
import { symbolFromPath } from './symbol-from-path.js';

/** Files with more rows than this are not scanned for suspected splits (reading them back costs). */
export const SPLIT_CHECK_MAX_ROWS = 2_000_000;
export const CSV_SOURCE = 'csv';

export interface ImportRequest {
  readonly files: readonly string[];
  /** The ticker for a single-symbol file (else the file name stem). */
  readonly symbol?: string | undefined;
  /** Replace stored bars whose close differs even when the file lacks fields they have (see PriceStore). */
  readonly replace?: boolean;
  /** Line and inflated-size limits (default 1 MiB a line, 4 GiB inflated). */
  readonly limits?: Partial<ReadLimits>;
  /** The clock for the date bounds (tests); default now. */
  readonly now?: Date;
  readonly onProgress?: (event: ImportProgress) => void;
}

export interface ImportProgress {
  readonly fileIndex: number;
  readonly fileCount: number;
  readonly path: string;
  readonly phase: 'read' | 'check' | 'write';
  /** 0..1 within the phase. */
  readonly fraction: number;
}

export interface ImportWarning {
  readonly file: string;
  /** The line the warning is about, when there is one. */
  readonly line: number | null;
  readonly message: string;
}

export interface ImportedFile {
  readonly path: string;
  /** `fred` for FRED's `observation_date,SERIES` files (stored as kind `rate`). */
  readonly layout: LayoutName | 'fred';
  readonly rows: number;
  readonly symbols: readonly string[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly warnings: readonly ImportWarning[];
}

export interface ImportReport {
  readonly files: readonly ImportedFile[];
  readonly rowsSeen: number;
  /** Bars inserted or changed: 0 when the same files are imported again. */
  readonly rowsChanged: number;
  /** Symbols whose names a symbol list set. */
  readonly namesSet: number;
  readonly baskets: readonly BasketRefresh[];
}

interface PlannedFile {
  readonly path: string;
  /** A FRED file, read whole while planning and written with writeBars after the CSV load. */
  readonly fred?: FredFile;
  readonly layout: CsvLayout;
  readonly warnings: ImportWarning[];
  /** Price files: what the store loads. */
  readonly data: (DataFile & { readonly newline: LineEnding; readonly hasData: boolean }) | null;
  /** Symbol lists: ticker -> name. */
  readonly names: Map<string, string | null> | null;
}

const EMPTY_OUTCOME = { problems: [], files: [], rowsChanged: 0, rowsSeen: 0 } as const;

export async function importFiles(store: PriceStore, request: ImportRequest): Promise<ImportReport> {
  if (request.files.length === 0) throw new UsageError('import: give at least one file', { parameter: 'files' });
  const symbol = request.symbol === undefined ? undefined : normaliseTicker(request.symbol);
  if (symbol !== undefined) {
    const problem = tickerProblem(symbol);
    if (problem !== null) throw new UsageError(`--symbol: ${problem}`, { parameter: '--symbol' });
  }
  const limits = readLimits(request.limits);
  const bounds = barDateBounds(request.now);
  if (symbol !== undefined && request.files.length > 1) {
    throw new UsageError(`--symbol names the ticker of one file, but ${request.files.length} files were given`, {
      parameter: '--symbol',
    });
  }
  const planned: PlannedFile[] = [];
  for (const path of request.files) planned.push(await planFile(path, symbol, limits, bounds));
  // the basket refresh after the write brings the universe config and zod (some 0.08 s to load): loaded
  // while DuckDB imports on its own threads
  const basketRefresh = import('../baskets/refresh-baskets.js');
  basketRefresh.catch(() => undefined);

  const dataFiles = planned.filter((p) => p.data !== null);
  const specs: CsvFileSpec[] = dataFiles.map((p) => ({
    path: p.path,
    gzip: p.data!.gzip,
    columns: p.layout.columns,
    roles: p.layout.roles,
    skipLines: p.data!.skipLines,
    newline: p.data!.newline,
    hasData: p.data!.hasData,
    symbol: p.data!.symbol,
    source: CSV_SOURCE,
  }));
  const symbolInfos = await namedSymbols(store, planned);
  // FRED files were read whole while planning (a bad line already stopped the import): their series
  // go in the same transaction as the CSV files' rows, so a mixed import is all or nothing
  const fredFiles = planned.filter((p) => p.fred !== undefined);
  const fredBatches = fredFiles.map((p) => ({ series: p.fred!.series, source: CSV_SOURCE }));
  const fredInfos = fredFiles.map((p) => p.fred!.info);
  const fredPaths = new Map<string, string>();
  for (const p of fredFiles) {
    const first = fredPaths.get(p.fred!.info.ticker);
    if (first !== undefined)
      throw new DataError(
        `${p.path}: series ${p.fred!.info.ticker} is in ${first} too; import one of them; nothing was imported`,
        { file: p.path },
      );
    fredPaths.set(p.fred!.info.ticker, p.path);
  }
  const onlyFred = fredFiles.length === planned.length;
  const outcome = onlyFred
    ? { ...EMPTY_OUTCOME, ...(await store.writeBars(fredBatches, fredInfos)) }
    : await store.importCsv(specs, {
        extraBatches: fredBatches,
        extraSymbols: fredInfos,
        symbols: symbolInfos,
        dateBounds: bounds,
        maxLineBytes: limits.maxLineBytes,
        replace: request.replace === true,
        verifyFile: async (i, signal) => {
          const found = await scanRawFile(dataFiles[i]!.data!, limits, bounds, signal);
          if (found === null) return null;
          return {
            fileIndex: i,
            kind: found.line === null ? 'limit' : 'row',
            line: found.line,
            symbol: null,
            date: null,
            message: found.message,
          };
        },
        onProgress: (e) =>
          request.onProgress?.({
            fileIndex: e.fileIndex,
            fileCount: specs.length,
            path: specs[e.fileIndex]?.path ?? '',
            phase: e.phase,
            fraction: e.fraction,
          }),
      });
  if (outcome.problems.length > 0) throw await explainProblem(dataFiles, outcome.problems, limits);
  const fred = fredReports(fredFiles);

  const files: ImportedFile[] = [];
  let dataIndex = 0;
  for (const p of planned) {
    if (p.fred !== undefined) {
      files.push(ensureDefined(fred.get(p), `FRED import report for ${p.path}`));
      continue;
    }
    if (p.data === null) {
      files.push({
        path: p.path,
        layout: p.layout.name,
        rows: 0,
        symbols: [...p.names!.keys()],
        firstDate: null,
        lastDate: null,
        warnings: p.warnings,
      });
      continue;
    }
    const o = outcome.files[dataIndex++]!;
    const warnings = [...p.warnings];
    if (o.exactDuplicates > 0)
      warnings.push({ file: p.path, line: null, message: `${o.exactDuplicates} repeated identical row(s) kept once` });
    if (o.rows === 0) warnings.push({ file: p.path, line: null, message: 'no data rows' });
    warnings.push(...(await splitWarningsOrNote(store, p.data, o)));
    files.push({
      path: p.path,
      layout: p.layout.name,
      rows: o.rows,
      symbols: o.symbols,
      firstDate: o.firstDate,
      lastDate: o.lastDate,
      warnings,
    });
  }
  const { rowsChanged, rowsSeen } = outcome;
  const baskets =
    rowsChanged > 0
      ? await (await basketRefresh).refreshBaskets(store, { changed: files.flatMap((f) => f.symbols) })
      : [];
  return { files, rowsSeen, rowsChanged, namesSet: symbolInfos.length, baskets };
}

/** The one ticker a junk line repeats in every cell but the date's (`,XLE,XLE,XLE`), or null. */
function junkLineTicker(fields: readonly string[], layout: CsvLayout): string | null {
  const dateCol = layout.roles.date;
  const dateCell = dateCol === undefined ? '' : (fields[dateCol] ?? '').trim();
  if (dateCell !== '' && normaliseHeader(dateCell) !== 'ticker') return null;
  const cells = new Set(fields.filter((_, i) => i !== dateCol).map((f) => normaliseTicker(f)));
  if (cells.size !== 1) return null;
  const [only] = cells;
  return only !== undefined && tickerProblem(only) === null ? only : null;
}

/**
 * The ticker of a single-symbol file from its name (`NVDA.csv`, `BRK-B.csv`, `^VIX.csv.gz`), refused when the
 * name is no ticker or reads as a description (three or more words: `XLE-junk-second-line.csv`).
 */
function fileNameTicker(path: string): string {
  const ticker = symbolFromPath(path);
  if (ticker === '')
    throw new UsageError(`cannot tell the symbol of ${path} from its name: use --symbol`, { parameter: '--symbol' });
  const problem = tickerProblem(ticker);
  if (problem !== null)
    throw new UsageError(`the name of ${path} is no ticker: ${problem}; give one with --symbol`, {
      parameter: '--symbol',
    });
  const words = ticker.replace(/^\^/, '').split(/[-_.]+/).length;
  if (words > 2)
    throw new UsageError(
      `the name of ${path} does not look like a ticker ('${ticker}' is ${words} words; tickers are one or two, as NVDA or BRK-B) and no line of the file names one; give the ticker with --symbol`,
      { parameter: '--symbol' },
    );
  return ticker;
}

function readLimits(given: Partial<ReadLimits> | undefined): ReadLimits {
  const limits = { ...DEFAULT_READ_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1024)
      throw new UsageError(`${name}: ${value} is not a byte count of at least 1024`, { parameter: name });
  }
  return limits;
}

/** Reads the head of one file: layout, symbol, lines to skip (with a warning for each junk line). */
async function planFile(
  path: string,
  symbol: string | undefined,
  limits: ReadLimits,
  bounds: DateBounds,
): Promise<PlannedFile> {
  const head = await readHead(path, 16, limits);
  const headerIndex = head.lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new DataError(`${path}: the file is empty (no header line)`, { file: path, line: 1 });
  if (head.lines[headerIndex]!.includes('\u0000'))
    throw new DataError(
      `${path} line ${headerIndex + 1}: NUL bytes in the header: the file looks like UTF-16 or binary; save it as UTF-8 text`,
      { file: path, line: headerIndex + 1 },
    );
  const header = splitCsvLine(head.lines[headerIndex]!);
  if (isFredHeader(header)) {
    const fred = await readFredFile(path, head.gzip, symbol, bounds);
    const layout = { name: 'close-only', columns: header, roles: {}, listColumns: null, ignored: [] } as const;
    return { path, fred, layout, warnings: [], data: null, names: null };
  }
  const layout = detectCsvLayout(header, path);
  const warnings: ImportWarning[] = [];
  if (layout.ignored.length > 0)
    warnings.push({ file: path, line: headerIndex + 1, message: `ignored column(s): ${layout.ignored.join(', ')}` });
  if (layout.name === 'symbol-list') {
    if (symbol !== undefined)
      throw new UsageError(`--symbol does not apply to ${path}: it is a list of symbols`, { parameter: '--symbol' });
    return { path, layout, warnings, data: null, names: await readSymbolList(path, head.gzip, layout, limits) };
  }
  if (layout.roles.symbol !== undefined && symbol !== undefined) {
    throw new UsageError(`--symbol does not apply to ${path}: it has a ${layout.columns[layout.roles.symbol]} column`, {
      parameter: '--symbol',
    });
  }
  // lines between the header and the first data row: blank ones, and junk left by download tools
  let skipLines = headerIndex + 1;
  const junk: { line: number; text: string; ticker: string | null }[] = [];
  for (let i = headerIndex + 1; i < head.lines.length; i++) {
    const line = head.lines[i]!;
    if (line.trim() === '') {
      skipLines = i + 1;
      continue;
    }
    const fields = splitCsvLine(line);
    if (!isJunkLine(fields, layout)) break;
    junk.push({ line: i + 1, text: line.trim(), ticker: junkLineTicker(fields, layout) });
    skipLines = i + 1;
  }
  // a download tool's ticker line (`,XLE,XLE,XLE,XLE,XLE`, yfinance) names the file's symbol: it is taken over
  // the file name, which is often a description (`XLE-junk-second-line.csv`); --symbol still decides
  const named = layout.roles.symbol === undefined ? (junk.find((j) => j.ticker !== null) ?? null) : null;
  const ticker = layout.roles.symbol !== undefined ? null : (symbol ?? named?.ticker ?? fileNameTicker(path));
  for (const j of junk) {
    let said = '';
    if (j === named && named.ticker !== ticker)
      said = `; it names ${named.ticker}, stored as ${ticker} as --symbol says`;
    else if (j === named && symbolFromPath(path) !== ticker)
      said = `; symbol ${ticker} taken from it (not ${visible(symbolFromPath(path), 40)} from the file name; --symbol to choose)`;
    warnings.push({
      file: path,
      line: j.line,
      message: `skipped line ${j.line} ('${visible(j.text, 80)}'): not data (left by a download tool)${said}`,
    });
  }
  // a file of more than 16 lines has data after the skipped ones even if the head did not show it
  const hasData = head.lines.length >= 16 || head.lines.slice(skipLines).some((l) => l.trim() !== '');
  return {
    path,
    layout,
    warnings,
    data: {
      path,
      gzip: head.gzip,
      layout,
      skipLines,
      symbol: ticker,
      newline: head.newline,
      hasData,
      bounds,
      limits,
    },
    names: null,
  };
}

async function readSymbolList(
  path: string,
  gzip: boolean,
  layout: CsvLayout,
  limits: ReadLimits,
): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  const { ticker, name } = layout.listColumns!;
  let n = 0;
  for await (const line of readLines(path, gzip, limits)) {
    n++;
    if (n === 1 || line.trim() === '') continue;
    const fields = splitCsvLine(line);
    const t = normaliseTicker(fields[ticker] ?? '');
    if (t === '') throw new DataError(`${path} line ${n}: missing ${layout.columns[ticker]}`, { file: path, line: n });
    const problem = tickerProblem(t);
    if (problem !== null)
      throw new DataError(`${path} line ${n}: ${layout.columns[ticker]}: ${problem}; nothing was imported`, {
        file: path,
        line: n,
      });
    const text = name === null ? '' : (fields[name] ?? '').trim();
    if (text.length > SYMBOL_NAME_MAX_LENGTH || hasControlCharacters(text))
      throw new DataError(
        `${path} line ${n}: name '${visible(text, 40)}' is longer than ${SYMBOL_NAME_MAX_LENGTH} characters or has control characters; nothing was imported`,
        { file: path, line: n },
      );
    names.set(t, text === '' ? null : text);
  }
  return names;
}

/** Symbol info for the names from symbol lists, keeping each known symbol's kind and currency. */
async function namedSymbols(store: PriceStore, planned: readonly PlannedFile[]): Promise<SymbolInfo[]> {
  const names = new Map<string, string | null>();
  for (const p of planned) if (p.names) for (const [t, n] of p.names) names.set(t, n);
  const out: SymbolInfo[] = [];
  for (const [ticker, name] of names) {
    const known = await store.getSymbol(ticker);
    out.push({
      ticker,
      name: name ?? known?.name ?? null,
      kind: known?.kind ?? guessKind(ticker),
      currency: known?.currency ?? 'USD',
    });
  }
  return out;
}

/** Turns the store's first problem into a DataError naming the file and the line. */
async function explainProblem(
  files: readonly PlannedFile[],
  problems: readonly CsvProblem[],
  limits: ReadLimits,
): Promise<DataError> {
  const p = ensureDefined(problems[0], 'first CSV problem to explain');
  const file = files[p.fileIndex]!;
  const data = file.data!;
  const others = new Set(problems.map((q) => q.fileIndex)).size - 1;
  const more = others > 0 ? ` (and problems in ${others} other file(s))` : '';
  if (p.kind === 'limit') {
    // a long line found by the reader, or a gzip inflating past its limit (found by the byte scan)
    if (p.line !== null) return lineTooLong(file.path, p.line, limits);
    return inflatedTooLarge(file.path, limits);
  }
  let located: LocatedProblem | null;
  try {
    located = await locate(data, p);
  } catch (e) {
    // the re-read itself hit a limit (a line too long): that is the problem to report
    if (e instanceof DataError) return e;
    throw e;
  }
  if (located === null && p.line !== null) located = { line: p.line, message: visible(p.message, 200) };
  const where = located
    ? `line ${located.line}: ${located.message}`
    : `${p.symbol ?? ''} ${p.date ?? ''}: ${visible(p.message, 200)}`;
  return new DataError(`${file.path} ${where}; nothing was imported${more}`, {
    file: file.path,
    ...(located ? { line: located.line } : {}),
  });
}

/** The line a store problem is about, re-reading the file as the problem's kind needs. */
async function locate(data: DataFile, p: CsvProblem): Promise<LocatedProblem | null> {
  if (p.kind === 'duplicate' && p.symbol !== null && p.date !== null)
    return findConflictingDuplicate(data, p.symbol, p.date);
  if (p.kind === 'conflict' && p.symbol !== null && p.date !== null) {
    const key = `${p.symbol}|${p.date}`;
    const line = (await findKeyLines(data, new Set([key]))).get(key);
    return line === undefined ? null : { line, message: p.message };
  }
  if (p.kind === 'row' && p.line !== null) return { line: p.line, message: p.message };
  const bad = await findFirstBadLine(data);
  if (bad !== null) return bad;
  // the reader gave up where the row rules see nothing wrong: mixed line endings, or no rows read at all
  const mixed = await findMixedLineEnding(data);
  if (mixed !== null) return mixed;
  return p.line === null && p.kind === 'malformed'
    ? { line: data.skipLines + 1, message: visible(p.message, 200) }
    : null;
}

/** What one file wrote: its rows, symbols and date range (from the store's import outcome). */
type WrittenRows = Pick<CsvFileOutcome, 'rows' | 'symbols' | 'firstDate' | 'lastDate'>;

/** The split warnings; the import is committed by now, so a failure here becomes a warning, not an error. */
async function splitWarningsOrNote(store: PriceStore, file: DataFile, written: WrittenRows): Promise<ImportWarning[]> {
  try {
    return await splitWarnings(store, file, written);
  } catch (e) {
    return [{ file: file.path, line: null, message: `not checked for unadjusted splits: ${(e as Error).message}` }];
  }
}

/** Suspected unadjusted splits in what the file brought, with the line of each. */
async function splitWarnings(store: PriceStore, file: DataFile, written: WrittenRows): Promise<ImportWarning[]> {
  const { rows, symbols, firstDate, lastDate } = written;
  // one day per symbol (a daily update) holds no day-to-day move to look at: nothing to read back
  if (rows === 0 || firstDate === null || lastDate === null || firstDate === lastDate) return [];
  if (rows > SPLIT_CHECK_MAX_ROWS) {
    return [
      {
        file: file.path,
        line: null,
        message: `not checked for unadjusted splits (over ${SPLIT_CHECK_MAX_ROWS.toLocaleString('en-US')} rows)`,
      },
    ];
  }
  // closes alone: they come from the packed close snapshot, not a read of every bar column
  const series = await store.readMany(symbols, { from: firstDate, to: lastDate }, { columns: ['close'] });
  const found: { symbol: string; date: string; text: string }[] = [];
  for (const [ticker, s] of series) {
    for (const split of detectSuspectedSplits(s.dates, s.close)) {
      const date = formatIsoDate(split.date);
      found.push({
        symbol: ticker,
        date,
        text: `${ticker} closed at ${split.close.toFixed(2)} on ${date} after ${split.previousClose.toFixed(2)} (x${split.move.toFixed(3)}): looks like a ${split.label} ${split.ratio >= 1 ? 'split' : 'reverse split'} that was not back-adjusted`,
      });
    }
  }
  if (found.length === 0) return [];
  const lines = await findKeyLines(file, new Set(found.map((f) => `${f.symbol}|${f.date}`)));
  return found.map((f) => {
    const line = lines.get(`${f.symbol}|${f.date}`) ?? null;
    return { file: file.path, line, message: line === null ? f.text : `line ${line}: ${f.text}` };
  });
}

/** One report per FRED file (its series are written with the import's other files). */
function fredReports(fred: readonly PlannedFile[]): Map<PlannedFile, ImportedFile> {
  const files = new Map<PlannedFile, ImportedFile>();
  for (const p of fred) {
    const { series, info, blanks } = p.fred!;
    const n = series.dates.length;
    const warnings: ImportWarning[] = [];
    if (n === 0) warnings.push({ file: p.path, line: null, message: 'no data rows' });
    if (blanks > 0) warnings.push({ file: p.path, line: null, message: `${blanks} empty value(s) skipped (holidays)` });
    files.set(p, {
      path: p.path,
      layout: 'fred',
      rows: n,
      symbols: [info.ticker],
      firstDate: n === 0 ? null : formatIsoDate(ensureDefined(series.dates[0], `first day read from ${p.path}`)),
      lastDate: n === 0 ? null : formatIsoDate(series.dates[n - 1]!),
      warnings,
    });
  }
  return files;
}
