/**
 * Tables with one column per figure, as Markdown (`| Ticker | Last | Chg % | YTD % | From ATH |`), tabs
 * or runs of two or more spaces give them. Each header cell is read through aliases: a name column
 * (Ticker, Symbol, Name, Fund ... or the first one), a level (Last, Close, Price, Level), a return over
 * a period (Chg %, % Chg, Change, Day, 1D -> the day; YTD %, 1M, 1Y % ...), the distance from the record
 * (From ATH, Off ATH, % From High, Drawdown), a streak (Streak: +4, -3); WTD is the week to date (from
 * the previous week's last close), W/W and 1W five sessions; Wk and Week (a rolling five sessions on
 * some pages, the calendar week on others) give unverifiable claims, never a day's move. A column the
 * aliases do not know is skipped. Every row whose cell count matches the header gives one claim per known, filled cell.
 */
import { ensureDefined } from '../../domain/ensure.js';
import type { ReturnPeriod } from '../../domain/period-keys.js';
import { civilFromDays, type DayNumber } from '../../domain/trading-date.js';
import type { CurveClaim } from '../claim-types/curve-claim-type.js';
import type { RateLevelClaim } from '../claim-types/rate-claim-types.js';
import { type CurveMoveClaim, deskYield, type RateMoveClaim } from '../claim-types/rate-move-claim-types.js';
import type { AthClaim, Claim, LevelClaim, ReturnClaim, StreakClaim } from './claim.js';
import { MONTHS } from './clause-words.js';
import type { NameResolver } from './name-resolver.js';
import { fraction } from './percent-text.js';
import { headerPeriods } from './period-phrases.js';
import { otherPeriod } from './return-claims.js';

export type Column =
  | { readonly kind: 'name' }
  | { readonly kind: 'level' }
  | { readonly kind: 'return'; readonly period: ReturnPeriod | null; readonly header: string }
  | { readonly kind: 'ath' }
  /** A streak's length; `direction` when a column of unsigned days takes it from the table's title ("winning streaks"). */
  | { readonly kind: 'streak'; readonly direction?: 'winning' | 'losing' }
  /** A move in basis points ("1D (bp)", "Chg (bp)", "Week bp"): read on rows of yields only. */
  | { readonly kind: 'bp'; readonly period: ReturnPeriod | null }
  /** A yield's level ("Yield", "Rate", "Level (%)"): read on rows of yields only. */
  | { readonly kind: 'yield' }
  | { readonly kind: 'skip' };

interface Cell {
  readonly text: string;
  /** Offset of the trimmed cell in its line. */
  readonly at: number;
}

/** The cells of a line split by pipes, tabs, or two or more spaces; null when the line has fewer than two. */
export function splitCells(line: string): Cell[] | null {
  const sep = line.includes('|') ? /\|/g : line.includes('\t') ? /\t/g : / {2,}/g;
  const cells: Cell[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), at: start + lead });
  };
  for (let m = sep.exec(line); m !== null; m = sep.exec(line)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(line.length);
  // "| a | b |": the empty cells outside the outer pipes are not columns.
  if (line.includes('|')) {
    if (cells[0]?.text === '') cells.shift();
    if (cells.at(-1)?.text === '') cells.pop();
  }
  return cells.length >= 2 ? cells : null;
}

const NAME = /^(?:ticker|symbol|name|fund|etf|stock|company|index|sector|asset|security|holding|instrument)s?$/i;
const LEVEL =
  /^(?:last|close|closing|price|level|last\s+price|closing\s+price|close\s+price|last\s+close)(?:\s*\(\$\)|\s*\$)?$/i;
const DAY = /^(?:%\s*)?(?:chg|change|chng|day|daily|today|1d|d\/d)(?:\s*%|\s*\(%\))?$|^%\s*(?:chg|change)$/i;
const ATH =
  /^(?:%\s*)?(?:from|off|vs\.?|below|to|dist(?:ance)?\s+(?:from|to))\s+(?:the\s+)?(?:ath|all[- ]time\s+high|record(?:\s+high)?|high|highs|peak)(?:\s*%|\s*\(%\))?$|^(?:drawdown|dd)(?:\s*%)?$/i;
