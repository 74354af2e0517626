/**
 * Writes the market note from data. The story (headline and lede) is chosen by rules on the
 * small-vs-mega ratio: its change over the last 21 sessions and its trendline state decide between
 * "rotation into small caps", "into mega caps" and "no clear rotation"; sections follow with the
 * small caps against their records, the ratio and its line, volatility, sectors, rates, the
 * performance table and base rates. Each template is picked by a rule; each number is a figure
 * with provenance (FigureBook). Same data in, same note out.
 */
import { breakoutBaseRate } from '../../analytics/base-rates/base-rate.js';
import type { ShareCount } from '../../analytics/breadth/breadth-snapshot.js';
import { rateSensitivity } from '../../analytics/rates/rate-sensitivity.js';
import { periodReturn } from '../../analytics/returns/period-returns.js';
import { parseCalendarWindow, windowSeasonality } from '../../analytics/seasonality/seasonality.js';
import { analyseTrend, type TrendAnalysis } from '../../analytics/trend/trend-analysis.js';
import type { TrendOptions } from '../../analytics/trend/trend-options.js';
import { lineLevel } from '../../analytics/trend/trendline.js';
import { weeklyCloses } from '../../analytics/trend/weekly-closes.js';
import { FOMC_MEETINGS } from '../../config/fomc-meetings.js';
import type { UniverseConfig } from '../../config/universe-config.js';
import { ensureDefined, ensureNotNull } from '../../domain/ensure.js';
import {
  fixed,
  formatLongDate,
  formatPercent,
  formatPercentagePoints,
  formatUnsignedPercent,
  monthName,
} from '../../domain/format/display-format.js';
import { indexOnOrBefore, type PriceSeries } from '../../domain/price-series.js';
import {
  civilFromDays,
  type DayNumber,
  formatIsoDate,
  parseIsoDate,
  previousYearEnd,
} from '../../domain/trading-date.js';
import { EQUAL_WEIGHT_NAMES } from '../claim-types/breadth-claim-type.js';
import { FigureBook } from './figure-book.js';
import type { MarketNote, NoteChart, NoteParagraph, NoteSection, PerformanceRow, Run } from './note-model.js';
import { cardinal, historyClosing, indefiniteArticle, moveVerb, ordinal, upDown } from './wording.js';

export interface NoteInput {
  readonly asOf: DayNumber;
  /** Every series the note may use, MAG7 included (stored or computed from its members). */
  readonly series: ReadonlyMap<string, PriceSeries>;
  readonly config: UniverseConfig;
  readonly trend: TrendOptions;
  readonly fingerprint: string;
  readonly rows: number;
  readonly demo: boolean;
  /** Breadth of the S&P 600 members as of the note's day, when their closes and the group are stored. */
  readonly breadth?: NoteBreadth | null;
}

/** The breadth figures the note quotes (services/breadth computes them; counts with their denominators). */
export interface NoteBreadth {
  /** The group's name in the store (`sp600`). */
  readonly group: string;
  readonly date: string;
  readonly listed: number;
  readonly withData: number;
  readonly aboveSma50: ShareCount;
  readonly aboveSma200: ShareCount;
  readonly newHighs: number;
  readonly newLows: number;
  readonly withYear: number;
  readonly advances: number;
  readonly declines: number;
  readonly unchanged: number;
  /**
   * The members' equal-weighted index (analytics/breadth: held in equal amounts, rebalanced daily),
   * symbol `sp600:equalWeight`, up to the note's day: set against the cap-weighted fund.
   */
  readonly equalWeight?: PriceSeries;
}

/** Small-vs-mega moves of at least this much over 21 sessions count as a rotation. */
export const ROTATION_THRESHOLD = 0.02;
const ROTATION_SESSIONS = 21;
const STALE_DAYS = 7;

const SMALL_CAPS = ['^SP600', 'SPSM', 'IJR', '^RUT', 'IWM'];
const RATIO_PAIRS: readonly [string, string][] = [
  ['SPSM', 'MAG7'],
  ['^SP600', 'MAG7'],
  ['IWM', 'MAG7'],
  ['IJR', 'MAG7'],
];

const p = (...runs: Run[]): NoteParagraph => ({ runs });
const f = (id: string): Run => ({ figure: id });

/** The day the note is as of: the latest bar on or before the requested day in any series. */
export function noteDay(series: ReadonlyMap<string, PriceSeries>, asOf: DayNumber): DayNumber | null {
  let best: DayNumber | null = null;
  for (const s of series.values()) {
    const k = indexOnOrBefore(s.dates, asOf);
    if (k >= 0 && (best === null || s.dates[k]! > best)) best = s.dates[k]!;
  }
  return best;
}

type Story = MarketNote['story'];
type Bar = { readonly s: PriceSeries; readonly k: number };

/** The small-vs-mega ratio the note is about: the first pair of RATIO_PAIRS with enough fresh history. */
interface RatioPick {
  readonly num: string;
  readonly den: string;
  readonly s: PriceSeries;
  readonly k: number;
  readonly trend: TrendAnalysis | null;
}

