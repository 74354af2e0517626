/**
 * The import rules for one data row, as plain functions. The store checks the same rules in bulk (in
 * SQL); these run only on the error path, re-reading the file to name the first bad line and say
 * what is wrong. The rules (docs/data-rules-and-limits.md): exactly as many cells as header columns;
 * numbers are plain decimals (`12.5`, `+5`, `.5`, `1e3`, spaces around allowed; no `1_000`, no `1,000`);
 * dates are `YYYY-MM-DD` (one-digit month and day allowed) within 1900-01-01 .. tomorrow; prices above 0
 * and finite; high >= low; the close within [low, high]; volume >= 0; the ticker rule for symbols.
 * The SQL side checks the same rules, so these never blame a line the store took.
 */
import { CLOSE_RANGE_TOLERANCE, type DateBounds, MIN_BAR_DATE } from '../../domain/data-limits.js';
import { tickerProblem } from '../../domain/symbol-info.js';
import { daysInMonth } from '../../domain/trading-date.js';
import { visible } from '../../domain/visible-text.js';
import type { CsvRole } from '../../store/price-store.js';
import type { CsvLayout } from './csv-layout.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** The date syntax as a regular expression for DuckDB's `regexp_full_match` (the same as DATE, spaces around allowed). */
export const DATE_SQL_PATTERN = '\\s*\\d{4}-\\d{1,2}-\\d{1,2}\\s*';

const ANY_DATE: DateBounds = { min: MIN_BAR_DATE, max: '9999-12-31' };

export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bad' };

/** A numeric cell: empty (unknown), a number (NaN/Infinity included, rejected later), or not a number. */
export function parseNumberCell(text: string): Cell {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  if (NUMBER.test(t)) return { kind: 'number', value: Number(t) };
  if (NON_FINITE.test(t))
    return {
      kind: 'number',
      value: t.toLowerCase().includes('nan') ? Number.NaN : t.startsWith('-') ? -Infinity : Infinity,
    };
  return { kind: 'bad' };
}

/** An ISO calendar date (one- or two-digit month and day accepted), normalised to YYYY-MM-DD; null if not one. */
export function parseDateCell(text: string): string | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const PRICE_ROLES = [
  ['open', 'Open'],
  ['high', 'High'],
  ['low', 'Low'],
  ['close', 'Close'],
  ['adjClose', 'Adj Close'],
] as const;

/** The row's key and values once it passed the rules. */
export interface CheckedRow {
  readonly symbol: string | null;
  readonly date: string;
  /** open, high, low, close, adjClose, volume as stored (null = unknown). */
  readonly values: readonly (number | null)[];
}

/**
 * Checks one data row against the rules. Returns the problem in words, or the checked row.
 * @example checkRow(['2024-01-02', '-1'], closeOnlyLayout) // { problem: "Close is -1: prices must be above 0" }
 */
export function checkRow(
  fields: readonly string[],
  layout: CsvLayout,
  bounds: DateBounds = ANY_DATE,
): { problem: string } | { row: CheckedRow } {
  if (fields.length !== layout.columns.length) {
    return {
      problem: `expected ${layout.columns.length} columns (${visible(layout.columns.join(','), 200)}), found ${fields.length}`,
    };
  }
  const col = (role: CsvRole) => layout.roles[role];
  const header = (role: CsvRole) => visible(layout.columns[col(role)!]!, 40);
  const dateText = fields[col('date')!]!;
  if (dateText.trim() === '') return { problem: `missing ${header('date')}` };
  const date = parseDateCell(dateText);
  if (date === null)
    return { problem: `${header('date')}: '${visible(dateText.trim())}' is not a date (expected YYYY-MM-DD)` };
  if (date < bounds.min || date > bounds.max)
    return { problem: `${header('date')}: ${date} is outside ${bounds.min} .. ${bounds.max}` };
  let symbol: string | null = null;
  if (col('symbol') !== undefined) {
    symbol = fields[col('symbol')!]!.trim().toUpperCase();
    if (symbol === '') return { problem: `missing ${header('symbol')}` };
    const problem = tickerProblem(symbol);
    if (problem !== null) return { problem: `${header('symbol')}: ${problem}` };
  }
  const values = new Map<CsvRole, number | null>();
  for (const [role] of [...PRICE_ROLES, ['volume', 'Volume'] as const]) {
    if (col(role) === undefined) continue;
    const text = fields[col(role)!]!;
    const cell = parseNumberCell(text);
    if (cell.kind === 'bad') return { problem: `${header(role)}: '${visible(text.trim())}' is not a number` };
    if (cell.kind === 'number' && !Number.isFinite(cell.value))
      return { problem: `${header(role)}: '${visible(text.trim())}' is not a finite number` };
    values.set(role, cell.kind === 'number' ? cell.value : null);
  }
  for (const role of ['close', 'adjClose'] as const) {
    if (col(role) !== undefined && values.get(role) === null) return { problem: `missing ${header(role)}` };
  }
  for (const [role] of PRICE_ROLES) {
    const v = values.get(role);
    if (v !== undefined && v !== null && v <= 0) return { problem: `${header(role)} is ${v}: prices must be above 0` };
  }
  const high = values.get('high');
  const low = values.get('low');
  if (high != null && low != null && high < low)
    return { problem: `${header('high')} ${high} is below ${header('low')} ${low}` };
  const given = values.get('close') ?? null;
  if (given !== null && high != null && given > high * (1 + CLOSE_RANGE_TOLERANCE))
    return { problem: `${header('close')} ${given} is above ${header('high')} ${high}` };
  if (given !== null && low != null && given < low * (1 - CLOSE_RANGE_TOLERANCE))
    return { problem: `${header('close')} ${given} is below ${header('low')} ${low}` };
  const volume = values.get('volume');
  if (volume != null && volume < 0) return { problem: `${header('volume')} is ${volume}: volume cannot be negative` };
  const close = values.get('close') ?? values.get('adjClose') ?? null;
  const adj = values.get('adjClose') ?? values.get('close') ?? null;
  return {
    row: {
      symbol,
      date,
      values: [
        values.get('open') ?? null,
        values.get('high') ?? null,
        values.get('low') ?? null,
        close,
        adj,
        values.get('volume') ?? null,
      ],
    },
  };
}

/** Whether a line between the header and the first data row is download-tool debris rather than data:
 * its date cell is not a date and none of its other cells is a number (`,XLE,XLE,XLE,XLE,XLE`,
 * `Ticker,XLE,XLE`, `Date,,,,`). */
export function isJunkLine(fields: readonly string[], layout: CsvLayout): boolean {
  const dateCol = layout.roles.date;
  if (dateCol === undefined) return false;
  if (parseDateCell(fields[dateCol] ?? '') !== null) return false;
  return fields.every((f, i) => i === dateCol || parseNumberCell(f).kind !== 'number');
}