const STREAK = /^(?:streak|run)(?:\s*\(days?\))?$/i;
/** "Days", "Sessions", "# days": a count of days, a streak's length only under a title that names the streak's way. */
const DAY_COUNT = /^(?:#\s*)?(?:days|sessions|length|(?:streak\s+)?(?:days|sessions))(?:\s*\(#\))?$/i;
/**
 * STREAK_TITLE: the way of the streaks a table lists, from its title line ("Active winning streaks (sessions)",
 * "Longest losing streaks", "Up streaks"); null when the title names none.
 */
export function streakTitle(title: string | null): 'winning' | 'losing' | null {
  if (title === null || !/\bstreaks?\b|\bin\s+a\s+row\b|\bstraight\b/i.test(title)) return null;
  const up = /\b(?:winning|win|up|green|advancing|rising|gaining)\b/i.test(title);
  const down = /\b(?:losing|lose|down|red|declining|falling)\b/i.test(title);
  return up === down ? null : up ? 'winning' : 'losing';
}
const WEEK_TO_DATE = /^(?:%\s*)?(?:wtd|week[- ]to[- ]date)(?:\s*%)?$/i;
/** "Wk %", "Week": a rolling five sessions on some pages, the calendar week on others; not guessed. */
const WEEK = /^(?:%\s*)?(?:wk|week)(?:\s*%)?$/i;
const WEEK_OVER_WEEK = /^(?:%\s*)?(?:w\/w|wow|1w)(?:\s*%)?$/i;

const BP_UNIT = /\(?\s*(?:in\s+)?(?:bps?|basis\s+points?)\s*\)?/i;
const YIELD = /^(?:yield|yld|rate|value|(?:level|last|close)\s*(?:\(%\)|%))$/i;
/** The period of a column of bp moves, from its header without the unit: "1D", "Day", "Chg" (the day), "1W", "Week", "1Y". */
function bpPeriod(rest: string): ReturnPeriod | null {
  const h = rest.replace(/\b(?:chg|change|chng|move|Δ|delta)\b|[Δ()]/gi, '').trim();
  if (h === '' || /^(?:1d|day|daily|today|d\/d)$/i.test(h)) return '1d';
  if (/^(?:1w|week|wk|w\/w|5d)$/i.test(h)) return '5d';
  if (/^(?:1m|month)$/i.test(h)) return '1m';
  if (/^(?:1y|year|y\/y|yoy|12m)$/i.test(h)) return '1y';
  const periods = headerPeriods(h);
  return periods.length === 1 ? periods[0]! : null;
}

/**
 * A column named by a quarter or a month ("Q1", "Q1 %", "March", "Jan 2026 %"): that quarter's or month's return
 * so far when it is the note's own (QTD, MTD; "2026" alone the YTD), else a period not computed (unverifiable).
 */
const CALENDAR_COLUMN =
  /^(?:%\s*)?(Q[1-4](?:\s+20\d\d)?|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+20\d\d)?|20\d\d)(?:\s*%|\s*\(%\)|\s+(?:return|perf(?:ormance)?|chg|change)(?:\s*%)?)?$/i;

/**
 * DATE_COLUMN: a column headed by a day ("Dec 31", "31-Dec", "12/31", "Dec. 31, 2025"): the closes of that day, a
 * level column when it is the note's own day (a close of another day is not read).
 */
const DATE_COLUMN =
  /^(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})|(\d{1,2})[-\s](Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|(\d{1,2})\/(\d{1,2}))(?:,?\s+(20\d\d))?(?:\s+(?:close|level|price))?$/i;

/** The note's own day named by a date header, or false (another day, no date, or no note date). */
function isNoteDay(header: string, noteDate: DayNumber | null): boolean {
  const m = DATE_COLUMN.exec(header);
  if (!m || noteDate === null) return false;
  const [y, mo, d] = civilFromDays(noteDate);
  const monthWord = m[1] ?? m[4];
  const month = monthWord ? MONTHS.indexOf(monthWord.slice(0, 3).toLowerCase()) + 1 : Number(m[5]);
  const day = Number(m[2] ?? m[3] ?? m[6]);
  return month === mo && day === d && (m[7] === undefined || Number(m[7]) === y);
}

/**
 * What one header cell holds; `noteDate` reads a quarter or a month column ("Q1" in a March note is QTD) and a
 * column headed by the note's day (its closes); `title`, the line above the table, gives a column of days a streak's way.
 */
