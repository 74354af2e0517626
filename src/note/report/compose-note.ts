/**
 * Writes the market note from data. The story (headline and lede) is chosen by rules on the
 * small-vs-mega ratio: its change over the last 21 sessions and its trendline state decide between
 * "rotation into small caps", "into mega caps" and "no clear rotation"; sections follow with the
 * small caps against their records, the ratio and its line, volatility, sectors, rates, the
 * performance table and base rates. Each template is picked by a rule; each number is a figure
 * with provenance (FigureBook). Same data in, same note out.
 */
import { breakoutBaseRate } from '../../analytics/base-rates/base-rate.js';
import { analyseTrend, type TrendAnalysis } from '../../analytics/trend/trend-analysis.js';
import type { TrendOptions } from '../../analytics/trend/trend-options.js';
import { lineLevel } from '../../analytics/trend/trendline.js';
import { weeklyCloses } from '../../analytics/trend/weekly-closes.js';
import type { UniverseConfig } from '../../config/universe-config.js';
import {
  fixed,
  formatLongDate,
  formatPercent,
  formatPercentagePoints,
  formatUnsignedPercent,
} from '../../domain/format/display-format.js';
import { indexOnOrBefore, type PriceSeries } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate, previousYearEnd } from '../../domain/trading-date.js';
import { FigureBook } from './figure-book.js';
import type { MarketNote, NoteChart, NoteParagraph, NoteSection, PerformanceRow, Run } from './note-model.js';
import { cardinal, indefiniteArticle, moveVerb, ordinal, upDown } from './wording.js';

