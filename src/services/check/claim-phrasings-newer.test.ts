/**
 * Property tests of the newer readings (issue 14, Evidence): week periods, days before the note's,
 * day labels of a broker's note ("Tue: IWM +0.21%"), shorthand periods ("+1.01% 1M"), social shorthand, a level with its move, pasted tables and the Treasury curve. A true figure computed
 * by the analytics (`periodReturn` on the stored closes, the stored yields) on the real data, written by
 * any of at least 20 templates per form, is extracted and supported; the figure altered beyond its
 * tolerance is contradicted. The note is dated Thursday 2025-12-11 (Monday Dec 8 ... Wednesday Dec 10).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCorpusStore } from '../../../test/support/claim-corpus.js';
import { describeWithSharedData } from '../../../test/support/shared-data.js';
import { periodReturn } from '../../analytics/returns/period-returns.js';
import { defaultConfig } from '../../config/universe-config.js';
import type { ReturnPeriod } from '../../domain/period-keys.js';
import { indexOnOrBefore, type PriceSeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import type { ClaimVerdict } from '../../note/check/claim-verdict.js';
import { verifyClaim } from '../../note/check/verify-claim.js';
import { verifyOptions } from '../../note/check/verify-options.js';
import type { SeriesFor } from '../../note/claim-types/claim-type.js';
import { extractClaims, resolverFromConfig } from '../../note/claims/extract-claims.js';
import type { DuckDbStore } from '../../store/duckdb/duckdb-store.js';

const config = defaultConfig();
const resolver = resolverFromConfig(config);
const NOTE = parseIsoDate('2025-12-11');
const options = verifyOptions(NOTE);
const SYMBOLS = ['IWM', 'SPY', 'QQQ', 'XLK', 'XLF', 'XLE', 'NVDA', 'AAPL', 'MSFT'];
const named = (t: string) => `${config.symbols[t]?.name ?? t} (${t})`;
const pctText = (x: number) => `${(Math.abs(x) * 100).toFixed(2)}%`;
const signed = (x: number) => `${x < 0 ? '-' : '+'}${pctText(x)}`;

type Dir = 'up' | 'down';
const w = (d: Dir, up: string, down: string) => (d === 'up' ? up : down);
/** Prose templates: subject, figure, direction, period or day words. */
const MOVE_TEMPLATES: ((s: string, v: string, d: Dir, p: string) => string)[] = [
  (s, v, d, p) => `${s} ${w(d, 'rose', 'fell')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'gained', 'lost')} ${v} ${p}.`,
  (s, v, d, p) => `${s} was ${w(d, 'up', 'down')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'climbed', 'declined')} ${v} ${p}, traders said.`,
  (s, v, d, p) => `${p[0]!.toUpperCase()}${p.slice(1)}, ${s} ${w(d, 'advanced', 'slid')} ${v}.`,
  (s, v, d, p) => `${s} ${w(d, 'added', 'shed')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'jumped', 'tumbled')} ${v} ${p}.`,
  (s, v, d, p) => `Shares of ${s} ${w(d, 'rallied', 'sank')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ended ${v} ${w(d, 'higher', 'lower')} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'edged up', 'edged down')} ${v} ${p}.`,
  (s, v, d, p) => `${s} posted a ${w(d, 'gain', 'loss')} of ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'popped', 'dipped')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'surged', 'plunged')} ${v} ${p}, the data show.`,
  (s, v, d, p) => `Meanwhile, ${s} ${w(d, 'rose', 'fell')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'gained', 'lost')} ${v} ${p}, while bonds were flat.`,
  (s, v, d, p) => `${s} ${w(d, 'ticked up', 'ticked down')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'soared', 'slumped')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'advanced', 'retreated')} ${v} ${p}.`,
  (s, v, d, p) => `${s} finished ${v} ${w(d, 'higher', 'lower')} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'rebounded', 'slipped')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'tacked on', 'gave up')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'firmed', 'surrendered')} ${v} ${p}.`,
  (s, v, d, p) => `${s} ${w(d, 'clawed back', 'handed back')} ${v} ${p}.`,
];
const WEEK_WORDS = ['this week', 'for the week', 'week to date', 'week-to-date', 'so far this week', 'WTD'];
/** Days before the note's: the words, the close they name, and (for the check) that close's ISO date. */
const DAY_WORDS: [string, string][] = [
  ['on Monday', '2025-12-08'],
  ["in Monday's session", '2025-12-08'],
  ['on Tuesday', '2025-12-09'],
  ["in Tuesday's session", '2025-12-09'],
  ['on Dec. 9', '2025-12-09'],
  ['on Wednesday', '2025-12-10'],
  ['yesterday', '2025-12-10'],
  ['last Friday', '2025-12-05'],
];