export function columnOf(
  header: string,
  first: boolean,
  noteDate: DayNumber | null = null,
  title: string | null = null,
): Column {
  const h = header.replace(/^[*_`]+|[*_`]+$/g, '').trim();
  if (!first && isNoteDay(h, noteDate)) return { kind: 'level' };
  if (!first && DAY_COUNT.test(h)) {
    const direction = streakTitle(title);
    return direction ? { kind: 'streak', direction } : { kind: 'skip' };
  }
  const calendar = first ? null : CALENDAR_COLUMN.exec(h);
  if (calendar) {
    const key = otherPeriod(calendar[1]!, noteDate);
    return { kind: 'return', period: key === 'ytd' || key === 'qtd' || key === 'mtd' ? key : null, header: h };
  }
  if (!first && BP_UNIT.test(h) && /\b(?:bps?|basis)\b/i.test(h))
    return { kind: 'bp', period: bpPeriod(h.replace(BP_UNIT, ' ')) };
  if (!first && YIELD.test(h)) return { kind: 'yield' };
  if (NAME.test(h)) return { kind: 'name' };
  if (LEVEL.test(h)) return { kind: 'level' };
  if (DAY.test(h)) return { kind: 'return', period: '1d', header: h };
  if (WEEK_TO_DATE.test(h)) return { kind: 'return', period: 'wtd', header: h };
  if (WEEK.test(h)) return { kind: 'return', period: null, header: h };
  if (WEEK_OVER_WEEK.test(h)) return { kind: 'return', period: '5d', header: h };
  if (/52|week\s+high/i.test(h)) return { kind: 'skip' };
  if (ATH.test(h)) return { kind: 'ath' };
  if (STREAK.test(h)) return { kind: 'streak' };
  const periods = headerPeriods(h);
  // One period, and nothing but the period and words of a return ("YTD %", "1Y Return", "Perf YTD").
  if (
    periods.length === 1 &&
    /^[\s%()]*$/.test(
      h
        .replace(/\b(?:perf(?:ormance)?|return|chg|change|total|%)\b/gi, '')
        .replace(
          /\b(?:YTD|MTD|QTD|[1-9]\d?[DWMY]|year[- ]to[- ]date|month[- ]to[- ]date|quarter[- ]to[- ]date|(?:one|three|five|six|ten|twelve|\d+)[- ]?(?:years?|months?|days?))\b/gi,
          '',
        ),
    )
  )
    return { kind: 'return', period: ensureDefined(periods[0], `period named in column header '${h}'`), header: h };
  return first ? { kind: 'name' } : { kind: 'skip' };
}

/**
 * The columns of a header line, or null when the line is not the header of a table of figures. `title` is the line
 * right above it (a streaks table's way). A cell that is a number makes the line a row, unless it is a year heading
 * its returns ("| Fund | Dec | Q4 | 2025 |").
 */
export function tableColumns(
  line: string,
  noteDate: DayNumber | null = null,
  title: string | null = null,
): Column[] | null {
  const cells = splitCells(line);
  if (!cells || /\d\s?%/.test(line)) return null;
  const cols = cells.map((c, i) => columnOf(c.text, i === 0, noteDate, title));
  if (
    cells.some(
      (c, i) =>
        /^[-+]?\$?\d[\d,]*(?:\.\d+)?$/.test(c.text) &&
        !(/^20\d\d$/.test(c.text) && cols[i]!.kind === 'return' && cols[i]!.period !== null),
    )
  )
    return null;
  const names = cols.filter((c) => c.kind === 'name').length;
  const figures = cols.filter((c) => c.kind !== 'name' && c.kind !== 'skip').length;
  return names === 1 && figures >= 1 ? cols : null;
}

const NUMBER = /^([-+−–]?)\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(%?)$/;

/**
 * The claims of one row under `cols`, or null when the line is not a row of the table (another cell
 * count, or no figure in it). Offsets: `offset` is the line's place in the checked text.
 */