/** What every section builder reads: the input, the note's day, the figure book and the naming rules. */
interface NoteContext {
  readonly input: NoteInput;
  readonly cfg: UniverseConfig;
  readonly day: DayNumber;
  readonly asOfIso: string;
  readonly book: FigureBook;
  /** A series with a fresh bar at the note's day, and the index of that bar. */
  at(ticker: string): Bar | null;
  name(ticker: string): string;
  /** "the S&P SmallCap 600 Index (^SP600)". */
  labelled(ticker: string): string;
  /** The short name of a sector fund ("Technology"). */
  shortName(ticker: string): string;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function composeNote(input: NoteInput): MarketNote {
  const day = noteDay(input.series, input.asOf);
  if (day === null) throw new RangeError('composeNote: no series has a bar on or before the as-of day');
  const ctx = noteContext(input, day);
  // The builders run in the order their figures are listed in the note (the book keeps insertion order).
  const ratio = pickRatio(ctx);
  const { story, changeId } = chooseStory(ctx, ratio);
  const small = smallCapsSection(ctx);
  const headline = headlineFor(ctx, story, ratio, small.recordSetters);
  const lede = ledeFor(ctx, story, ratio, changeId, small.recordSetters);
  const charts: NoteChart[] = [];
  const sections: NoteSection[] = [];
  const add = (built: { section: NoteSection | null; chart?: NoteChart | null }) => {
    if (built.chart) charts.push(built.chart);
    if (built.section) sections.push(built.section);
  };
  add(small);
  if (ratio) add(ratioSection(ctx, ratio));
  add(volatilitySection(ctx));
  add(sectorsSection(ctx));
  add(ratesSection(ctx));
  add(breadthSection(ctx));
  add(performanceSection(ctx));
  if (ratio) add(baseRatesSection(ctx, ratio, story));
  if (ratio) add(seasonalitySection(ctx, ratio));
  return {
    asOf: ctx.asOfIso,
    headline,
    lede,
    story,
    sections,
    charts,
    figures: ctx.book.all(),
    fingerprint: input.fingerprint,
    rows: input.rows,
    demo: input.demo,
  };
}

function noteContext(input: NoteInput, day: DayNumber): NoteContext {
  const cfg = input.config;
  const asOfIso = formatIsoDate(day);
  const name = (t: string) => cfg.symbols[t]?.name ?? t;
  return {
    input,
    cfg,
    day,
    asOfIso,
    book: new FigureBook(asOfIso),
    at(ticker) {
      const s = input.series.get(ticker);
      if (!s) return null;
      const k = indexOnOrBefore(s.dates, day);
      if (k < 1 || day - s.dates[k]! > STALE_DAYS) return null;
      return { s, k };
    },
    name,
    labelled: (t) => `the ${name(t)} (${t})`,
    shortName: (t) => cfg.symbols[t]?.aliases.find((a) => /^[A-Z]/.test(a) && !/sector/i.test(a)) ?? name(t),
  };
}

function pickRatio(ctx: NoteContext): RatioPick | null {
  for (const [num, den] of RATIO_PAIRS) {
    if (!ctx.at(num) || !ctx.at(den)) continue;
    const r = ctx.input.series.get(`${num}/${den}`);
    if (!r) continue;
    const k = indexOnOrBefore(r.dates, ctx.day);
    if (k < ROTATION_SESSIONS) continue;
    return { num, den, s: r, k, trend: analyseTrend(r.dates, r.close, ctx.input.trend, k + 1) };
  }
  return null;
}

/**
 * The story: the ratio's change over 21 sessions decides, a break of its line tips a small move.
 * Returns the story and the id of the change figure (null without a ratio).
 */
function chooseStory(ctx: NoteContext, ratio: RatioPick | null): { story: Story; changeId: string | null } {
  if (!ratio) return { story: 'no_clear_rotation', changeId: null };
  const { s, k } = ratio;
  const ratioChange = s.close[k]! / s.close[k - ROTATION_SESSIONS]! - 1;
  const a = formatIsoDate(s.dates[k]!);
  const b = formatIsoDate(s.dates[k - ROTATION_SESSIONS]!);
  const changeId = ctx.book.add({
    id: `ratio-change-21d-${ratio.num}-${ratio.den}`,
    metric: 'ratio.change.21d',
    symbols: [ratio.num, ratio.den],
    dates: [b, a],
    value: ratioChange,
    formula: `(${ratio.num}/${ratio.den})(${a}) / (${ratio.num}/${ratio.den})(${b}) - 1, in percentage points of relative performance`,
    display: formatPercentagePoints(Math.abs(ratioChange)),
  });
  const state = ratio.trend?.breakout?.state;
  if (ratioChange >= ROTATION_THRESHOLD || (ratioChange > 0 && (state === 'breaking' || state === 'confirmed')))
    return { story: 'into_small_caps', changeId };
  if (ratioChange <= -ROTATION_THRESHOLD || (ratioChange < 0 && state === 'failed'))
    return { story: 'into_mega_caps', changeId };
  return { story: 'no_clear_rotation', changeId };
}

/** Small caps against their records: indices in one paragraph, funds in the next. */
function smallCapsSection(ctx: NoteContext): { section: NoteSection | null; recordSetters: string[] } {
  const { book } = ctx;
  const indexRuns: Run[] = [];
  const fundRuns: Run[] = [];
  const recordSetters: string[] = [];
  const nearAth = ctx.cfg.events?.nearAthPct ?? 0.02;
  for (const t of SMALL_CAPS) {
    const x = ctx.at(t);
    if (!x) continue;
    const ath = book.athDistance(x.s, x.k);
    const ytd = book.periodReturn(x.s, x.k, 'ytd');
    const ytdRuns: Run[] = ytd ? [` and is ${upDown(ytd.value)} `, f(ytd.id), ' year-to-date.'] : ['.'];
    const runs = t.startsWith('^') ? indexRuns : fundRuns;
    if (runs.length > 0) runs.push(' ');
    const subject = cap(ctx.labelled(t));
    if (ath.value === 0) {
      recordSetters.push(t);
      runs.push(`${subject} closed at a record high`, ...ytdRuns);
    } else if (-ath.value <= nearAth) {
      const within = book.athDistance(x.s, x.k, true);
      runs.push(
        `${subject} is within `,
        f(within.id),
        ' of its record close, set on ',
        f(book.recordDate(x.s, x.k)),
        ',',
        ...ytdRuns,
      );
    } else {
      runs.push(
        `${subject} sits `,
        f(ath.id),
        ' below its record close of ',
        f(book.recordDate(x.s, x.k)),
        ',',
        ...ytdRuns,
      );
    }
  }
  const paragraphs = [indexRuns, fundRuns].filter((r) => r.length > 0).map((r) => p(...r));
  const section =
    paragraphs.length > 0 ? { id: 'small-caps', title: 'Small caps and their records', paragraphs } : null;
  return { section, recordSetters };
}

function headlineFor(
  ctx: NoteContext,
  story: Story,
  ratio: RatioPick | null,
  recordSetters: readonly string[],
): string {
  const mag7 = ctx.at('MAG7');
  const mag5d = mag7 ? ctx.book.periodReturn(mag7.s, mag7.k, '5d') : null;
  const lead = leadRecordSetter(recordSetters);
  if (story === 'into_small_caps') {
    if (lead) return `Small Caps Take the Lead as the ${ctx.name(lead).replace(/ Index$/, '')} Sets a Record`;
    if (mag5d && mag5d.value < 0) return 'Money Rotates Toward Small Caps as the Magnificent 7 Cool';
    return 'Small Caps Pull Ahead of the Magnificent 7';
  }
  if (story === 'into_mega_caps')
    return mag5d && mag5d.value > 0
      ? 'The Magnificent 7 Outrun Small Caps Again'
      : 'Mega-Caps Reassert Their Lead as Small Caps Fade';
  if (ratio) return 'Small Caps and the Magnificent 7 Move in Step, With No Clear Rotation Yet';
  return `The Market on ${formatLongDate(ctx.day)}: Too Little Data for a Rotation Call`;
}

/** The record setter the headline and lede name: an index before a fund. */
function leadRecordSetter(recordSetters: readonly string[]): string | undefined {
  return recordSetters.find((t) => t.startsWith('^')) ?? recordSetters[0];
}

function ledeFor(
  ctx: NoteContext,
  story: Story,
  ratio: RatioPick | null,
  changeId: string | null,
  recordSetters: readonly string[],
): NoteParagraph {
  const { book } = ctx;
  const runs: Run[] = [];
  if (ratio && changeId) {
    const small = ratio.num;
    if (story === 'into_small_caps')
      runs.push(
        `Small caps are taking over leadership: ${small} has outpaced the Magnificent 7 basket by `,
        f(changeId),
        ' over the past 21 sessions.',
      );
    else if (story === 'into_mega_caps')
      runs.push(
        `The big names are back in charge: the Magnificent 7 basket has outpaced ${small} by `,
        f(changeId),
        ' over the past 21 sessions.',
      );
    else
      runs.push(
        `Neither side has pulled away: ${small} and the Magnificent 7 basket are within `,
        f(changeId),
        ' of each other over the past 21 sessions.',
      );
  }
  const mag7 = ctx.at('MAG7');
  const mag5d = mag7 ? book.periodReturn(mag7.s, mag7.k, '5d') : null;
  if (mag7 && mag5d)
    runs.push(
      ` The Magnificent 7 basket (MAG7) ${moveVerb(mag5d.value)} `,
      f(mag5d.id),
      ' over the past five sessions.',
    );
  const lead = leadRecordSetter(recordSetters);
  if (lead) {
    const x = ensureNotNull(ctx.at(lead), `fresh bar of record setter ${lead}`);
    const ytd = book.periodReturn(x.s, x.k, 'ytd');
    if (ytd) runs.push(` ${cap(ctx.labelled(lead))} is ${upDown(ytd.value)} `, f(ytd.id), ' year-to-date.');
  }
  return p(...(runs.length > 0 ? runs : ['There is too little stored data to tell a rotation story for this day.']));
}

/** The ratio against its multi-year line: state, distance, touches and slope, with the weekly chart. */
function ratioSection(ctx: NoteContext, ratio: RatioPick): { section: NoteSection; chart: NoteChart | null } {
  const { book, input, day } = ctx;
  const { s, k, num, den, trend: t } = ratio;
  const paras: NoteParagraph[] = [];
  const subject = `The ratio of ${num} versus the Magnificent 7 basket (${den})`;
  let chart: NoteChart | null = null;
  if (t?.line && t.breakout && t.distance !== null && t.levelAtAsOf !== null) {
    const a = formatIsoDate(t.asOfDay);
    const anchor0 = formatIsoDate(t.line.anchors[0].day);
    const anchor1 = formatIsoDate(t.line.anchors[1].day);
    const distId = book.add({
      id: `trend-distance-${num}-${den}`,
      metric: 'trend.distance',
      symbols: [num, den],
      dates: [anchor0, anchor1, a],
      value: t.distance,
      formula: `weekly close of ${num}/${den} on ${a} / line level ${t.levelAtAsOf.toPrecision(6)} - 1 (${t.line.kind} line through the weekly closes of ${anchor0} and ${anchor1}, log scale)`,
      display: formatUnsignedPercent(t.distance),
    });
    const stateId = book.add({
      id: `trend-state-${num}-${den}`,
      metric: 'trend.state',
      symbols: [num, den],
      dates: [formatIsoDate(t.breakout.sinceDay), a],
      value: t.breakout.state,
      formula: `breakout state machine on weekly closes against the line (testing within ${formatPercent(input.trend.testingPct, 0)} under it; confirmed after ${input.trend.confirmWeeks} weekly closes at least ${formatPercent(input.trend.confirmPct, 0)} over it)`,
      display: t.breakout.state,
    });
    paras.push(p(...statePhrase(subject, t, distId, stateId, formatLongDate(t.breakout.sinceDay, day))));
    const slope = (Math.exp(t.line.slopeLogPerYear) - 1) * 100;
    const touchesId = book.add({
      id: `trend-touches-${num}-${den}`,
      metric: 'trend.touches',
      symbols: [num, den],
      dates: [anchor0, formatIsoDate(t.line.lastTouchDay)],
      value: t.line.touches,
      formula: 'weekly pivots within the touch band of the line',
      display: cardinal(t.line.touches),
    });
    const slopeId = book.add({
      id: `trend-slope-${num}-${den}`,
      metric: 'trend.slope',
      symbols: [num, den],
      dates: [anchor0, anchor1],
      value: t.line.slopeLogPerYear,
      formula: 'exp(slope of ln(line) per 365.25 days) - 1',
      display: `${fixed(slope, 1)}% a year`,
    });
    paras.push(
      p(
        `The line starts at the weekly close of ${formatLongDate(t.line.anchors[0].day, day)}, has been touched `,
        f(touchesId),
        ' times and has a slope of ',
        f(slopeId),
        '.',
      ),
    );
    const weekly = weeklyCloses(s.dates, s.close, k + 1);
    const from = t.line.anchors[0].day;
    const start = Math.max(
      0,
      weekly.dates.findIndex((d) => d >= from - 365),
    );
    chart = {
      id: 'chart-ratio',
      kind: 'ratio',
      title: `${num} / ${den}, weekly closes, with its ${t.line.kind} line`,
      dates: Array.from(weekly.dates.subarray(start), (d) => formatIsoDate(d)),
      values: Array.from(weekly.values.subarray(start)),
      line: { from: formatIsoDate(from), to: a, fromValue: lineLevel(t.line, from), toValue: t.levelAtAsOf },
    };
  } else {
    paras.push(p(`${subject} shows no multi-year trendline in the stored history, so there is no line to test.`));
  }
  return {
    section: {
      id: 'ratio',
      title: 'Small caps against the Magnificent 7',
      paragraphs: paras,
      charts: chart ? ['chart-ratio'] : [],
    },
    chart,
  };
}

/** The sentence for the ratio's breakout state; the verb phrase links to the state figure. */
function statePhrase(subject: string, t: TrendAnalysis, distId: string, stateId: string, sinceText: string): Run[] {
  const line = ensureNotNull(t.line, 'trendline of the ratio');
  const state = ensureNotNull(t.breakout, 'breakout state of the ratio').state;
  const lineName = line.kind === 'downtrend' ? 'multi-year downtrend line' : 'multi-year uptrend support line';
  const side = (t.distance ?? 0) < 0 ? 'under' : 'over';
  const v = (text: string): Run => ({ figure: stateId, text });
  switch (state) {
    case 'below':
      return [
        `${subject} `,
        v('remains below'),
        ` its ${lineName}, `,
        f(distId),
        ` ${side} it, as it has been since ${sinceText}.`,
      ];
    case 'testing':
      return [
        `${subject} `,
        v('is testing'),
        ` its ${lineName}, `,
        f(distId),
        ` ${side} it, and has been pressing against the line since ${sinceText}.`,
      ];
    case 'breaking':
      return [
        `${subject} `,
        v('has broken above'),
        ` its ${lineName} and sits `,
        f(distId),
        ` ${side} it; the break dates from ${sinceText} and is not yet confirmed.`,
      ];
    case 'confirmed':
      return [
        `${subject} `,
        v('has confirmed its breakout'),
        ` above the ${lineName}, now `,
        f(distId),
        ` ${side} it; the confirmation dates from ${sinceText}.`,
      ];
    case 'failed':
      return [
        `${subject} `,
        v('failed to hold its break'),
        ` and fell back below its ${lineName}, now `,
        f(distId),
        ` ${side} it.`,
      ];
  }
}

/** The VIX: its close, how low or high that is, and its day's move. */
function volatilitySection(ctx: NoteContext): { section: NoteSection | null } {
  const { book } = ctx;
  const vix = ctx.at('^VIX');
  if (!vix) return { section: null };
  const closeId = book.close(vix.s, vix.k);
  const low = book.since(vix.s, vix.k, 'lowest');
  const high = book.since(vix.s, vix.k, 'highest');
  const d1 = book.periodReturn(vix.s, vix.k, '1d');
  const monthAgo = ctx.day - 30;
  const runs: Run[] = [`${cap(ctx.labelled('^VIX'))} closed at `, f(closeId)];
  if (low === null) runs.push(', its lowest close on record.');
  else if (low.day < monthAgo) runs.push(', its lowest close since ', f(low.id), '.');
  else if (high === null) runs.push(', its highest close on record.');
  else if (high.day < monthAgo) runs.push(', its highest close since ', f(high.id), '.');
  else runs.push('.');
  if (d1) runs.push(` The index ${moveVerb(d1.value)} `, f(d1.id), ' on the day.');
  const calm = low !== null && low.day < monthAgo;
  runs.push(calm ? ' Calm volatility sits well with money moving between sectors rather than leaving stocks.' : '');
  return { section: { id: 'volatility', title: 'Volatility', paragraphs: [p(...runs)] } };
}

/** Sectors over five sessions: the breadth frame, leaders and laggards, then streaks. */
function sectorsSection(ctx: NoteContext): { section: NoteSection | null } {
  const { book } = ctx;
  const rows = (ctx.cfg.groups.sectors ?? [])
    .map((t) => ({ t, x: ctx.at(t) }))
    .filter((r): r is { t: string; x: Bar } => r.x !== null)
    .map((r) => ({ ...r, r5: book.periodReturn(r.x.s, r.x.k, '5d') }))
    .filter((r): r is { t: string; x: Bar; r5: { id: string; value: number } } => r.r5 !== null)
    .sort((a, b) => b.r5.value - a.r5.value || (a.t < b.t ? -1 : 1));
  const [first, second, third] = rows;
  if (!first || !second || !third) return { section: null };
  const paras: NoteParagraph[] = [];
  const total = cardinal(rows.length);
  const last = ensureDefined(rows[rows.length - 1], 'last sector');
  const secondLast = ensureDefined(rows[rows.length - 2], 'second-last sector');
  const named = (t: string) => `${ctx.shortName(t)} (${t})`;
  const ups = rows.filter((r) => r.r5.value > 0).length;
  // The framing follows breadth: most sectors up, most down, or a split tape.
  const frame =
    ups >= (rows.length * 2) / 3
      ? `${cap(cardinal(ups))} of the ${total} sector funds gained ground`
      : ups <= rows.length / 3
        ? `Only ${cardinal(ups)} of the ${total} sector funds gained ground`
        : `The ${total} sector funds split, ${cardinal(ups)} up and ${cardinal(rows.length - ups)} down`;
  const leaderWord = first.r5.value > 0 ? 'led the way' : 'held up best';
  paras.push(
    p(
      `${frame} over the past five sessions. ${named(first.t)} ${leaderWord}: it ${moveVerb(first.r5.value)} `,
      f(first.r5.id),
      `, while ${named(second.t)} ${moveVerb(second.r5.value)} `,
      f(second.r5.id),
      ` and ${named(third.t)} ${moveVerb(third.r5.value)} `,
      f(third.r5.id),
      '.',
    ),
  );
  paras.push(
    p(
      `At the other end, ${named(last.t)} ${moveVerb(last.r5.value)} `,
      f(last.r5.id),
      ' over the same stretch, and ',
      `${named(secondLast.t)} ${moveVerb(secondLast.r5.value)} `,
      f(secondLast.r5.id),
      '.',
    ),
  );
  const minStreak = ctx.cfg.events?.minStreak ?? 4;
  for (const r of [...rows].sort((a, b) => (a.t < b.t ? -1 : 1))) {
    const now = book.streak(r.x.s, r.x.k);
    if (Math.abs(now.value) >= minStreak && Math.abs(now.value) <= 12) {
      const nth = ordinal(Math.abs(now.value));
      paras.push(
        p(`${named(r.t)} ${now.value > 0 ? 'rose' : 'fell'} for ${indefiniteArticle(nth)} ${nth} straight session.`),
      );
      continue;
    }
    const before = book.streak(r.x.s, r.x.k, r.x.k - 1);
    if (
      Math.abs(now.value) === 1 &&
      Math.sign(now.value) !== Math.sign(before.value) &&
      Math.abs(before.value) >= minStreak
    ) {
      paras.push(
        p(
          `${named(r.t)} ended ${indefiniteArticle(cardinal(Math.abs(before.value)))} `,
          f(before.id),
          `-session ${before.value > 0 ? 'winning' : 'losing'} streak.`,
        ),
      );
    }
  }
  return { section: { id: 'sectors', title: 'Sectors: leaders, laggards and streaks', paragraphs: paras } };
}

/** Rates: each level and its change since the end of last year, in basis points. */
function ratesSection(ctx: NoteContext): { section: NoteSection | null } {
  const { book } = ctx;
  const paras: NoteParagraph[] = [];
  for (const t of ['DFF', 'DGS2', 'DGS10']) {
    const x = ctx.at(t);
    if (!x) continue;
    const levelId = book.close(x.s, x.k);
    const yearEnd = indexOnOrBefore(x.s.dates, previousYearEnd(x.s.dates[x.k]!));
    if (yearEnd < 0) {
      paras.push(p(`The ${ctx.name(t)} (${t}) stands at `, f(levelId), '%.'));
      continue;
    }
    // Rates are levels: the change is a difference in basis points, never a percent return.
    const bp = Math.round((x.s.close[x.k]! - x.s.close[yearEnd]!) * 100);
    const b = formatIsoDate(x.s.dates[yearEnd]!);
    const a = formatIsoDate(x.s.dates[x.k]!);
    const changeId = book.add({
      id: `rate-change-ytd-${t}`,
      metric: 'rate.change.ytd',
      symbols: [t],
      dates: [b, a],
      value: bp,
      formula: `(value(${a}) - value(${b})) x 100, whole basis points since the last value of last year`,
      display: `${Math.abs(bp)} bp`,
    });
    paras.push(
      p(
        `The ${ctx.name(t)} (${t}) stands at `,
        f(levelId),
        `%, `,
        f(changeId),
        ` ${bp >= 0 ? 'above' : 'below'} where it ended last year.`,
      ),
    );
  }
  // The Fed's last move, seen in the effective rate (issue 15): DFF from the decision day to now.
  const dffAt = ctx.at('DFF');
  const lastMove = FOMC_MEETINGS.filter((m) => m.decisionBp && m.date <= ctx.asOfIso).at(-1);
  if (dffAt && lastMove) {
    const decision = parseIsoDate(lastMove.date);
    const k0 = indexOnOrBefore(dffAt.s.dates, decision);
    if (k0 >= 0 && k0 < dffAt.k) {
      const bp = Math.round((dffAt.s.close[dffAt.k]! - dffAt.s.close[k0]!) * 100);
      const b = formatIsoDate(dffAt.s.dates[k0]!);
      const changeId = book.add({
        id: 'rate-change-fomc-DFF',
        metric: 'rate.change.bp',
        symbols: ['DFF'],
        dates: [b, ctx.asOfIso],
        value: bp,
        formula: `(DFF(${formatIsoDate(dffAt.s.dates[dffAt.k]!)}) - DFF(${b})) x 100, basis points since the FOMC decision of ${lastMove.date} (src/config/fomc-meetings.ts: ${lastMove.decisionBp} bp)`,
        display: `${Math.abs(bp)} bp`,
      });
      const [yr, mo, d] = civilFromDays(decision);
      // the year only when it is not the note's own ("of December 10" in a December 2026 note would read as 2026)
      const year = yr === civilFromDays(parseIsoDate(ctx.asOfIso))[0] ? '' : `, ${yr}`;
      paras.push(
        p(
          `The fed funds rate (DFF) is ${bp < 0 ? 'down' : 'up'} `,
          f(changeId),
          ` since the Fed's ${lastMove.decisionBp! < 0 ? 'cut' : 'hike'} of ${monthName(mo)} ${d}${year}.`,
        ),
      );
    }
  }
  // Which sectors move most with the 10-year yield: 252-day beta of daily returns to its changes.
  const tenAt = ctx.at('DGS10');
  if (tenAt) {
    const ranked: { t: string; beta: number }[] = [];
    for (const t of ctx.cfg.groups.sectors ?? []) {
      const x = ctx.at(t);
      if (!x) continue;
      const w = rateSensitivity(
        { dates: x.s.dates, closes: x.s.close },
        { dates: tenAt.s.dates, closes: tenAt.s.close },
        ctx.day,
      ).find((v) => v.frequency === 'daily' && v.window === 252);
      if (w?.beta !== null && w?.beta !== undefined && w.n >= 200) ranked.push({ t, beta: w.beta });
    }
    ranked.sort((a, b) => a.beta - b.beta);
    const top = ranked.slice(0, 3).filter((r) => r.beta < 0);
    if (top.length > 0) {
      const runs: Run[] = ['Over the past year, the sectors that gained most as the 10-year yield fell were '];
      top.forEach((r, i) => {
        const id = book.add({
          id: `rate-beta-${r.t}-DGS10`,
          metric: 'rate.beta.252d',
          symbols: [r.t, 'DGS10'],
          dates: [ctx.asOfIso],
          value: r.beta * 1e4,
          formula: `252-day beta of ${r.t}'s daily return to the daily change of DGS10 in bp (common days only), in bp of return per bp`,
          display: `${fixed(Math.abs(r.beta * 1e4), 1)} bp`,
        });
        if (i > 0) runs.push(i === top.length - 1 ? ' and ' : ', ');
        runs.push(`${ctx.shortName(r.t)} (${r.t}, `, f(id), ' per basis point of decline)');
      });
      runs.push('.');
      paras.push(p(...runs));
    }
  }
  return { section: paras.length > 0 ? { id: 'rates', title: 'Rates', paragraphs: paras } : null };
}

/**
 * Breadth (issue 15): the share of the S&P 600 members above their 50- and 200-day averages, new
 * 52-week highs and lows, advances and declines on the day, from the members' stored closes (the
 * counts of `marketdash breadth --group sp600`). Only when it is computed for the note's own day.
 */
function breadthSection(ctx: NoteContext): { section: NoteSection | null } {
  const b = ctx.input.breadth;
  if (!b || b.date !== ctx.asOfIso || b.aboveSma50.share === null) return { section: null };
  const { book } = ctx;
  const from = `the ${b.group} group's members with a close on ${b.date} (${b.withData} of ${b.listed} listed have stored closes; today's members only, so history has survivorship bias)`;
  const share = (which: '50' | '200', sc: ShareCount) =>
    book.add({
      id: `breadth-above${which}-${b.group}`,
      metric: `breadth.above${which}`,
      symbols: [b.group],
      dates: [b.date],
      value: sc.share!,
      formula: `${sc.count} of ${sc.of} members closed strictly above their ${which}-day SMA (members with ${which} bars), ${from}`,
      display: `${fixed(sc.share! * 100, 2)}%`,
    });
  const count = (what: string, metric: string, value: number, formula: string) =>
    book.add({
      id: `breadth-${what}-${b.group}`,
      metric,
      symbols: [b.group],
      dates: [b.date],
      value,
      formula: `${formula}, ${from}`,
      display: value === 0 && what.startsWith('new') ? 'none' : String(value),
    });
  const paras: NoteParagraph[] = [];
  const above: Run[] = [
    'Among the S&P 600 members with a close that day, ',
    f(share('50', b.aboveSma50)),
    ' closed above their 50-day average',
  ];
  if (b.aboveSma200.share !== null) above.push(' and ', f(share('200', b.aboveSma200)), ' above their 200-day average');
  above.push('.');
  paras.push(p(...above));
  if (b.withYear > 0) {
    const highs = count(
      'newhighs',
      'breadth.newHighs',
      b.newHighs,
      `members whose close is strictly above every other close after the same date a year earlier (of ${b.withYear} with a year of history)`,
    );
    const lows = count('newlows', 'breadth.newLows', b.newLows, 'the same, strictly below');
    const net = count('net', 'breadth.netNewHighs', b.newHighs - b.newLows, 'new highs minus new lows');
    paras.push(
      p(
        'Of the S&P 600 members, ',
        f(highs),
        ' made new 52-week highs and ',
        f(lows),
        ' made new 52-week lows (net new highs: ',
        f(net),
        ').',
      ),
    );
  }
  const adv = count(
    'advances',
    'breadth.advances',
    b.advances,
    "members whose close is above their own previous bar's",
  );
  const dec = count(
    'declines',
    'breadth.declines',
    b.declines,
    "members whose close is below their own previous bar's",
  );
  const mood =
    b.advances > 2 * b.declines
      ? 'a broad advance'
      : b.declines > 2 * b.advances
        ? 'a broad retreat'
        : 'a mixed session';
  paras.push(p('On the day, ', f(adv), ' S&P 600 members advanced and ', f(dec), ` declined, ${mood}.`));
  const table = equalVsCapWeight(ctx, b, paras);
  return {
    section: { id: 'breadth', title: 'Breadth: the S&P 600 members', paragraphs: paras, ...(table ? { table } : {}) },
  };
}

/** The cap-weighted small-cap benchmarks, first stored wins: the index, then the funds that track it. */
const CAP_WEIGHTED = ['^SP600', 'SPSM', 'IJR'];

/**
 * Equal weight against cap weight: the members' equal-weighted index and the first stored
 * cap-weighted benchmark over the scoreboard's periods, as two table rows (each cell a return
 * figure on that series' closes; the members' file and the funds are adjusted closes, so both are
 * total returns), and a sentence saying which side leads over the year so far and over one year.
 */
function equalVsCapWeight(ctx: NoteContext, b: NoteBreadth, paras: NoteParagraph[]): PerformanceRow[] | null {
  const ew = b.equalWeight;
  const capTicker = CAP_WEIGHTED.find((t) => ctx.at(t) !== null);
  if (!ew || ew.dates.length === 0 || capTicker === undefined) return null;
  const k = ew.dates.length - 1;
  if (formatIsoDate(ew.dates[k]!) !== ctx.asOfIso) return null;
  const cap = ensureNotNull(ctx.at(capTicker), `${capTicker} at the note's day`);
  const row = (s: PriceSeries, at: number, symbol: string, label: string): PerformanceRow => ({
    symbol,
    label,
    group: 'Equal vs cap weight',
    oneMonth: ctx.book.periodReturn(s, at, '1m', true)?.id ?? null,
    threeMonths: ctx.book.periodReturn(s, at, '3m', true)?.id ?? null,
    sixMonths: ctx.book.periodReturn(s, at, '6m', true)?.id ?? null,
    ytd: ctx.book.periodReturn(s, at, 'ytd', true)?.id ?? null,
    oneYear: ctx.book.periodReturn(s, at, '1y', true)?.id ?? null,
  });
  const rows = [
    row(ew, k, ew.symbol, EQUAL_WEIGHT_NAMES[0]),
    row(cap.s, cap.k, capTicker, `${ctx.name(capTicker)} (${capTicker})`),
  ];
  const ahead = (period: 'ytd' | '1y') => {
    const e = periodReturn(ew.dates, ew.close, k, period);
    const c = periodReturn(cap.s.dates, cap.s.close, cap.k, period);
    return e === null || c === null ? null : e > c;
  };
  const word = (lead: boolean) => (lead ? 'ahead of' : 'behind');
  const ytd = ahead('ytd');
  const year = ahead('1y');
  const verdict =
    ytd === null || year === null
      ? ytd === null && year === null
        ? ''
        : ` The average member is ${word((ytd ?? year) as boolean)} ${capTicker} ${ytd === null ? 'over one year' : 'this year'}.`
      : ytd === year
        ? ` The average member is ${word(ytd)} ${capTicker} both this year and over one year.`
        : ` The average member is ${word(ytd)} ${capTicker} this year but ${word(year)} it over one year.`;
  paras.push(
    p(
      `Equal weight against cap weight: the table sets the S&P 600 members held in equal amounts (an index rebalanced every day, each member's return on its own previous close, from the members' adjusted closes) against ${capTicker}, which weights them by market value.${verdict}`,
    ),
  );
  return rows;
}

/** The scoreboard: 1M, 3M, 6M, YTD and one-year returns of the Mag 7, the basket and fund, and the small caps. */
function performanceSection(ctx: NoteContext): { section: NoteSection | null; chart: NoteChart | null } {
  const { book, cfg } = ctx;
  const rows: PerformanceRow[] = [];
  const addRow = (t: string, group: PerformanceRow['group']) => {
    const x = ctx.at(t);
    if (!x) return;
    rows.push({
      symbol: t,
      label: `${ctx.name(t)} (${t})`,
      group,
      oneMonth: book.periodReturn(x.s, x.k, '1m', true)?.id ?? null,
      threeMonths: book.periodReturn(x.s, x.k, '3m', true)?.id ?? null,
      sixMonths: book.periodReturn(x.s, x.k, '6m', true)?.id ?? null,
      ytd: book.periodReturn(x.s, x.k, 'ytd', true)?.id ?? null,
      oneYear: book.periodReturn(x.s, x.k, '1y', true)?.id ?? null,
    });
  };
  const mag7Members = cfg.groups.mag7 ?? [];
  const googl = mag7Members.indexOf('GOOGL') + 1;
  for (const t of [...mag7Members.slice(0, googl), 'GOOG', ...mag7Members.slice(googl)])
    if (cfg.symbols[t]) addRow(t, 'Magnificent 7');
  addRow('MAG7', 'Mag 7 basket and fund');
  addRow('MAGS', 'Mag 7 basket and fund');
  for (const t of SMALL_CAPS) addRow(t, 'Small caps');
  if (rows.length === 0) return { section: null, chart: null };
  const bars = rows.flatMap((r) =>
    r.ytd === null ? [] : [{ label: r.symbol, value: book.get(r.ytd).value as number }],
  );
  return {
    chart: { id: 'chart-performance', kind: 'bars', title: 'Year-to-date price return', bars },
    section: {
      id: 'performance',
      title: 'The scoreboard: one, three and six months, year-to-date and one year',
      paragraphs: [
        p(
          'Returns on stored closing prices, as of the close of ',
          formatLongDate(ctx.day),
          ' (price returns; where a source gives only adjusted closes, they include dividends).',
        ),
      ],
      table: rows,
      charts: ['chart-performance'],
    },
  };
}

/** What history says: earlier breaks of the ratio's line, how many held, and the median move after them. */
function baseRatesSection(ctx: NoteContext, ratio: RatioPick, story: Story): { section: NoteSection } {
  const { book } = ctx;
  const { s, k, num, den } = ratio;
  const br = breakoutBaseRate(s.dates, s.close, ctx.input.trend, k);
  const paras: NoteParagraph[] = [];
  const a = formatIsoDate(s.dates[k]!);
  const countId = book.add({
    id: `baserate-count-${num}-${den}`,
    metric: 'baserate.breaks',
    symbols: [num, den],
    dates: [formatIsoDate(ensureDefined(s.dates[0], `first day of ${num}/${den}`)), a],
    value: br.count,
    formula: `breaks of the dominant multi-year line of ${num}/${den} found week by week with only the data up to each week`,
    display: cardinal(br.count),
  });
  const firstBreak = br.occurrences[0];
  if (br.count === 0 || !firstBreak) {
    paras.push(
      p(
        `History offers no guide here: in the stored record since ${s.dates.length > 0 ? formatIsoDate(ensureDefined(s.dates[0], `first day of ${num}/${den}`)).slice(0, 4) : 'its start'}, the ${num}/${den} ratio has `,
        f(countId),
        ' earlier breaks of a multi-year line.',
      ),
    );
  } else {
    const held = br.stillAboveLine3m;
    const firstYear = firstBreak.date.slice(0, 4);
    const breakDates = br.occurrences.map((o) => o.date);
    if (held && held.n > 0) {
      const heldCount = Math.round((held.share ?? 0) * held.n);
      const heldId = book.add({
        id: `baserate-held-${num}-${den}`,
        metric: 'baserate.held3m',
        symbols: [num, den],
        dates: breakDates,
        value: heldCount,
        formula: 'breaks whose ratio was still beyond the line (as drawn at the break) 63 trading days later',
        display: cardinal(heldCount),
      });
      const nId = book.add({
        id: `baserate-n-${num}-${den}`,
        metric: 'baserate.complete',
        symbols: [num, den],
        dates: breakDates,
        value: held.n,
        formula: 'breaks with 63 trading days of data after them',
        display: cardinal(held.n),
      });
      paras.push(
        p(
          `Of the `,
          f(countId),
          ` earlier breaks of a multi-year line in the ${num}/${den} ratio since ${firstYear}, `,
          f(heldId),
          ' of ',
          f(nId),
          ' with three months of history after them were still beyond the line three months later.',
        ),
      );
    } else
      paras.push(
        p(
          `The ${num}/${den} ratio has `,
          f(countId),
          ` earlier breaks of a multi-year line since ${firstYear}, too recent to judge three months on.`,
        ),
      );
    const m3 = br.horizons['3m'];
    if (m3 && m3.n > 0 && m3.median !== null) {
      const medId = book.add({
        id: `baserate-median3m-${num}-${den}`,
        metric: 'baserate.median3m',
        symbols: [num, den],
        dates: breakDates,
        value: m3.median,
        formula: 'median of ratio(break + 63 sessions) / ratio(break) - 1',
        // Unsigned: the words say which side ("-3.7 percentage points ..., in favour of the Magnificent 7"
        // said the direction twice); the same convention as the seasonality line and the dashboard.
        display: formatPercentagePoints(Math.abs(m3.median)),
      });
      paras.push(
        p(
          `The median three-month change in the ratio after those breaks was `,
          f(medId),
          ` of relative performance, ${m3.median > 0 ? 'in favour of small caps' : m3.median < 0 ? 'in favour of the Magnificent 7' : 'neither side ahead'}.`,
        ),
      );
    }
  }
  // The words follow the numbers just quoted: the closing line never contradicts the base rate
  // (a median three-month change against the rotation, or most breaks not holding, say so).
  const median3m = br.count > 0 ? (br.horizons['3m']?.median ?? null) : null;
  const heldShare = br.count > 0 ? (br.stillAboveLine3m?.share ?? null) : null;
  paras.push(p(historyClosing(story, median3m, heldShare)));
  return { section: { id: 'base-rates', title: 'What history says', paragraphs: paras } };
}

/**
 * The seasonality of the coming three weeks (issue 15): the ratio's change over the same calendar
 * window (the day after the note's day to 21 days later) in every earlier year of its history.
 */
function seasonalitySection(ctx: NoteContext, ratio: RatioPick): { section: NoteSection | null } {
  const { s, k, num, den } = ratio;
  const [, m1, d1] = civilFromDays(ctx.day + 1);
  const [, m2, d2] = civilFromDays(ctx.day + 21);
  // Feb 29 is missing in most years: a window touching it starts or ends on the 28th.
  const mmdd = (m: number, d: number) =>
    `${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`;
  const window = parseCalendarWindow(`${mmdd(m1, d1)}..${mmdd(m2, d2)}`);
  const w = windowSeasonality(s.dates.subarray(0, k + 1), s.close.subarray(0, k + 1), window, s.dates[k]!);
  if (w.years.length < 5 || w.median === null) return { section: null };
  const up = w.years.filter((y) => y.change > 0).length;
  const years = w.years.flatMap((y) => [y.from, y.to]);
  const upId = ctx.book.add({
    id: `seasonality-up-${num}-${den}`,
    metric: 'seasonality.up',
    symbols: [num, den],
    dates: years,
    value: up,
    formula: `years in which ${num}/${den} rose from the last close before ${window.text.slice(0, 5)} to the last close on or before ${window.text.slice(7)}`,
    display: cardinal(up),
  });
  const nId = ctx.book.add({
    id: `seasonality-n-${num}-${den}`,
    metric: 'seasonality.years',
    symbols: [num, den],
    dates: years,
    value: w.years.length,
    formula: `complete windows ${window.text} in the stored history of ${num}/${den}`,
    display: cardinal(w.years.length),
  });
  const medId = ctx.book.add({
    id: `seasonality-median-${num}-${den}`,
    metric: 'seasonality.median',
    symbols: [num, den],
    dates: years,
    value: w.median,
    formula: `median over those years of ratio(end) / ratio(base) - 1`,
    display: formatPercentagePoints(Math.abs(w.median)),
  });
  const favour = w.median > 0 ? 'small caps' : 'the Magnificent 7';
  return {
    section: {
      id: 'seasonality',
      title: 'The coming weeks',
      paragraphs: [
        p(
          `Seasonality: in the window from ${monthName(m1)} ${d1} to ${monthName(m2)} ${d2}, the ${num}/${den} ratio rose in `,
          f(upId),
          ' of ',
          f(nId),
          ` earlier years, with a median move of `,
          f(medId),
          ` in favour of ${favour}.`,
        ),
      ],
    },
  };
}