/** Day labels heading a broker's line and the close each names in a note dated Thursday Dec 11. */
const DAY_LABELS: [string, string][] = [
  ['Mon:', '2025-12-08'],
  ['Monday:', '2025-12-08'],
  ['Tue:', '2025-12-09'],
  ['Tues:', '2025-12-09'],
  ['Tuesday close:', '2025-12-09'],
  ['Wed:', '2025-12-10'],
  ['Weds:', '2025-12-10'],
  ['Thurs:', '2025-12-11'],
  ['Fri:', '2025-12-05'],
];
/** Lines under a day label: label, ticker, figure (signed), direction. */
const LABEL_TEMPLATES: ((l: string, t: string, v: number) => string)[] = [
  (l, t, v) => `${l} ${t} ${signed(v)}`,
  (l, t, v) => `- ${l} ${t} ${signed(v)}`,
  (l, t, v) => `**${l}** ${t} ${signed(v)}`,
  (l, t, v) => `${l} ${t} ${signed(v)} d/d`,
  (l, t, v) => `${l} ${named(t)} ${signed(v)}`,
  (l, t, v) => `${l} $${t} ${signed(v)}`,
  (l, t, v) => `${l} ${t} (${signed(v)})`,
  (l, t, v) => `${l} ${t}: ${signed(v)}`,
  (l, t, v) => `${l} ${t} ${v < 0 ? 'fell' : 'rose'} ${pctText(v)}`,
  (l, t, v) => `${l} ${t} ${v < 0 ? 'lost' : 'gained'} ${pctText(v)} on the day.`,
  (l, t, v) => `${l} ${t} closed ${pctText(v)} ${v < 0 ? 'lower' : 'higher'}.`,
  (l, t, v) => `${l} ${t} ${signed(v)}; VIX steady`,
  (l, t, v) => `${l}\n${t} ${signed(v)}`,
  (l, t, v) => `${l} ${t} ${signed(v)} in heavy volume`,
  (l, t, v) => `${l} ${t} ${v < 0 ? 'down' : 'up'} ${pctText(v)}`,
  (l, t, v) => `${l} ${t} ended ${v < 0 ? 'down' : 'up'} ${pctText(v)}.`,
  (l, t, v) => `${l} a quiet tape. ${t} ${signed(v)}.`,
  (l, t, v) => `Recap | ${l} ${t} ${signed(v)}`,
  (l, t, v) => `${l} movers: ${t} ${signed(v)}`,
  (l, t, v) => `* ${l} ${t} ${signed(v)} (close)`,
];

/** Broker shorthand of a period: ticker, signed figure, the period's label (after or before the figure). */
const SHORTHAND_PERIOD_TEMPLATES: ((t: string, v: string, l: string) => string)[] = [
  (t, v, l) => `${t} ${v} ${l}`,
  (t, v, l) => `${t} ${l} ${v}`,
  (t, v, l) => `${t}: ${v} ${l}`,
  (t, v, l) => `${t} ${l}: ${v}`,
  (t, v, l) => `$${t} ${v} ${l}`,
  (t, v, l) => `${t} ${v} (${l})`,
  (t, v, l) => `${t} ${v} ${l}, flat d/d`,
  (t, v, l) => `${named(t)} ${v} ${l}`,
  (t, v, l) => `- ${t} ${v} ${l}`,
  (t, v, l) => `${t} ${v} ${l}, per the desk`,
  (t, v, l) => `${t} ${v} ${l}; watching the 200dma`,
  (t, v, l) => `${t} ${l} ${v}, in line with peers`,
  (t, v, l) => `**${t}** ${v} ${l}`,
  (t, v, l) => `${t} (${v} ${l})`,
  (t, v, l) => `${t} ${v} ${l}.`,
  (t, v, l) => `Tape: ${t} ${v} ${l}`,
  (t, v, l) => `${t}, ${v} ${l}`,
  (t, v, l) => `${t} ${v} ${l}, leading`,
  (t, v, l) => `${t} ${l} ${v}, leading`,
  (t, v, l) => `${t} ${v} ${l} and counting`,
  (t, v, l) => `$${t} ${l} ${v}`,
];
const SHORTHAND_LABELS: [ReturnPeriod, string][] = [
  ['1m', '1M'],
  ['1m', '1mo'],
  ['3m', '3M'],
  ['3m', '3-mo'],
  ['6m', '6M'],
  ['ytd', 'YTD'],
  ['mtd', 'MTD'],
  ['1y', '1Y'],
  ['1y', 'y/y'],
  ['5d', 'w/w'],
  ['5d', '1W'],
  ['1d', 'd/d'],
];

