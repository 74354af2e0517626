/**
 * Tables of returns pasted into commentary: a header naming the periods ("YTD Performance", "One
 * Year Performance") and one row per name, with cells separated by tabs, pipes or spaces, or glued
 * together as a web page's copy gives them (`Nvidia Corp. (NVDA)36.80%34.94%`). A row yields one
 * return claim per column; a row whose cell count does not match the header is skipped, never guessed.
 */
import { ensureDefined } from '../../domain/ensure.js';
import type { ReturnPeriod } from '../../domain/period-keys.js';
import type { ReturnClaim } from './claim.js';
import type { NameResolver } from './name-resolver.js';
import { fraction } from './percent-text.js';
import { headerPeriods } from './period-phrases.js';
import { looksLikeTicker } from './unknown-tickers.js';

const CELL = /([-+−–]?)(\d+(?:\.\d+)?)\s?%/g;

/**
 * The periods of a table header line, or null when the line is not one (it has figures, names no period, or is a
 * post led by a cashtag).
 */
export function tableHeader(line: string): ReturnPeriod[] | null {
  if (/\d\s?%/.test(line)) return null;
  // A line led by a cashtag is a post ("$AMZN red 5 days straight"), never the header of the lines after it.
  if (/^\s*\$[A-Za-z]/.test(line)) return null;
  const periods = headerPeriods(line);
  // A header is short and names at least one period; prose that mentions "year-to-date" is not a header.
  const bare = line.trim().replace(/^[*_]+|[*_]+$/g, '');
  if (periods.length === 0 || line.length > 160 || /[.!?]\s*$/.test(bare) || /[a-z0-9][.!?]\s+[A-Z]/.test(bare))
    return null;
  // NOT_A_HEADER: a post about a name ("$AMZN red 5 days straight") or a streak's count is prose, not the periods of
  // the columns below it: the next line's figure is not a five-day return.
  if (/\$[A-Za-z]/.test(line) || /\b(?:straight|in\s+a\s+row|streak|running)\b/i.test(line)) return null;
  return periods;
}

/** Whether a line is a separator (`|---|---|`) inside a markdown table. */
export function isSeparatorRow(line: string): boolean {
  return /^[\s|:+-]+$/.test(line) && line.includes('-');
}

/** The claims of one table row, or null when the row is not a row of this table. */
export function rowClaims(
  row: string,
  periods: readonly ReturnPeriod[],
  resolver: NameResolver,
  line: number,
  offset = 0,
): ReturnClaim[] | null {
  const cells: { value: number; decimals: number; at: number; end: number }[] = [];
  CELL.lastIndex = 0;
  for (let m = CELL.exec(row); m !== null; m = CELL.exec(row)) {
    const digits = m[2]!;
    const sign = m[1] !== '' && m[1] !== '+' ? -1 : 1;
    cells.push({
      value: fraction(sign, digits),
      decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
      at: m.index,
      end: m.index + m[0].length,
    });
  }
  if (cells.length === 0) return null;
  if (cells.length !== periods.length) return [];
  const nameText = row
    .slice(0, ensureDefined(cells[0], 'first figure cell of a table row').at)
    .replace(/[|\t]/g, ' ')
    .trim();
  if (nameText === '') return [];
  const bare = nameText.replace(/^[*_`$]+|[*_`]+$/g, '');
  // A ticker nothing configured or stored knows is still the row's symbol: its claims are unverifiable, not nameless.
  const mention =
    resolver.mentions(nameText)[0] ?? (looksLikeTicker(bare) ? { symbol: bare, unresolved: undefined } : undefined);
  const text = row.trim();
  return cells.map((c, i) => {
    const base: ReturnClaim = {
      metric: 'return',
      text,
      subject: nameText,
      symbol: mention?.symbol ?? null,
      line,
      span: { start: offset + c.at, end: offset + c.end },
      period: periods[i]!,
      value: c.value,
      decimals: c.decimals,
    };
    if (mention?.unresolved) return { ...base, unresolved: mention.unresolved };
    if (!mention) return { ...base, unresolved: `no symbol in the config is named '${nameText}'` };
    return base;
  });
}
