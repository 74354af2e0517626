/**
 * How the CLI prints results: readable tables for people, JSON and CSV for scripts.
 * Commands build rows of plain values and hand them here; nothing else writes tables.
 */
import { UsageError } from '../domain/errors.js';
import type { DataWarning } from '../services/data-warnings.js';
import { commandEnv, stdoutIsTty } from './command-io.js';

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
  /**
   * When the table is wider than its limit (120 columns; `--wide` lifts it), columns are left out in
   * descending `drop` order until it fits, and a footer line names them. Without `drop` a column stays.
   */
  readonly drop?: number;
  /** A long text column that wraps onto more lines (words kept whole) before any column is left out. */
  readonly wrap?: boolean;
  /** Colour on a terminal: 'sign' shows a gain green and a loss red; 'stale' shows a cell ending in '*' yellow. */
  readonly tone?: 'sign' | 'stale';
}

/** The widest a table prints without `--wide`. */
export const TABLE_WIDTH = 120;
/** The narrowest a wrapped column is made. */
const MIN_WRAP_WIDTH = 24;

let wideTables = false;

/** `--wide` (a global option): tables print every column at full width. Set once per command run. */
export function setWideTables(wide: boolean): void {
  wideTables = wide;
}

/**
 * Colour is on when stdout is a terminal, unless NO_COLOR is set (to anything but ''); FORCE_COLOR
 * (anything but '0' or '') turns it on even when piped, FORCE_COLOR=0 off. See https://no-color.org.
 */
export function colourOn(): boolean {
  const no = commandEnv('NO_COLOR');
  if (no !== undefined && no !== '') return false;
  const force = commandEnv('FORCE_COLOR');
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stdoutIsTty();
}

const SGR = { gain: 32, loss: 31, stale: 33 } as const;

function toneOf(tone: Column<unknown>['tone'], text: string): keyof typeof SGR | null {
  if (tone === 'stale') return text.endsWith('*') ? 'stale' : null;
  if (tone !== 'sign') return null;
  const m = /^([+-]?)[\d,]*\.?\d*/.exec(text);
  if (m === null || !/[1-9]/.test(m[0])) return null; // n/a, 0.00%
  return m[1] === '-' ? 'loss' : 'gain';
}

/** Words of `text` on lines of at most `width` characters (a longer word is cut). */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line);
      lines.push(w.slice(0, width));
      w = w.slice(width);
      line = '';
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A table for people: a header, a rule, one line per row (more for a wrapped cell), columns two spaces
 * apart. It fits 120 columns unless `--wide` was given: wrapping columns wrap first, then the columns
 * with the highest `drop` go, and a last line says which (`Left out to fit 120 columns: 3Y, 5Y (--wide
 * shows every column).`). Gains, losses and stale marks are coloured on a terminal (see colourOn).
 */