/** Social posts and broker lines: ticker, signed figure, direction. */
const SOCIAL_TEMPLATES: ((t: string, v: number) => string)[] = [
  (t, v) => `$${t} ${signed(v)} today`,
  (t, v) => `$${t} ${signed(v)} on the day`,
  (t, v) => `$${t} ${v < 0 ? 'red' : 'green'} today, ${signed(v)}`,
  (t, v) => `$${t} ${v < 0 ? 'red' : 'green'} again ${signed(v)}`,
  (t, v) => `${t} ${signed(v)} d/d`,
  (t, v) => `${t}: ${signed(v)} 1D`,
  (t, v) => `$${t} (${signed(v)})`,
  (t, v) => `${t} ${signed(v)}`,
  (t, v) => `$${t} ${v < 0 ? 'down' : 'up'} ${pctText(v)} today`,
  (t, v) => `$${t} ${signed(v)} DoD`,
  (t, v) => `${t} ${signed(v)} on the session`.replace('on the session', 'today'),
  (t, v) => `$${t} ${signed(v)}, not bad`,
  (t, v) => `${t} ${v < 0 ? 'slid' : 'ripped'} ${pctText(v)} today`.replace('ripped', 'popped'),
  (t, v) => `$${t} ${v < 0 ? 'lost' : 'gained'} ${pctText(v)} today lol`,
  (t, v) => `$${t} ${v < 0 ? 'dipped' : 'popped'} ${pctText(v)}`,
  (t, v) => `${t} 1D ${signed(v)}`,
  (t, v) => `${t} d/d ${signed(v)}`,
  (t, v) => `$${t} day: ${signed(v)}`.replace('day:', '1D:'),
  (t, v) => `Tape check: ${t} ${signed(v)}`,
  (t, v) => `$${t} closes ${v < 0 ? 'down' : 'up'} ${pctText(v)}`,
];

/** A level with its day move: ticker or name, level, move. */
const LEVEL_MOVE_TEMPLATES: ((t: string, s: string, l: string, v: number) => string)[] = [
  (_t, s, l, v) => `${s} ${v < 0 ? 'fell' : 'rose'} ${pctText(v)} to ${l}.`,
  (t, _s, l, v) => `${t} ${l} (${signed(v)})`,
  (t, _s, l, v) => `$${t} ${l} (${signed(v)})`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'slid' : 'climbed'} ${pctText(v)} to close at ${l}.`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'lost' : 'gained'} ${pctText(v)} to end at ${l}.`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'dropped' : 'jumped'} ${pctText(v)} to ${l} on Thursday.`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'declined' : 'advanced'} ${pctText(v)} to settle at ${l}.`,
  (t, _s, l, v) => `${t}: ${l} (${signed(v)})`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'sank' : 'rallied'} ${pctText(v)} to ${l}, traders said.`,
  (_t, s, l, v) =>
    `${s} was ${v < 0 ? 'down' : 'up'} ${pctText(v)} to ${l}.`.replace(' to ', ' on the day, closing at '),
  (_t, s, l, v) => `${s} ${v < 0 ? 'eased' : 'added'} ${pctText(v)} to finish at ${l}.`,
  (t, _s, l, v) => `Closes: ${t} ${l} (${signed(v)}).`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'tumbled' : 'surged'} ${pctText(v)} to ${l}.`,
  (_t, s, l, v) => `On Thursday ${s} ${v < 0 ? 'fell' : 'rose'} ${pctText(v)} to ${l}.`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'slipped' : 'edged up'} ${pctText(v)} to ${l}.`,
  (t, _s, l, v) => `${t} ${l} (${signed(v)} d/d)`.replace(' d/d)', ')'),
  (_t, s, l, v) => `${s} ${v < 0 ? 'dipped' : 'popped'} ${pctText(v)} to ${l}.`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'retreated' : 'rebounded'} ${pctText(v)} to ${l}.`,
  (t, _s, l, v) => `Tape: ${t} ${l} (${signed(v)}), volume light.`,
  (_t, s, l, v) => `${s} ${v < 0 ? 'shed' : 'gained'} ${pctText(v)} to close the session at ${l}.`,
];