export interface NoteInput {
  readonly asOf: DayNumber;
  /** Every series the note may use, MAG7 included (stored or computed from its members). */
  readonly series: ReadonlyMap<string, PriceSeries>;
  readonly config: UniverseConfig;
  readonly trend: TrendOptions;
  readonly fingerprint: string;
  readonly rows: number;
  readonly demo: boolean;
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

export function composeNote(input: NoteInput): MarketNote {
  const day = noteDay(input.series, input.asOf);
  if (day === null) throw new RangeError('composeNote: no series has a bar on or before the as-of day');
  const asOfIso = formatIsoDate(day);
  const book = new FigureBook(asOfIso);
  const cfg = input.config;

  /** A series with a fresh bar at the note's day, and the index of that bar. */
  const at = (ticker: string): { s: PriceSeries; k: number } | null => {
    const s = input.series.get(ticker);
    if (!s) return null;
    const k = indexOnOrBefore(s.dates, day);
    if (k < 1 || day - s.dates[k]! > STALE_DAYS) return null;
    return { s, k };
  };
  const name = (t: string) => cfg.symbols[t]?.name ?? t;
  const labelled = (t: string) => `the ${name(t)} (${t})`;
  const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const shortName = (t: string) =>
    cfg.symbols[t]?.aliases.find((a) => /^[A-Z]/.test(a) && !/sector/i.test(a)) ?? name(t);

  // ---- the ratio, its line and the story ------------------------------------------------------
  let ratio: { num: string; den: string; s: PriceSeries; k: number; trend: TrendAnalysis | null } | null = null;
  for (const [num, den] of RATIO_PAIRS) {
    const a = at(num);
    const b = at(den);
    if (!a || !b) continue;
    const r = input.series.get(`${num}/${den}`);
    if (!r) continue;
    const k = indexOnOrBefore(r.dates, day);
    if (k < ROTATION_SESSIONS) continue;
    ratio = { num, den, s: r, k, trend: analyseTrend(r.dates, r.close, input.trend, k + 1) };
    break;
  }
  let story: 'into_small_caps' | 'into_mega_caps' | 'no_clear_rotation' = 'no_clear_rotation';
  let ratioChangeId: string | null = null;
  let ratioChange = 0;
  if (ratio) {
    const { s, k } = ratio;
    ratioChange = s.close[k]! / s.close[k - ROTATION_SESSIONS]! - 1;
    const a = formatIsoDate(s.dates[k]!);
    const b = formatIsoDate(s.dates[k - ROTATION_SESSIONS]!);
    ratioChangeId = book.add({
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
      story = 'into_small_caps';
    else if (ratioChange <= -ROTATION_THRESHOLD || (ratioChange < 0 && state === 'failed')) story = 'into_mega_caps';
  }

  // ---- small caps against their records ---------------------------------------------------------
  const indexRuns: Run[] = [];
  const fundRuns: Run[] = [];
  const recordSetters: string[] = [];
  const nearAth = cfg.events?.nearAthPct ?? 0.02;
  for (const t of SMALL_CAPS) {
    const x = at(t);
    if (!x) continue;
    const ath = book.athDistance(x.s, x.k);
    const ytd = book.periodReturn(x.s, x.k, 'ytd');
    const ytdRuns: Run[] = ytd ? [` and is ${upDown(ytd.value)} `, f(ytd.id), ' year-to-date.'] : ['.'];
    const runs = t.startsWith('^') ? indexRuns : fundRuns;
    if (runs.length > 0) runs.push(' ');
    if (ath.value === 0) {
      recordSetters.push(t);
      runs.push(`${cap(labelled(t))} closed at a record high`, ...ytdRuns);
    } else if (-ath.value <= nearAth) {
      const within = book.athDistance(x.s, x.k, true);
      runs.push(
        `${cap(labelled(t))} is within `,
        f(within.id),
        ' of its record close, set on ',
        f(book.recordDate(x.s, x.k)),
        ',',
        ...ytdRuns,
      );
    } else {
      runs.push(
        `${cap(labelled(t))} sits `,
        f(ath.id),
        ' below its all-time high of ',
        f(book.recordDate(x.s, x.k)),
        ',',
        ...ytdRuns,
      );
    }
  }

  // ---- headline and lede -------------------------------------------------------------------------
  const mag7 = at('MAG7');
  const mag5d = mag7 ? book.periodReturn(mag7.s, mag7.k, '5d') : null;
  const lead = recordSetters.find((t) => t.startsWith('^')) ?? recordSetters[0];
  let headline: string;
  if (story === 'into_small_caps') {
    if (lead) headline = `Small Caps Take the Lead as the ${name(lead).replace(/ Index$/, '')} Sets a Record`;
    else if (mag5d && mag5d.value < 0) headline = 'Money Rotates Toward Small Caps as the Magnificent 7 Cool';
    else headline = 'Small Caps Pull Ahead of the Magnificent 7';
  } else if (story === 'into_mega_caps') {
    headline =
      mag5d && mag5d.value > 0
        ? 'The Magnificent 7 Outrun Small Caps Again'
        : 'Mega-Caps Reassert Their Lead as Small Caps Fade';
  } else if (ratio) headline = 'Small Caps and the Magnificent 7 Move in Step, With No Clear Rotation Yet';
  else headline = `The Market on ${formatLongDate(day)}: Too Little Data for a Rotation Call`;

  const ledeRuns: Run[] = [];
  if (ratio && ratioChangeId) {
    const small = ratio.num;
    if (story === 'into_small_caps')
      ledeRuns.push(
        `Small caps are taking over leadership: ${small} has outpaced the Magnificent 7 basket by `,
        f(ratioChangeId),
        ' over the past 21 sessions.',
      );
    else if (story === 'into_mega_caps')
      ledeRuns.push(
        `The big names are back in charge: the Magnificent 7 basket has outpaced ${small} by `,
        f(ratioChangeId),
        ' over the past 21 sessions.',
      );
    else
      ledeRuns.push(
        `Neither side has pulled away: ${small} and the Magnificent 7 basket are within `,
        f(ratioChangeId),
        ' of each other over the past 21 sessions.',
      );
  }
  if (mag7 && mag5d)
    ledeRuns.push(
      ` The Magnificent 7 basket (MAG7) ${moveVerb(mag5d.value)} `,
      f(mag5d.id),
      ' over the past five sessions.',
    );
  if (lead) {
    const x = at(lead)!;
    const ytd = book.periodReturn(x.s, x.k, 'ytd');
    if (ytd) ledeRuns.push(` ${cap(labelled(lead))} is ${upDown(ytd.value)} `, f(ytd.id), ' year-to-date.');
  }
  const lede = p(
    ...(ledeRuns.length > 0 ? ledeRuns : ['There is too little stored data to tell a rotation story for this day.']),
  );

  const sections: NoteSection[] = [];
  const charts: NoteChart[] = [];
  const smallParas = [indexRuns, fundRuns].filter((r) => r.length > 0).map((r) => p(...r));
  if (smallParas.length > 0)
    sections.push({ id: 'small-caps', title: 'Small caps and their records', paragraphs: smallParas });

  // ---- the ratio and its trendline ---------------------------------------------------------------
  if (ratio) {
    const { s, k, num, den, trend } = ratio;
    const paras: NoteParagraph[] = [];
    const subject = `The ratio of ${num} versus the Magnificent 7 basket (${den})`;
    const t = trend;
    if (t?.line && t.breakout && t.distance !== null && t.levelAtAsOf !== null) {
      const a = formatIsoDate(t.asOfDay);
      const distId = book.add({
        id: `trend-distance-${num}-${den}`,
        metric: 'trend.distance',
        symbols: [num, den],
        dates: [formatIsoDate(t.line.anchors[0].day), formatIsoDate(t.line.anchors[1].day), a],
        value: t.distance,
        formula: `weekly close of ${num}/${den} on ${a} / line level ${t.levelAtAsOf.toPrecision(6)} - 1 (${t.line.kind} line through the weekly closes of ${formatIsoDate(t.line.anchors[0].day)} and ${formatIsoDate(t.line.anchors[1].day)}, log scale)`,
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
      const sinceText = formatLongDate(t.breakout.sinceDay, day);
      const lineName = t.line.kind === 'downtrend' ? 'multi-year downtrend line' : 'multi-year uptrend support line';
      const side = t.distance < 0 ? 'under' : 'over';
      const v = (text: string): Run => ({ figure: stateId, text });
      const statePhrase: Record<string, Run[]> = {
        below: [
          `${subject} `,
          v('remains below'),
          ` its ${lineName}, `,
          f(distId),
          ` ${side} it, as it has been since ${sinceText}.`,
        ],
        testing: [
          `${subject} `,
          v('is testing'),
          ` its ${lineName}, `,
          f(distId),
          ` ${side} it, and has been pressing against the line since ${sinceText}.`,
        ],
        breaking: [
          `${subject} `,
          v('has broken above'),
          ` its ${lineName} and sits `,
          f(distId),
          ` ${side} it; the break dates from ${sinceText} and is not yet confirmed.`,
        ],
        confirmed: [
          `${subject} `,
          v('has confirmed its breakout'),
          ` above the ${lineName}, now `,
          f(distId),
          ` ${side} it; the confirmation dates from ${sinceText}.`,
        ],
        failed: [
          `${subject} `,
          v('failed to hold its break'),
          ` and fell back below its ${lineName}, now `,
          f(distId),
          ` ${side} it.`,
        ],
      };
      paras.push(p(...statePhrase[t.breakout.state]!));
      const slope = (Math.exp(t.line.slopeLogPerYear) - 1) * 100;
      const touchesId = book.add({
        id: `trend-touches-${num}-${den}`,
        metric: 'trend.touches',
        symbols: [num, den],
        dates: [formatIsoDate(t.line.anchors[0].day), formatIsoDate(t.line.lastTouchDay)],
        value: t.line.touches,
        formula: 'weekly pivots within the touch band of the line',
        display: cardinal(t.line.touches),
      });
      const slopeId = book.add({
        id: `trend-slope-${num}-${den}`,
        metric: 'trend.slope',
        symbols: [num, den],
        dates: [formatIsoDate(t.line.anchors[0].day), formatIsoDate(t.line.anchors[1].day)],
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
      charts.push({
        id: 'chart-ratio',
        kind: 'ratio',
        title: `${num} / ${den}, weekly closes, with its ${t.line.kind} line`,
        dates: Array.from(weekly.dates.subarray(start), (d) => formatIsoDate(d)),
        values: Array.from(weekly.values.subarray(start)),
        line: { from: formatIsoDate(from), to: a, fromValue: lineLevel(t.line, from), toValue: t.levelAtAsOf },
      });
    } else {
      paras.push(p(`${subject} shows no multi-year trendline in the stored history, so there is no line to test.`));
    }
    sections.push({
      id: 'ratio',
      title: 'Small caps against the Magnificent 7',
      paragraphs: paras,
      charts: charts.length > 0 ? ['chart-ratio'] : [],
    });
  }

  // ---- volatility --------------------------------------------------------------------------------
  const vix = at('^VIX');
  if (vix) {
    const closeId = book.close(vix.s, vix.k);
    const low = book.since(vix.s, vix.k, 'lowest');
    const high = book.since(vix.s, vix.k, 'highest');
    const d1 = book.periodReturn(vix.s, vix.k, '1d');
    const monthAgo = day - 30;
    const runs: Run[] = [`${cap(labelled('^VIX'))} closed at `, f(closeId)];
    if (low === null) runs.push(', its lowest close on record.');
    else if (low.day < monthAgo) runs.push(', its lowest close since ', f(low.id), '.');
    else if (high === null) runs.push(', its highest close on record.');
    else if (high.day < monthAgo) runs.push(', its highest close since ', f(high.id), '.');
    else runs.push('.');
    if (d1) runs.push(` The index ${moveVerb(d1.value)} `, f(d1.id), ' on the day.');
    const calm = low !== null && low.day < monthAgo;
    runs.push(calm ? ' Calm volatility sits well with money moving between sectors rather than leaving stocks.' : '');
    sections.push({ id: 'volatility', title: 'Volatility', paragraphs: [p(...runs)] });
  }

  // ---- sectors -----------------------------------------------------------------------------------
  const sectorRows = (cfg.groups.sectors ?? [])
    .map((t) => ({ t, x: at(t) }))
    .filter((r): r is { t: string; x: { s: PriceSeries; k: number } } => r.x !== null)
    .map((r) => ({ ...r, r5: book.periodReturn(r.x.s, r.x.k, '5d') }))
    .filter((r) => r.r5 !== null)
    .sort((a, b) => b.r5!.value - a.r5!.value || (a.t < b.t ? -1 : 1));
  if (sectorRows.length >= 3) {
    const paras: NoteParagraph[] = [];
    const total = cardinal(sectorRows.length);
    const [first, second, third] = sectorRows;
    const last = sectorRows[sectorRows.length - 1]!;
    const secondLast = sectorRows[sectorRows.length - 2]!;
    const named = (t: string) => `${shortName(t)} (${t})`;
    const ups = sectorRows.filter((r) => r.r5!.value > 0).length;
    // The framing follows breadth: most sectors up, most down, or a split tape.
    const frame =
      ups >= (sectorRows.length * 2) / 3
        ? `${cap(cardinal(ups))} of the ${total} sector funds gained ground`
        : ups <= sectorRows.length / 3
          ? `Only ${cardinal(ups)} of the ${total} sector funds gained ground`
          : `The ${total} sector funds split, ${cardinal(ups)} up and ${cardinal(sectorRows.length - ups)} down`;
    const leaderWord = first!.r5!.value > 0 ? 'led the way' : 'held up best';
    paras.push(
      p(
        `${frame} over the past five sessions. ${named(first!.t)} ${leaderWord}: it ${moveVerb(first!.r5!.value)} `,
        f(first!.r5!.id),
        `, while ${named(second!.t)} ${moveVerb(second!.r5!.value)} `,
        f(second!.r5!.id),
        ` and ${named(third!.t)} ${moveVerb(third!.r5!.value)} `,
        f(third!.r5!.id),
        '.',
      ),
    );
    paras.push(
      p(
        `At the other end, ${named(last.t)} ${moveVerb(last.r5!.value)} `,
        f(last.r5!.id),
        ' over the same stretch, and ',
        `${named(secondLast.t)} ${moveVerb(secondLast.r5!.value)} `,
        f(secondLast.r5!.id),
        '.',
      ),
    );
    const minStreak = cfg.events?.minStreak ?? 4;
    for (const r of [...sectorRows].sort((a, b) => (a.t < b.t ? -1 : 1))) {
      const now = book.streak(r.x.s, r.x.k);
      if (Math.abs(now.value) >= minStreak && Math.abs(now.value) <= 12) {
        paras.push(
          p(
            `${named(r.t)} ${now.value > 0 ? 'rose' : 'fell'} for ${indefiniteArticle(ordinal(Math.abs(now.value)))} ${ordinal(Math.abs(now.value))} straight session.`,
          ),
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
    sections.push({ id: 'sectors', title: 'Sectors: leaders, laggards and streaks', paragraphs: paras });
  }

  // ---- rates -------------------------------------------------------------------------------------
  const rateParas: NoteParagraph[] = [];
  for (const t of ['DFF', 'DGS2', 'DGS10']) {
    const x = at(t);
    if (!x) continue;
    const levelId = book.close(x.s, x.k);
    const yearEnd = indexOnOrBefore(x.s.dates, previousYearEnd(x.s.dates[x.k]!));
    if (yearEnd < 0) {
      rateParas.push(p(`The ${name(t)} (${t}) stands at `, f(levelId), '%.'));
      continue;
    }
    const change = x.s.close[x.k]! - x.s.close[yearEnd]!;
    const b = formatIsoDate(x.s.dates[yearEnd]!);
    const a = formatIsoDate(x.s.dates[x.k]!);
    const changeId = book.add({
      id: `rate-change-ytd-${t}`,
      metric: 'rate.change.ytd',
      symbols: [t],
      dates: [b, a],
      value: change,
      formula: `value(${a}) - value(${b}), percentage points`,
      display: `${fixed(Math.abs(change), 2)} percentage points`,
    });
    rateParas.push(
      p(
        `The ${name(t)} (${t}) stands at `,
        f(levelId),
        `%, `,
        f(changeId),
        ` ${change >= 0 ? 'above' : 'below'} where it ended last year.`,
      ),
    );
  }
  if (rateParas.length > 0) sections.push({ id: 'rates', title: 'Rates', paragraphs: rateParas });

  // ---- the performance table -------------------------------------------------------------------
  const rows: PerformanceRow[] = [];
  const addRow = (t: string, group: PerformanceRow['group']) => {
    const x = at(t);
    if (!x) return;
    rows.push({
      symbol: t,
      label: `${name(t)} (${t})`,
      group,
      ytd: book.periodReturn(x.s, x.k, 'ytd', true)?.id ?? null,
      oneYear: book.periodReturn(x.s, x.k, '1y', true)?.id ?? null,
    });
  };
  const mag7Members = cfg.groups.mag7 ?? [];
  for (const t of [
    ...mag7Members.slice(0, mag7Members.indexOf('GOOGL') + 1),
    'GOOG',
    ...mag7Members.slice(mag7Members.indexOf('GOOGL') + 1),
  ])
    if (cfg.symbols[t]) addRow(t, 'Magnificent 7');
  addRow('MAG7', 'Mag 7 basket and fund');
  addRow('MAGS', 'Mag 7 basket and fund');
  for (const t of SMALL_CAPS) addRow(t, 'Small caps');
  if (rows.length > 0) {
    const bars = rows
      .filter((r) => r.ytd !== null)
      .map((r) => ({ label: r.symbol, value: book.get(r.ytd!).value as number }));
    charts.push({ id: 'chart-performance', kind: 'bars', title: 'Year-to-date price return', bars });
    sections.push({
      id: 'performance',
      title: 'The scoreboard: year-to-date and one-year returns',
      paragraphs: [
        p(
          'Returns on stored closing prices, as of the close of ',
          formatLongDate(day),
          ' (price returns; where a source gives only adjusted closes, they include dividends).',
        ),
      ],
      table: rows,
      charts: ['chart-performance'],
    });
  }

  // ---- base rates ----------------------------------------------------------------------------------
  if (ratio) {
    const { s, k, num, den } = ratio;
    const br = breakoutBaseRate(s.dates, s.close, input.trend, k);
    const paras: NoteParagraph[] = [];
    const a = formatIsoDate(s.dates[k]!);
    const countId = book.add({
      id: `baserate-count-${num}-${den}`,
      metric: 'baserate.breaks',
      symbols: [num, den],
      dates: [formatIsoDate(s.dates[0]!), a],
      value: br.count,
      formula: `breaks of the dominant multi-year line of ${num}/${den} found week by week with only the data up to each week`,
      display: cardinal(br.count),
    });
    if (br.count === 0) {
      paras.push(
        p(
          `History offers no guide here: in the stored record since ${s.dates.length > 0 ? formatIsoDate(s.dates[0]!).slice(0, 4) : 'its start'}, the ${num}/${den} ratio has `,
          f(countId),
          ' earlier breaks of a multi-year line.',
        ),
      );
    } else {
      const held = br.stillAboveLine3m;
      const firstYear = br.occurrences[0]!.date.slice(0, 4);
      if (held && held.n > 0) {
        const heldCount = Math.round((held.share ?? 0) * held.n);
        const heldId = book.add({
          id: `baserate-held-${num}-${den}`,
          metric: 'baserate.held3m',
          symbols: [num, den],
          dates: br.occurrences.map((o) => o.date),
          value: heldCount,
          formula: 'breaks whose ratio was still beyond the line (as drawn at the break) 63 trading days later',
          display: cardinal(heldCount),
        });
        const nId = book.add({
          id: `baserate-n-${num}-${den}`,
          metric: 'baserate.complete',
          symbols: [num, den],
          dates: br.occurrences.map((o) => o.date),
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
          dates: br.occurrences.map((o) => o.date),
          value: m3.median,
          formula: 'median of ratio(break + 63 sessions) / ratio(break) - 1',
          display: formatPercentagePoints(m3.median),
        });
        paras.push(
          p(
            `The median three-month change in the ratio after those breaks was `,
            f(medId),
            ` of relative performance, ${m3.median > 0 ? 'in favour of small caps' : 'in favour of the Magnificent 7'}.`,
          ),
        );
      }
    }
    const closing: Record<typeof story, string> = {
      into_small_caps:
        'The rotation has the numbers on its side for now; whether it lasts is a question the line will answer week by week.',
      into_mega_caps:
        'For now the old leaders hold the field, and small caps have work to do before the line comes back into play.',
      no_clear_rotation: 'Until one side pulls away, the line is the level to watch.',
    };
    paras.push(p(closing[story]));
    sections.push({ id: 'base-rates', title: 'What history says', paragraphs: paras });
  }

  return {
    asOf: asOfIso,
    headline,
    lede,
    story,
    sections,
    charts,
    figures: book.all(),
    fingerprint: input.fingerprint,
    rows: input.rows,
    demo: input.demo,
  };
}