export function renderTable<Row>(rows: readonly Row[], allColumns: readonly Column<Row>[]): string {
  const allCells = rows.map((r) => allColumns.map((c) => cellText(c.value(r))));
  const fullWidths = allColumns.map((c, i) => Math.max(c.header.length, ...allCells.map((row) => row[i]!.length)));
  const total = (idx: readonly number[], w: readonly number[]) =>
    idx.reduce((sum, i) => sum + w[i]!, 0) + 2 * Math.max(0, idx.length - 1);
  let kept = allColumns.map((_, i) => i);
  const widths = [...fullWidths];
  const dropped: number[] = [];
  if (!wideTables) {
    const shrink = () => {
      for (const i of kept) {
        const over = total(kept, widths) - TABLE_WIDTH;
        if (over <= 0) return;
        if (allColumns[i]!.wrap)
          widths[i] = Math.max(
            widths[i]! - over,
            Math.min(widths[i]!, Math.max(MIN_WRAP_WIDTH, allColumns[i]!.header.length)),
          );
      }
    };
    shrink();
    const droppable = kept
      .filter((i) => allColumns[i]!.drop !== undefined)
      .sort((a, b) => allColumns[b]!.drop! - allColumns[a]!.drop! || b - a);
    for (const i of droppable) {
      if (total(kept, widths) <= TABLE_WIDTH) break;
      kept = kept.filter((k) => k !== i);
      dropped.push(i);
    }
  }
  const columns = kept.map((i) => allColumns[i]!);
  const colWidths = kept.map((i) => widths[i]!);
  const colour = colourOn();
  const line = (values: readonly string[], tones: readonly (keyof typeof SGR | null)[] = []) =>
    values
      .map((v, i) => {
        const pad = ' '.repeat(Math.max(0, colWidths[i]! - v.length));
        const tone = tones[i];
        const shown = colour && tone ? `\x1b[${SGR[tone]}m${v}\x1b[39m` : v;
        return columns[i]!.align === 'right' ? pad + shown : shown + pad;
      })
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), colWidths.map((w) => '-'.repeat(w)).join('  ')];
  for (const full of allCells) {
    const cells = kept.map((i) => full[i]!);
    const wrapped = cells.map((v, i) =>
      columns[i]!.wrap && v.length > colWidths[i]! ? wrapText(v, colWidths[i]!) : [v],
    );
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) {
      const values = wrapped.map((w) => w[k] ?? '');
      out.push(line(values, k === 0 ? values.map((v, i) => toneOf(columns[i]!.tone, v)) : []));
    }
  }
  if (dropped.length > 0)
    out.push(
      `Left out to fit ${TABLE_WIDTH} columns: ${dropped
        .sort((a, b) => a - b)
        .map((i) => allColumns[i]!.header)
        .join(', ')} (--wide shows every column).`,
    );
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
  return renderJson(resultObject(body, facts));
}

/** The object renderResultJson prints. */
export function resultObject(body: unknown, facts: ResultFacts): Record<string, unknown> {
  const base = Array.isArray(body) ? { rows: body } : (body as Record<string, unknown>);
  // the envelope's two fields come last, in this order, even when the report carries them itself (trend and
  // breadth put `warnings` before `demo`); the report's own warnings stand when none are given here
  const { demo: _demo, warnings: own, ...rest } = base;
  return { ...rest, demo: facts.demo, warnings: facts.warnings ?? own ?? [] };
}

/**
 * The CSV of a result that is a panel or several tables (breadth, regime, scoreboard, baserate, rates,
 * seasonality): its JSON flattened to `field,value` lines, one per leaf, the field a path such as
 * `aboveSma50.share` or `rows[2].ytd` (machine values: fractions, full precision; an empty list or null
 * is an empty value). Every field of the JSON is there, in the JSON's order.
 */
export function renderFlatCsv(value: unknown): string {
  const out = ['field,value'];
  const walk = (v: unknown, path: string): void => {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) out.push(`${csvCell(path)},`);
    else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
    else out.push(`${csvCell(path)},${csvCell(typeof v === 'number' ? v : String(v))}`);
  };
  walk(value, '');
  return `${out.join('\n')}\n`;
}

/**
 * One stderr line for the series a panel could not show: `not stored: X, Y`, or with an as-of day
 * `nothing stored on or before 1990-01-01: X, Y` (they may well be stored, from a later day on).
 */
export function writeMissing(missing: readonly string[], asOf: string | null | undefined): void {
  if (missing.length === 0) return;
  const what = asOf ? `nothing stored on or before ${asOf}` : 'not stored';
  process.stderr.write(`marketdash: ${what}: ${missing.join(', ')}\n`);
}

/** Each warning as one line on stderr (`marketdash: warning: data ends 2026-08-03; ...`). */
export function writeWarnings(warnings: readonly DataWarning[] | undefined): void {
  writeWarningLines((warnings ?? []).map((w) => w.message));
}

/** Warnings given as text (the update's data checks) in the same one-line form as `writeWarnings`. */
export function writeWarningLines(messages: readonly string[]): void {
  for (const m of messages) process.stderr.write(`marketdash: warning: ${m}\n`);
}