/** Table layouts: separator and the header of the name, level, day-move and YTD columns. */
const TABLE_LAYOUTS: [sep: 'pipe' | 'tab' | 'spaces', name: string, level: string, day: string, ytd: string][] = [
  ['pipe', 'Ticker', 'Last', 'Chg %', 'YTD %'],
  ['pipe', 'Symbol', 'Close', '% Chg', 'YTD'],
  ['pipe', 'Fund', 'Price', 'Change', 'YTD Return'],
  ['pipe', 'ETF', 'Level', 'Day', 'Perf YTD'],
  ['pipe', 'Ticker', 'Last Price', '1D', 'YTD %'],
  ['pipe', 'Name', 'Close', 'Daily', 'YTD'],
  ['pipe', 'Stock', 'Last', 'Chg', 'YTD %'],
  ['tab', 'Ticker', 'Last', 'Chg %', 'YTD %'],
  ['tab', 'Symbol', 'Price', '% Chg', 'YTD'],
  ['tab', 'Fund', 'Close', 'Change', 'YTD Return'],
  ['tab', 'Name', 'Last', 'Day', 'YTD %'],
  ['tab', 'ETF', 'Closing Price', '1D', 'YTD'],
  ['tab', 'Security', 'Last', 'Today', 'YTD %'],
  ['spaces', 'Ticker', 'Last', 'Chg %', 'YTD %'],
  ['spaces', 'Symbol', 'Close', '% Chg', 'YTD'],
  ['spaces', 'Fund', 'Price', 'Change', 'YTD'],
  ['spaces', 'Name', 'Level', 'Day', 'YTD %'],
  ['spaces', 'Ticker', 'Last', '1D', 'YTD Return'],
  ['pipe', 'Holding', 'Last', 'Chg %', 'Year-to-date'],
  ['pipe', 'Instrument', 'Close', '1D %', 'YTD %'],
];