export function columnRowClaims(
  row: string,
  cols: readonly Column[],
  resolver: NameResolver,
  line: number,
  offset: number,
): Claim[] | null {
  const split = splitCells(row);
  // SHORT_ROW: a tab or pipe row that stops early ("2s10s<TAB>36" under five columns) has its last cells empty.
  const cells =
    split && split.length < cols.length && /[\t|]/.test(row)
      ? [...split, ...cols.slice(split.length).map(() => ({ text: '', at: row.length }))]
      : split;
  if (!cells || cells.length !== cols.length) return null;
  const nameAt = cols.findIndex((c) => c.kind === 'name');
  const nameCell = cells[nameAt]!;
  const nameText = nameCell.text.replace(/^[*_`$]+|[*_`]+$/g, '').trim();
  if (nameText === '') return [];
  const mention = resolver.mentions(nameText)[0];
  // A ticker the config does not know ("AVGO") is still that ticker: unverifiable with "no data for AVGO".
  const ticker = mention === undefined && /^[A-Z]{1,5}(?:\.[A-Z])?$/.test(nameText) ? nameText : null;
  const who = {
    text: row.trim(),
    subject: nameText,
    symbol: mention?.symbol ?? ticker,
    line,
    ...(mention?.unresolved
      ? { unresolved: mention.unresolved }
      : mention || ticker
        ? {}
        : { unresolved: `no symbol in the config is named '${nameText}'` }),
  };
  // A row of a yield ("10-Year Treasury Constant Maturity (DGS10)", "2Y", "Fed funds"): its level and bp moves;
  // the curve's row ("2s10s", "2s10s curve", "10y-2y spread"): its spread and its moves, DGS10 minus DGS2.
  if (CURVE_ROW.test(nameText))
    return rateRowClaims(cells, cols, { text: who.text, subject: nameText, symbol: 'DGS10', line }, offset, true);
  const rate = mention ? (mention.kind === 'rate' ? mention.symbol : null) : deskYield(nameText);
  if (rate) return rateRowClaims(cells, cols, { text: who.text, subject: nameText, symbol: rate, line }, offset);
  const out: Claim[] = [];
  let figures = 0;
  cells.forEach((cell, i) => {
    const col = cols[i]!;
    const words = wordCellClaim(cell, col, who, offset);
    if (words) {
      figures++;
      out.push(words);
      return;
    }
    const f = cellFigure(cell, cell.text.replace(/^[*_]+|[*_]+$/g, ''), offset);
    if (!f) return;
    figures++;
    const { span, digits, decimals, negative, m } = f;
    if (col.kind === 'level' && m[3] === '' && !negative) {
      const c: LevelClaim = { metric: 'level', ...who, span, value: Number(digits), decimals, record: false };
      out.push(c);
    } else if (col.kind === 'return' && (m[3] === '%' || /%|pct|perf|return/i.test(col.header))) {
      // A figure without '%' under a bare "Chg" is a change in points, not a return.
      const c: ReturnClaim = {
        metric: 'return',
        ...who,
        span,
        period: col.period,
        value: fraction(negative ? -1 : 1, digits),
        decimals,
        ...(col.period === null ? { periodText: col.header } : {}),
      };
      out.push(c);
    } else if (col.kind === 'ath') {
      // A distance column's "0.00%" is a distance like any other (held to its precision), not a record claim.
      const c: AthClaim = {
        metric: 'ath',
        ...who,
        span,
        kind: 'below_high',
        distance: 0 - fraction(1, digits),
        decimals,
      };
      out.push(c);
    } else if (col.kind === 'streak' && m[3] === '' && !digits.includes('.') && Number(digits) >= 1) {
      const c: StreakClaim = {
        metric: 'streak',
        ...who,
        span,
        direction: negative ? 'losing' : m[1] === '' && col.direction ? col.direction : 'winning',
        phase: 'ongoing',
        length: Number(digits),
      };
      out.push(c);
    }
  });
  return figures === 0 ? null : out;
}

/**
 * A cell told in words: "2 up", "4 down", "3 days down" under a streak column; "record", "ATH", "new high" under a
 * distance column (the close is the record). Null for any other cell.
 */
function wordCellClaim(
  cell: Cell,
  col: Column,
  who: Pick<Claim, 'text' | 'subject' | 'symbol' | 'line'> & { unresolved?: string },
  offset: number,
): Claim | null {
  const text = cell.text.replace(/^[*_]+|[*_]+$/g, '').trim();
  const span = { start: offset + cell.at, end: offset + cell.at + cell.text.length };
  if (col.kind === 'streak') {
    const m = /^(\d+)\s+(?:days?\s+)?(up|down|green|red|higher|lower)$|^(up|down|green|red)\s+(\d+)$/i.exec(text);
    const n = Number(m?.[1] ?? m?.[4]);
    if (!m || !(n >= 1)) return null;
    const way = (m[2] ?? m[3])!.toLowerCase();
    const c: StreakClaim = {
      metric: 'streak',
      ...who,
      span,
      direction: /^(?:down|red|lower)$/.test(way) ? 'losing' : 'winning',
      phase: 'ongoing',
      length: n,
    };
    return c;
  }
  if (
    col.kind === 'ath' &&
    /^(?:(?:at\s+)?(?:a\s+)?(?:new\s+)?(?:record|ATH|all[- ]time\s+high|new\s+high)|at\s+high)$/i.test(text)
  ) {
    const c: AthClaim = { metric: 'ath', ...who, span, kind: 'new_high', distance: null };
    return c;
  }
  return null;
}

