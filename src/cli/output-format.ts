/**
 * How the CLI prints results: readable tables for people, JSON and CSV for scripts.
 * Commands build rows of plain values and hand them here; nothing else writes tables.
 */
import { UsageError } from '../domain/errors.js';
import type { DataWarning } from '../services/data-warnings.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export function parseFormat(text: string | undefined, allowed: readonly string[] = ['table', 'json', 'csv']): string {
  const f = (text ?? allowed[0] ?? 'table').toLowerCase();
  if (!allowed.includes(f))
    throw new UsageError(`--format: '${text}' is not one of ${allowed.join(', ')}`, { parameter: '--format' });
  return f;
}

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | null | undefined;
  /** Right-align (numbers). */
  readonly align?: 'left' | 'right';
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((r) => columns.map((c) => cellText(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of cells) out.push(line(row));
  return `${out.join('\n')}\n`;
}

export function renderCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const out = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) out.push(columns.map((c) => csvCell(c.value(r))).join(','));
  return `${out.join('\n')}\n`;
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function cellText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(v) : v;
}

function csvCell(v: string | number | null | undefined): string {
  const s = cellText(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** What every JSON result read from stored prices says about its data (see docs/store-and-cli.md). */
export interface ResultFacts {
  /** The store holds synthetic demo bars. */
  readonly demo: boolean;
  readonly warnings?: readonly DataWarning[] | undefined;
}

/**
 * The JSON of a result read from stored prices: an object that ends with `"demo": true|false` and
 * `"warnings": [...]`; a result that is a list goes under `"rows"`.
 */
export function renderResultJson(body: unknown, facts: ResultFacts): string {
  const base = Array.isArray(body) ? { rows: body } : (body as Record<string, unknown>);
  return renderJson({ ...base, demo: facts.demo, warnings: facts.warnings ?? [] });
}

/** Each warning as one line on stderr (`marketdash: warning: data ends 2026-08-03; ...`). */
export function writeWarnings(warnings: readonly DataWarning[] | undefined): void {
  for (const w of warnings ?? []) process.stderr.write(`marketdash: warning: ${w.message}\n`);
}