/** The Treasury curve (DGS10 minus DGS2) at a close, in bp: templates of its level. */
const CURVE_TEMPLATES: ((bp: number, day: string) => string)[] = [
  (bp, d) => `The 10y-2y spread closed at ${bp} bp ${d}.`,
  (bp, d) => `The 2s10s curve stood at ${bp} basis points ${d}.`,
  (bp, d) => `The 10-year minus 2-year spread was at ${bp} bp ${d}.`,
  (bp, d) => `The 2s10s spread ended at ${bp} bps ${d}.`,
  (bp, d) => `${d[0]!.toUpperCase()}${d.slice(1)}, the 2s10s curve sat at ${bp} bp.`,
  (bp, d) => `The 10s2s spread closed at ${bp} basis points ${d}.`,
  (bp, d) => `The 2-year to 10-year curve stood at ${bp} bp ${d}.`,
  (bp, d) => `The 10-2 spread was ${bp} bp ${d}.`.replace('was', 'is at'),
  (bp, d) => `The 2s10s yield curve closed at ${(bp / 100).toFixed(2)} percentage points ${d}.`,
  (bp, d) => `The 10y/2y spread stood at ${bp} bp ${d}.`,
  (bp, d) => `The 10-year/2-year Treasury spread ended at ${bp} basis points ${d}.`,
  (bp, d) => `The 2s/10s curve closed at +${bp} bp ${d}.`,
  (bp, d) => `The 10yr-2yr spread settled at ${bp} bp ${d}.`.replace('settled at', 'closed at'),
  (bp, d) => `The 2-10 spread was at ${bp} bp ${d}.`,
  (bp, d) => `The ten-year minus two-year spread stood at ${bp} bp ${d}.`,
  (bp, d) => `The 2s10s gap closed at ${bp} bp ${d}.`,
  (bp, d) => `The 10y-2y Treasury spread was at ${(bp / 100).toFixed(2)} points ${d}.`,
  (bp, d) => `Curve watch: the 2s10s spread stood at ${bp} bp ${d}.`,
  (bp, d) => `The 10-year over 2-year spread closed at ${bp} basis points ${d}.`,
  (bp, d) => `The 2s10s curve ended at ${bp} bp ${d}, the steepest in weeks.`,
  // Desk shorthand and the wire's "spread between" (the sixth batch's curve wordings).
  (bp, d) => `2s10s at ${bp}bp ${d}.`,
  (bp, d) => `The spread between the 10-year and 2-year yields stood at ${bp} basis points ${d}.`,
  (bp, d) => `10y-2y at ${bp} bp ${d}.`,
];
type YieldMoveTemplate = (name: string, figure: string, up: boolean, period: string) => string;
/** A yield's move in basis points (rate.change), the figure in digits or in words (the sixth batch's wordings). */
const YIELD_MOVE_TEMPLATES: YieldMoveTemplate[] = [
  (n, v, up, p) => `The ${n} yield ${up ? 'rose' : 'fell'} ${v} basis points ${p}.`,
  (n, v, up, p) => `The yield on the ${n} Treasury note ${up ? 'climbed' : 'declined'} ${v} bp ${p}.`,
  (n, v, up, p) => `${n[0]!.toUpperCase()}${n.slice(1)} yields ${up ? 'added' : 'shed'} ${v} basis points ${p}.`,
  (n, v, up, p) => `The ${n} yield was ${up ? 'up' : 'down'} ${v} bp ${p}.`,
  (n, v, up, p) =>
    `${p[0]!.toUpperCase()}${p.slice(1)}, the ${n} yield ${up ? 'jumped' : 'dropped'} ${v} basis points.`,
  (n, v, up, p) => `The ${n} Treasury yield ${up ? 'ticked up' : 'ticked down'} ${v} bp ${p}.`,
  (n, v, up, p) => `The ${n} yield ${up ? 'edged higher' : 'edged lower'} ${v} basis points ${p}.`,
  (n, v, up, p) => `The ${n} yield ${up ? 'rose by' : 'fell by'} ${v} basis points ${p}.`,
  (n, v, up, p) => `The ${n} yield moved ${up ? 'up' : 'down'} ${v} bp ${p}.`,
  (n, v, up, p) => `${n[0]!.toUpperCase()}${n.slice(1)} yields were ${v} bp ${up ? 'higher' : 'lower'} ${p}.`,
  (n, v, up, p) => `The ${n} yield ended ${v} basis points ${up ? 'higher' : 'lower'} ${p}.`,
  (n, v, up, p) => `Treasuries: the ${n} yield ${up ? 'rose' : 'fell'} ${v} bp ${p}.`,
  (n, v, up, p) => `The ${n} yield ${up ? 'gained' : 'lost'} ${v} basis points ${p}, traders said.`,
  (n, v, up, p) => `The ${n} yield ${up ? 'jumped' : 'slipped'} ${v} bp ${p}.`,
  (n, v, up, p) => `The ${n} yield has ${up ? 'risen' : 'fallen'} ${v} basis points ${p}.`,
  (n, v, up, p) => `The ${n} yield ${up ? 'backed up' : 'eased'} ${v} bp ${p}.`,
  (n, v, up, p) => `The ${n} yield ${up ? 'surged' : 'sank'} ${v} basis points ${p}.`,
  (n, v, up, p) => `The benchmark ${n} yield ${up ? 'spiked' : 'tumbled'} ${v} bp ${p}.`,
  (n, v, up, p) => `The ${n} yield ${up ? 'climbed' : 'retreated'} by ${v} basis points ${p}.`,
  (n, v, up, p) => `In bonds, the ${n} yield ${up ? 'increased' : 'decreased'} ${v} bp ${p}.`,
];
/** The yields' names and the periods tried: the move is the value at Dec 11 minus the value at the base day named. */
const YIELD_NAMES: [string, string][] = [
  ['10-year', 'DGS10'],
  ['ten-year', 'DGS10'],
  ['2-year', 'DGS2'],
  ['two-year', 'DGS2'],
];
const YIELD_PERIODS: [string, ReturnPeriod, string | null][] = [
  ['on Thursday', '1d', null],
  ['this week', 'wtd', '2025-12-05'],
  ['this month', 'mtd', '2025-11-28'],
  ['this year', 'ytd', '2024-12-31'],
];
/** English words for 1 to 99, written here apart from the reader's own ("a single" for 1, "forty-four"). */
function bpInWords(n: number): string {
  const units =
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
      ' ',
    );
  const tens = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
  if (n === 1) return 'a single';
  if (n < 20) return units[n - 1]!;
  const t = tens[Math.floor(n / 10) - 2]!;
  return n % 10 === 0 ? t : `${t}-${units[(n % 10) - 1]}`;
}