/** The figure of a cell (its text cleaned as `text`): its span, digits, decimals and sign; null when none. */
function cellFigure(cell: Cell, text: string, offset: number) {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const digits = m[2]!.replace(/,/g, '');
  return {
    m,
    span: { start: offset + cell.at, end: offset + cell.at + cell.text.length },
    digits,
    decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
    negative: m[1] !== '' && m[1] !== '+',
  };
}

/** The name cell of the curve's row: "2s10s", "2s/10s curve", "10y-2y spread", "2-10 spread", "Curve (10y-2y)". */
const CURVE_ROW =
  /^(?:(?:the\s+)?(?:(?:2s\s*\/?\s*10s|10s\s*\/?\s*2s|(?:10|ten)[- ]?(?:years?|yrs?|y)\s*[-–−/]\s*(?:2|two)[- ]?(?:years?|yrs?|y)|(?:2|two)[- ]?(?:years?|yrs?|y)\s*[-–−/]\s*(?:10|ten)[- ]?(?:years?|yrs?|y)|2-10|10-2)(?:\s+(?:Treasury|yield))?(?:\s+(?:curve|spread))?|(?:yield\s+)?curve\s*\((?:2s\s*\/?\s*10s|10y\s*[-–−]\s*2y)\)))$/i;

/**
 * A yield's row: a level under a level or yield column, a move under each bp column, and under a column of a
 * period ("1D", "WTD", "Chg YTD") a move whose cell says bp ("+3bp", "-12 bp"); null when no figure. The curve's
 * row (`curve`) gives its spread ("55bp", or 0.55 points) and its moves the same way.
 */
function rateRowClaims(
  cells: readonly Cell[],
  cols: readonly Column[],
  who: Pick<Claim, 'text' | 'subject' | 'symbol' | 'line'>,
  offset: number,
  curve = false,
): Claim[] | null {
  const out: Claim[] = [];
  let figures = 0;
  cells.forEach((cell, i) => {
    const col = cols[i]!;
    const raw = cell.text.replace(/^[*_]+|[*_]+$/g, '');
    // BP_CELL: "+3bp"; or a whole signed number under a period column of a yield's row ("| 2-year | 3.45 | +2 |"):
    // a yield's move in percentage points has decimals ("-0.04"), a whole number is in bp.
    const inBp = /\d\s*bps?$/i.test(raw) || (col.kind === 'return' && /^[-+−–]\d+$/.test(raw));
    const text = raw.replace(/\s*bps?$/i, '');
    const f = cellFigure(cell, /^unch\.?$/i.test(text) ? '0' : text, offset);
    if (!f) return;
    figures++;
    const { span, digits, decimals, negative, m } = f;
    const signed = (negative ? -1 : 1) * Number(digits);
    const period =
      col.kind === 'bp' && m[3] === '' ? col.period : col.kind === 'return' && inBp ? col.period : undefined;
    if (curve && (col.kind === 'level' || col.kind === 'yield') && m[3] === '') {
      // "55bp" is the spread in bp; a bare "0.55" is in percentage points.
      const points = !inBp && Math.abs(signed) < 5;
      const bp = points ? Number((signed * 100).toFixed(Math.max(0, decimals - 2))) : signed;
      const d = points ? Math.max(0, decimals - 2) : decimals;
      const c: CurveClaim = { metric: 'rate.spread', ...who, span, long: 'DGS10', short: 'DGS2', bp, decimals: d };
      out.push(c as unknown as Claim);
    } else if (curve && period !== undefined) {
      const c: CurveMoveClaim = {
        metric: 'rate.spread.change',
        ...who,
        span,
        long: 'DGS10',
        short: 'DGS2',
        bp: signed,
        decimals,
        period,
      };
      out.push(c as unknown as Claim);
    } else if (!curve && (col.kind === 'level' || col.kind === 'yield') && !negative && !inBp) {
      const c: RateLevelClaim = { metric: 'rate.level', ...who, span, value: Number(digits), decimals };
      out.push(c as unknown as Claim);
    } else if (!curve && period !== undefined) {
      const c: RateMoveClaim = { metric: 'rate.change', ...who, span, bp: signed, decimals, period };
      out.push(c as unknown as Claim);
    }
  });
  return figures === 0 ? null : out;
}
