/**
 * Works out what a CSV file holds from its header, whatever the column order: which column is the
 * date, the symbol (long layout), open/high/low/close/adj close/volume, or, for a file without dates
 * (`Ticker,Company`), a list of symbols and their names.
 *
 * Layouts recognised (names are matched case-insensitively, ignoring spaces and underscores):
 * - yahoo: Date, Open, High, Low, Close, Adj Close, Volume
 * - stooq: Date, Open, High, Low, Close, Volume (adj close = close)
 * - close-only: Date, Close (adj close = close) and adj-close-only: Date, Adj Close (close = adj close)
 * - long: any of the above plus a Symbol, Ticker or Name column, many symbols in one file
 * - symbol-list: Symbol/Ticker plus Company/Name/Security, and no Date
 */
import { DataError } from '../../domain/errors.js';
import { visible } from '../../domain/visible-text.js';
import type { CsvRole } from '../../store/price-store.js';

export type LayoutName = 'yahoo' | 'stooq' | 'close-only' | 'adj-close-only' | 'ohlc' | 'long' | 'symbol-list';

export interface CsvLayout {
  readonly name: LayoutName;
  readonly columns: readonly string[];
  /** Column index of each price role present (prices layouts only). */
  readonly roles: Readonly<Partial<Record<CsvRole, number>>>;
  /** For a symbol list: the ticker and name columns. */
  readonly listColumns: { readonly ticker: number; readonly name: number | null } | null;
  /** Header names that mean nothing to the import (kept out, reported as a warning). */
  readonly ignored: readonly string[];
}

const ALIASES: Record<string, CsvRole> = {
  date: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  adjclose: 'adjClose',
  adjustedclose: 'adjClose',
  volume: 'volume',
  symbol: 'symbol',
  ticker: 'symbol',
};
const NAME_COLUMNS = new Set(['name', 'company', 'companyname', 'security']);

export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');
}

/**
 * @example detectCsvLayout(['Date', 'Close', 'High', 'Low', 'Open', 'Volume'], 'XLK.csv').name // 'stooq'
 */
export function detectCsvLayout(header: readonly string[], file: string): CsvLayout {
  const columns = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const delimiter = otherDelimiter(columns);
  if (delimiter !== null)
    throw new DataError(
      `${file} line 1: the columns are separated by '${delimiter === '\t' ? '\\t' : delimiter}' (header: ${visible(columns[0]!, 80)}); MarketDash reads comma-separated files: save it with ',' between columns and '.' as the decimal point`,
      { file, line: 1 },
    );
  const roles: Partial<Record<CsvRole, number>> = {};
  const ignored: string[] = [];
  const seen = new Map<string, number>();
  let nameColumn: number | null = null;
  columns.forEach((col, i) => {
    const key = normaliseHeader(col);
    if (key === '') {
      ignored.push(`(unnamed column ${i + 1})`);
      return;
    }
    if (seen.has(key))
      throw new DataError(`${file} line 1: column '${col}' appears twice in the header`, { file, line: 1 });
    seen.set(key, i);
    const role = ALIASES[key];
    if (role !== undefined && roles[role] === undefined) roles[role] = i;
    else if (NAME_COLUMNS.has(key) && nameColumn === null) nameColumn = i;
    else ignored.push(col);
  });
  for (const col of ignored) {
    const meant = likelyMeant(normaliseHeader(col), roles);
    if (meant !== null) {
      throw new DataError(
        `${file} line 1: column '${visible(col, 40)}' is not a known column: did you mean '${meant}'? (rename it; as it is, its values would be left out)`,
        { file, line: 1 },
      );
    }
  }
  // `Name` is the symbol column of a long file that has no Symbol/Ticker column
  if (roles.symbol === undefined && nameColumn !== null && roles.date !== undefined) {
    roles.symbol = nameColumn;
    nameColumn = null;
  }
  if (roles.date === undefined) {
    if (roles.symbol !== undefined) {
      return {
        name: 'symbol-list',
        columns,
        roles: {},
        listColumns: { ticker: roles.symbol, name: nameColumn },
        ignored: [],
      };
    }
    throw new DataError(`${file} line 1: no Date column (header: ${visible(columns.join(','))})`, { file, line: 1 });
  }
  if (roles.close === undefined && roles.adjClose === undefined) {
    throw new DataError(`${file} line 1: no Close or Adj Close column (header: ${visible(columns.join(','))})`, {
      file,
      line: 1,
    });
  }
  if (nameColumn !== null) ignored.push(columns[nameColumn]!);
  return { name: layoutName(roles), columns, roles, listColumns: null, ignored };
}

/**
 * The delimiter of a header that is one cell when split at commas but several at ';', a tab or '|' (a
 * spreadsheet's "CSV" in a locale with decimal commas: `Date;Close;High`), or null. Such files are refused,
 * not read: their numbers often use a decimal comma too, which no delimiter detection can tell apart safely.
 */
function otherDelimiter(columns: readonly string[]): string | null {
  if (columns.length !== 1) return null;
  for (const d of [';', '\t', '|']) if (columns[0]!.split(d).length > 1) return d;
  return null;
}

const DISPLAY: Record<string, string> = {
  date: 'Date',
  open: 'Open',
  high: 'High',
  low: 'Low',
  close: 'Close',
  adjclose: 'Adj Close',
  volume: 'Volume',
  symbol: 'Symbol',
  ticker: 'Ticker',
};

/**
 * The column a misspelt header most likely means (`Hihg` -> High, `Volum` -> Volume): one edit away
 * (a letter added, dropped, changed or two swapped) from a known name whose role the header lacks.
 */
function likelyMeant(key: string, roles: Partial<Record<CsvRole, number>>): string | null {
  if (key.length < 3) return null;
  for (const [alias, role] of Object.entries(ALIASES)) {
    if (roles[role] !== undefined) continue;
    if (editDistance(key, alias) <= 1) return DISPLAY[alias] ?? alias;
  }
  return null;
}

/** Optimal string alignment distance (Levenshtein plus swaps of two neighbours). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

function layoutName(roles: Partial<Record<CsvRole, number>>): LayoutName {
  if (roles.symbol !== undefined) return 'long';
  const has = (r: CsvRole) => roles[r] !== undefined;
  const ohlc = has('open') && has('high') && has('low') && has('close');
  if (ohlc && has('adjClose') && has('volume')) return 'yahoo';
  if (ohlc && has('volume') && !has('adjClose')) return 'stooq';
  if (!has('open') && !has('high') && !has('low') && !has('volume')) {
    if (has('close') && !has('adjClose')) return 'close-only';
    if (has('adjClose') && !has('close')) return 'adj-close-only';
  }
  return 'ohlc';
}