/** The curve on each day (FRED, ../shared/data/real/rates: DGS10 - DGS2 by hand): Dec 8 4.17-3.57, Dec 9 4.18-3.61, Dec 10 4.13-3.54, Dec 11 4.14-3.52. */
const CURVE_DAYS: [string, number][] = [
  ['on Thursday', 62],
  ['on Monday', 60],
  ['on Tuesday', 57],
  ['on Wednesday', 59],
  ['yesterday', 59],
];

describeWithSharedData(
  'the newer forms: any phrasing of a true figure is supported, the altered one contradicted',
  () => {
    let store: DuckDbStore;
    let seriesFor: SeriesFor;

    beforeAll(async () => {
      // The corpus harness's store: the real ETFs, megacaps, ^RUT, ^VIX and FRED's DFF, DGS2, DGS10.
      ({ store, seriesFor } = await openCorpusStore([], [...SYMBOLS, 'DGS2', 'DGS10']));
    }, 120_000);

    afterAll(async () => {
      await store.close();
    });

    const seriesOf = (t: string): PriceSeries => {
      const s = seriesFor(t);
      if (!('series' in s)) throw new Error(s.missing);
      return s.series;
    };
    /** The analytics' return of `period` for `t` as of the close on or before `day`. */
    const truth = (t: string, period: ReturnPeriod, day: string): number => {
      const s = seriesOf(t);
      const v = periodReturn(s.dates, s.close, indexOnOrBefore(s.dates, parseIsoDate(day)), period);
      if (v === null) throw new Error(`no ${period} for ${t}`);
      return v;
    };
    const closeOf = (t: string, day: string) => {
      const s = seriesOf(t);
      return s.close[indexOnOrBefore(s.dates, parseIsoDate(day))]!;
    };
    const check = (text: string, metric?: string): ClaimVerdict[] =>
      extractClaims(text, resolver, { noteDate: NOTE })
        .filter((c) => metric === undefined || c.metric === metric)
        .map((c) => verifyClaim(c, seriesFor, options));
    const expectVerdicts = (text: string, metric: string, want: [string, string, string][]) => {
      expect(
        check(text, metric).map((v) => [v.symbol, v.verdict, v.asOf]),
        text,
      ).toEqual(want);
    };
    const altered = fc.tuple(fc.double({ min: 0.003, max: 0.03, noNaN: true }), fc.boolean());

    it('has at least 20 phrasings of every newer form', () => {
      for (const list of [
        MOVE_TEMPLATES,
        SOCIAL_TEMPLATES,
        LEVEL_MOVE_TEMPLATES,
        TABLE_LAYOUTS,
        CURVE_TEMPLATES,
        YIELD_MOVE_TEMPLATES,
        LABEL_TEMPLATES,
        SHORTHAND_PERIOD_TEMPLATES,
      ] as unknown[][])
        expect(list.length).toBeGreaterThanOrEqual(20);
    });

    it('week periods: the week to date in 20 phrasings x 6 period words, and last week', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...MOVE_TEMPLATES),
          fc.constantFrom(...SYMBOLS),
          fc.constantFrom(...WEEK_WORDS, 'last week'),
          altered,
          (template, t, p, [shift, up]) => {
            // "last week" is the week ended Friday Dec 5: its week to date as of that close.
            const day = p === 'last week' ? '2025-12-05' : '2025-12-11';
            const v = truth(t, 'wtd', day);
            const say = (x: number) => template(named(t), pctText(x), x < 0 ? 'down' : 'up', p);
            expectVerdicts(say(v), 'return', [[t, 'supported', day]]);
            const wrong = v + (up ? shift : -shift);
            expect(check(say(wrong), 'return').map((x) => x.verdict)).toEqual(['contradicted']);
          },
        ),
        { numRuns: 150, seed: 14 },
      );
    });

    it('days before the note’s: the day move of Monday, Tuesday, Wednesday, yesterday, last Friday, in 20 phrasings', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...MOVE_TEMPLATES),
          fc.constantFrom(...SYMBOLS),
          fc.constantFrom(...DAY_WORDS),
          altered,
          (template, t, [p, day], [shift, up]) => {
            const v = truth(t, '1d', day);
            const say = (x: number) => template(named(t), pctText(x), x < 0 ? 'down' : 'up', p);
            expectVerdicts(say(v), 'return', [[t, 'supported', day]]);
            expect(check(say(v + (up ? shift : -shift)), 'return').map((x) => [x.verdict, x.asOf])).toEqual([
              ['contradicted', day],
            ]);
          },
        ),
        { numRuns: 150, seed: 14 },
      );
    });

    it('day labels of a broker\'s note ("Tue: IWM +0.21%"): the labelled day\'s move in 20 phrasings x 9 labels', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...LABEL_TEMPLATES),
          fc.constantFrom(...SYMBOLS),
          fc.constantFrom(...DAY_LABELS),
          altered,
          (template, t, [l, day], [shift, up]) => {
            const v = truth(t, '1d', day);
            expectVerdicts(template(l, t, v), 'return', [[t, 'supported', day]]);
            expect(check(template(l, t, v + (up ? shift : -shift)), 'return').map((x) => [x.verdict, x.asOf])).toEqual([
              ['contradicted', day],
            ]);
          },
        ),
        { numRuns: 150, seed: 14 },
      );
    });

    it('shorthand periods ("+1.01% 1M", "MTD +1.1%"): 20 phrasings x 12 labels, after or before the figure', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...SHORTHAND_PERIOD_TEMPLATES),
          fc.constantFrom(...SYMBOLS),
          fc.constantFrom(...SHORTHAND_LABELS),
          altered,
          (template, t, [period, l], [shift, up]) => {
            const v = truth(t, period, '2025-12-11');
            const found = extractClaims(template(t, signed(v), l), resolver, { noteDate: NOTE });
            expect(
              found.map((c) => [c.symbol, c.metric === 'return' ? c.period : c.metric]),
              template(t, signed(v), l),
            ).toEqual([[t, period]]);
            expectVerdicts(template(t, signed(v), l), 'return', [[t, 'supported', '2025-12-11']]);
            const wrong = template(t, signed(v + (up ? shift : -shift)), l);
            expect(check(wrong, 'return').map((x) => x.verdict)).toEqual(['contradicted']);
          },
        ),
        { numRuns: 200, seed: 14 },
      );
    });

    it('social shorthand: the day move in 20 phrasings', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...SOCIAL_TEMPLATES),
          fc.constantFrom(...SYMBOLS),
          altered,
          (template, t, [s, up]) => {
            const v = truth(t, '1d', '2025-12-11');
            expectVerdicts(template(t, v), 'return', [[t, 'supported', '2025-12-11']]);
            expect(check(template(t, v + (up ? s : -s)), 'return').map((x) => x.verdict)).toEqual(['contradicted']);
          },
        ),
        { numRuns: 120, seed: 14 },
      );
    });

    it('a level with its move: both claims in 20 phrasings, each altered alone', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...LEVEL_MOVE_TEMPLATES),
          fc.constantFrom(...SYMBOLS),
          altered,
          (template, t, [s, up]) => {
            const v = truth(t, '1d', '2025-12-11');
            const level = closeOf(t, '2025-12-11');
            const say = (l: number, x: number) => template(t, named(t), l.toFixed(2), x);
            const both = (text: string) => [
              check(text, 'level').map((x) => x.verdict),
              check(text, 'return').map((x) => x.verdict),
            ];
            expect(both(say(level, v)), say(level, v)).toEqual([['supported'], ['supported']]);
            expect(both(say(level, v + (up ? s : -s)))).toEqual([['supported'], ['contradicted']]);
            expect(both(say(level * (1 + (up ? s : -s)), v))).toEqual([['contradicted'], ['supported']]);
          },
        ),
        { numRuns: 120, seed: 14 },
      );
    });

    it('tables: 20 layouts of level, day move and YTD; one altered cell is the one contradicted', () => {
      const row = (cells: string[], sep: string) =>
        sep === 'pipe' ? `| ${cells.join(' | ')} |` : cells.join(sep === 'tab' ? '\t' : '    ');
      fc.assert(
        fc.property(
          fc.constantFrom(...TABLE_LAYOUTS),
          fc.subarray(SYMBOLS, { minLength: 2, maxLength: 4 }),
          fc.nat(),
          fc.constantFrom(1, 2, 3),
          altered,
          ([sep, ...header], symbols, pick, column, [s, up]) => {
            const cells = symbols.map((t) => [
              t,
              closeOf(t, '2025-12-11').toFixed(2),
              signed(truth(t, '1d', '2025-12-11')),
              signed(truth(t, 'ytd', '2025-12-11')),
            ]);
            const table = (rows: string[][]) =>
              [
                row(header, sep),
                ...(sep === 'pipe' ? ['|---|---:|---:|---:|'] : []),
                ...rows.map((r) => row(r, sep)),
              ].join('\n');
            const verdicts = (text: string) => check(text).map((v) => [v.symbol, v.metric, v.verdict]);
            const truthful = verdicts(table(cells));
            expect(truthful, table(cells)).toEqual(
              symbols.flatMap((t) => [
                [t, 'level', 'supported'],
                [t, 'return', 'supported'],
                [t, 'return', 'supported'],
              ]),
            );
            const r = pick % symbols.length;
            const wrong = cells.map((c) => [...c]);
            const t = symbols[r]!;
            const sign = up ? 1 : -1;
            wrong[r]![column] =
              column === 1
                ? (closeOf(t, '2025-12-11') * (1 + sign * s)).toFixed(2)
                : signed(truth(t, column === 2 ? '1d' : 'ytd', '2025-12-11') + sign * s);
            const expected = truthful.map((x, i) => (i === r * 3 + column - 1 ? [x[0], x[1], 'contradicted'] : x));
            expect(verdicts(table(wrong))).toEqual(expected);
          },
        ),
        { numRuns: 100, seed: 14 },
      );
    });

    it('yield moves (rate.change): 20 phrasings in digits and in words, over the day, week, month and year', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...YIELD_MOVE_TEMPLATES),
          fc.constantFrom(...YIELD_NAMES),
          fc.constantFrom(...YIELD_PERIODS),
          fc.boolean(),
          fc.integer({ min: 1, max: 8 }),
          (template, [name, symbol], [words, period, baseDay], inWords, shift) => {
            // The truth by hand from the stored values: now minus the base day's (the previous value for a day).
            const s = seriesOf(symbol);
            const k = indexOnOrBefore(s.dates, NOTE);
            const b = baseDay === null ? k - 1 : indexOnOrBefore(s.dates, parseIsoDate(baseDay));
            const bp = Math.round((s.close[k]! - s.close[b]!) * 100);
            fc.pre(bp !== 0);
            const say = (x: number) =>
              template(name, inWords ? bpInWords(Math.abs(x)) : String(Math.abs(x)), x > 0, words);
            const verdicts = (text: string) =>
              check(text, 'rate.change').map((v) => [v.symbol, v.period, v.claimed, v.verdict]);
            expect(verdicts(say(bp)), say(bp)).toEqual([[symbol, period, bp, 'supported']]);
            // Altered away from zero, so the direction word stays and the figure is never "zero".
            const wrong = bp + Math.sign(bp) * shift;
            expect(verdicts(say(wrong)), say(wrong)).toEqual([[symbol, period, wrong, 'contradicted']]);
          },
        ),
        { numRuns: 150, seed: 14 },
      );
    });

    it('the Treasury curve (rate.spread): 20 phrasings of its level on the note’s day and before it', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...CURVE_TEMPLATES),
          fc.constantFrom(...CURVE_DAYS),
          fc.integer({ min: 1, max: 12 }),
          fc.boolean(),
          (template, [day, bp], shift, up) => {
            expect(
              check(template(bp, day), 'rate.spread').map((v) => v.verdict),
              template(bp, day),
            ).toEqual(['supported']);
            const wrong = bp + (up ? shift : -shift);
            expect(
              check(template(wrong, day), 'rate.spread').map((v) => v.verdict),
              template(wrong, day),
            ).toEqual(['contradicted']);
          },
        ),
        { numRuns: 120, seed: 14 },
      );
    });
  },
);
