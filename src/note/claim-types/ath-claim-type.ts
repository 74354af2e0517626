/**
 * All-time highs: "broken out to new peaks", "notched a record close", "trading at a fresh all-time
 * high", "closed at its highest level ever", "within spitting distance of new all-time highs",
 * "8% below its record high". A record is a close above every earlier close (on the stored close).
 */
import { allTimeHigh } from '../../analytics/returns/highs-lows.js';
import { MONTH_NAMES } from '../../domain/format/display-format.js';
import { civilFromDays, type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import type { AthClaim } from '../claims/claim.js';
import { allMatches, clauseBefore, hedged, MONTH_WORD, monthIndex } from '../claims/clause-words.js';
import type { Mention } from '../claims/name-resolver.js';
import { fraction } from '../claims/percent-text.js';
import { findSubject } from '../claims/subject-finder.js';
import { aboutGroupMembers } from './breadth-claim-type.js';
import type { ClaimType, SentenceScope } from './claim-type.js';
import { claimTolerance, pct, shortDate } from './verdict-words.js';

const RECORD = '(?:all[- ]time|record)';
const MARK = '(?:highs?|closes?|peaks?|levels?|closing\\s+highs?|closing\\s+levels?|territory)';
const NEAR_ATH = new RegExp(
  `\\b(?:within\\s+(?:spitting|striking|shouting|touching)\\s+distance\\s+of(?:\\s+(?:its|their|a|an|new|fresh))*(?:\\s+${RECORD}\\s+${MARK}|\\s+(?:new|fresh)\\s+(?:highs?|peaks?|records?))?|(?:near|nearing|close\\s+to|just\\s+(?:shy|short)\\s+of|just\\s+below|a\\s+whisker\\s+(?:from|of)|within\\s+reach\\s+of|knocking\\s+on|closing\\s+in\\s+on|approaching)\\s+(?:its\\s+|their\\s+|a\\s+|an\\s+|new\\s+|fresh\\s+)*${RECORD}\\s+${MARK}|within\\s+(\\d+(?:\\.\\d+)?)\\s?%\\s+of\\s+(?:its\\s+|their\\s+|an?\\s+|new\\s+)*${RECORD}\\s+${MARK})`,
  'i',
);
const NEW_ATH = new RegExp(
  `\\b(?:(?:at|to|hit|hits|hitting|set|sets|setting|reach\\w*|notch\\w*|touch\\w*|clos\\w+\\s+at|mark\\w*|post\\w*|print\\w*|log\\w*|scal\\w*|record\\w*|chalk\\w*\\s+up|trad\\w+\\s+at|finish\\w*\\s+at|end\\w*\\s+at|sits?\\s+at)\\s+(?:a\\s+|an\\s+|new\\s+|fresh\\s+|its\\s+|their\\s+|another\\s+|yet\\s+another\\s+)*${RECORD}(?:\\s+${MARK}|\\s+(?=\\d))|(?:new|fresh)\\s+(?:all[- ]time\\s+)?(?:closing\\s+)?(?:highs?|peaks?|records?)\\b(?![- ]week)|record\\s+territory|(?:highest|best)\\s+(?:close|closing\\s+level|level|finish|close)\\s+(?:ever|on\\s+record)|(?:highest|best)\\s+(?:close|level)\\s+in\\s+its\\s+history|${RECORD}\\s+closing\\s+high|,\\s+(?:a|another|a\\s+new|a\\s+fresh)\\s+record(?=\\s*[.;!]|\\s*$)|(?:to|at|hit|hits|notch\\w*|set|sets|reach\\w*|post\\w*|log\\w*)\\s+(?:(?:a|an|new|fresh|yet\\s+another|another|its|their|first|latest|\\d+(?:st|nd|rd|th)|second|third|fourth|fifth)\\s+)*record(?:\\s+(?:close|closing\\s+high|finish))?(?=\\s*(?:[.,;:!]|$|\\s+(?:again|on|in|for|since|today|yesterday|this|after|as|while|and)\\b|\\s+of\\s+(?:its|their)\\s+own\\b|\\s+of\\s+\\$?\\d[\\d,]*(?:\\.\\d+)?(?![\\d.,]*\\s?(?:%|percent|billion|million|trillion|bn|mn|[a-z]))))|(?:new|fresh|an?|another)\\s+ATHs?\\b|\\bat\\s+(?:an?\\s+|new\\s+)?ATHs?\\b|\\banother\\s+${RECORD}\\s+${MARK}|(?<=[A-Z0-9)%],?\\s{1,3}|[A-Z0-9)%]\\s*[(–—-]\\s*)(?:ATHs?|record\\s+(?:close|high|closing\\s+high))\\b(?!\\s*\\?))`,
  'i',
);
/**
 * A post's last word after a name, a move or a level: "$IWM +1.17% record", "$XLF 54.21, all time high",
 * "IWM +1.2%, ATH!" (a word that ends the post or its clause).
 */
const POST_RECORD =
  /(?<=(?:\d\s?%|\d\.\d+|\$[A-Z]{1,5}|\b[A-Z]{2,5})\)?,?\s{1,3})(?:new\s+|fresh\s+)?(?:record|all[- ]time\s+highs?|ATHs?)(?=\s*(?:[.,;!]|$)|\s+(?:while|as|again|today|after|amid|despite|even|on)\b)/i;
/** "Records: IWM, XLF, XLI", "New ATHs: SPY and XLF": a label, then the list of names at a record. */
const RECORD_LIST =
  /(?:^|[.;]\s*)(?:(?:new|fresh)\s+)?(?:records?|record\s+(?:closes|highs)|all[- ]time\s+highs|ATHs|highs)\s*:\s*(?=\S)/i;
/**
 * "RUT 2,590.61 (ATH)", "IWM 255.87 (record close)", "QQQ +0.44% to 581.28 (record, 8 up days in a row)": a record
 * mark in parentheses after a level, alone or first in the list the parentheses hold.
 */
const LEVEL_THEN_RECORD =
  /(?<=\d\s{0,2})\(\s*(?:new\s+|fresh\s+)?(?:ATH|record(?:\s+(?:close|high))?|all[- ]time\s+high)\s*(?:\)|[,;](?=[^)]*\)))/i;

/**
 * "its August record", "their October 2024 peak", "its 2021 high": a peak the writer dates. Held as the
 * distance from the record close, and only when that record close falls in the month (or year) named.
 */
const NAMED_PEAK = `(?:${MONTH_WORD}(?:\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d))?(?:,?\\s+(\\d{4}))?|(\\d{4}))\\s+(?:record(?:\\s+(?:high|close|closing\\s+high))?|peak|high|top|all[- ]time\\s+high|ATH)\\b`;

const BELOW_ATH = new RegExp(
  `[-−–]?(\\d+(?:\\.\\d+)?)\\s?%\\s+(?:below|under|beneath|off|from|short\\s+of|shy\\s+of|away\\s+from)\\s+(?:(?:its|their|the|an?)?\\s*${RECORD}\\s+${MARK}|(?:its|their|the)\\s+${NAMED_PEAK}|(?:its|their|the)\\s+(?:highs?|peak|record)\\b(?!\\s+(?:low|of\\s+(?:\\d|the\\b)))|(?:(?:its|their|the)\\s+)?(?:ATH|all[- ]time\\s+highs?)\\b|highs?\\b(?!\\s+of\\s)|(?:its|their)\\s+(own)\\b(?!\\s+\\w)|(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday|last\\s+week|last\\s+month)['’]s\\s+)?record(?:\\s+close)?\\b(?!\\s+(?:low|of\\s+\\d)))`,
  'i',
);

/** A record named before "its own" ("SPY is 1.96% below its February record, and QQQ sits 2.32% under its own"). */
const RECORD_BEFORE = /\b(?:record|all[- ]time|ATH|peak|highs?)\b/i;
/** "ATH.", "New record close!": a post's sentence that is only the record word, about the subject before it. */
const RECORD_ALONE =
  /^\s*(?:(?:new|fresh|another)\s+)?(?:ATH|all[- ]time\s+high|record(?:\s+(?:close|high))?)\s*[.!]*\s*$/i;

/**
 * A record named as the start of a period ("has slipped 0.70% since its Jan. 27 record close", "measured from the
 * record close"): a reference point the figure before is measured from, not a claim that the close is a record.
 */
const REFERENCE_BEFORE =
  /\b(?:since|from)\s+(?:(?:its|their|the)\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4}\s+)?)?$/i;

/** "S&P 600 members", "the S&P 600's constituents": a group's members, not the index (breadth-claim-type.ts reads those). */
const MEMBERS_AFTER = /^(?:'s)?\s+(?:index\s+)?(?:members|constituents|components|stocks)\b/i;

function extract(scope: SentenceScope): AthClaim[] {
  const { sentence, ctx, line } = scope;
  // "Of the S&P 600 members, 58 made new 52-week highs" says nothing about the index's own record.
  const mentions = scope.mentions.filter((x) => !MEMBERS_AFTER.test(sentence.slice(x.end)));
  const found: {
    m: RegExpExecArray;
    kind: AthClaim['kind'];
    distance: number | null;
    decimals?: number;
    peak?: AthClaim['peak'];
  }[] = [];
  const taken = (m: RegExpExecArray) =>
    found.some((f) => m.index < f.m.index + f.m[0].length && m.index + m[0].length > f.m.index);
  for (const m of allMatches(BELOW_ATH, sentence)) {
    if (m[5] && !RECORD_BEFORE.test(sentence.slice(0, m.index))) continue;
    const peak = m[2]
      ? { month: monthIndex(m[2]), year: m[3] ? Number(m[3]) : null }
      : m[4]
        ? { month: null, year: Number(m[4]) }
        : null;
    found.push({
      m,
      kind: 'below_high',
      distance: fraction(-1, m[1]!),
      decimals: m[1]!.split('.')[1]?.length ?? 0,
      ...(peak ? { peak } : {}),
    });
  }
  for (const m of allMatches(NEAR_ATH, sentence))
    if (!taken(m)) found.push({ m, kind: 'near_high', distance: m[1] ? -Number(m[1]) / 100 : null });
  for (const m of allMatches(NEW_ATH, sentence)) if (!taken(m)) found.push({ m, kind: 'new_high', distance: null });
  for (const m of allMatches(LEVEL_THEN_RECORD, sentence))
    if (!taken(m)) found.push({ m, kind: 'new_high', distance: null });
  for (const m of allMatches(POST_RECORD, sentence)) if (!taken(m)) found.push({ m, kind: 'new_high', distance: null });
  for (const m of allMatches(RECORD_ALONE, sentence))
    if (!taken(m)) found.push({ m, kind: 'new_high', distance: null });
  const listed = recordList(scope, mentions);
  if (listed.length > 0) return listed;
  found.sort((a, b) => a.m.index - b.m.index);
  const out: AthClaim[] = [];
  let prevEnd = 0;
  for (const { m, kind, distance, decimals, peak } of found) {
    if (hedged(sentence, m.index)) continue;
    if (kind === 'new_high' && REFERENCE_BEFORE.test(sentence.slice(0, m.index))) continue;
    // "58 made new 52-week highs (net new highs: 58)" about a group's members is breadth, not a record.
    if (/\bhighs\b/i.test(m[0]) && aboutGroupMembers(sentence)) continue;
    const { start } = clauseBefore(sentence, m.index);
    // Prefer a subject in the phrase's own clause ("..., which tracks X and has already broken out").
    const inClause = mentions.filter((x) => x.start >= Math.max(start, prevEnd) && x.end <= m.index && !x.object);
    const s =
      inClause.length > 0
        ? findSubject(sentence, mentions, Math.max(start, prevEnd), m.index, ctx)
        : findSubject(sentence, mentions, 0, m.index, ctx);
    prevEnd = m.index + m[0].length;
    if (!s) continue;
    // "XLF, XLI at record closes", "IWM and IJR closed at records": one claim per name in the list.
    for (const x of listBefore(sentence, mentions, m.index).slice(0, -1)) {
      if (x.symbol === s.symbol) continue;
      out.push({
        metric: 'ath',
        text: sentence,
        subject: x.text,
        symbol: x.symbol,
        line,
        span: { start: scope.offset + m.index, end: scope.offset + m.index + m[0].length },
        kind,
        distance,
        ...(x.unresolved ? { unresolved: x.unresolved } : {}),
      });
    }
    const claim: AthClaim = {
      metric: 'ath',
      text: sentence,
      subject: s.subject,
      symbol: s.symbol,
      line,
      span: { start: scope.offset + m.index, end: scope.offset + m.index + m[0].length },
      kind,
      distance,
      ...(decimals === undefined ? {} : { decimals }),
      ...(peak ? { peak } : {}),
    };
    out.push(s.unresolved ? { ...claim, unresolved: s.unresolved } : claim);
  }
  // "notched another record: XLF rose 0.26% ... and an all-time high": one record told twice is one claim.
  return out.filter(
    (c, i) =>
      c.kind !== 'new_high' ||
      !out.some(
        (d, j) =>
          j < i && d.kind === 'new_high' && d.symbol === c.symbol && (c.symbol !== null || d.subject === c.subject),
      ),
  );
}

/**
 * "Records: IWM, XLF, XLI, SPY": every name of the list after the label is at a record (a name with a figure of
 * its own, "Records: IWM 255.87", is still listed; the level is read by the level type). Empty when no label.
 */
function recordList(scope: SentenceScope, mentions: readonly Mention[]): AthClaim[] {
  const { sentence, line } = scope;
  const label = RECORD_LIST.exec(sentence);
  if (!label || hedged(sentence, label.index)) return [];
  const from = label.index + label[0].length;
  // The list ends at a semicolon: "Records: AAPL, GOOGL, XLK; MSFT 6 straight up sessions" names MSFT for its streak.
  const semi = sentence.indexOf(';', from);
  const stop = semi < 0 ? sentence.length : semi;
  const names = mentions.filter((x) => x.start >= from && x.start < stop && !x.object);
  // Only a list: "Records: IWM and XLF, but not SPY" names one that is not at a record.
  if (names.length === 0 || /\b(?:but|not|except|while|missed|short)\b/i.test(sentence.slice(from, stop))) return [];
  return names.map((x) => {
    const claim: AthClaim = {
      metric: 'ath',
      text: sentence,
      subject: x.text,
      symbol: x.symbol,
      line,
      span: { start: scope.offset + x.start, end: scope.offset + x.end },
      kind: 'new_high',
      distance: null,
    };
    return x.unresolved ? { ...claim, unresolved: x.unresolved } : claim;
  });
}

/** Names joined only by commas and "and" right before `at` ("XLF, XLI and IWM at records"), in order. */
function listBefore(sentence: string, mentions: readonly Mention[], at: number): Mention[] {
  const before = mentions.filter((x) => x.end <= at && !x.object);
  const out: Mention[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const x = before[i]!;
    const gap = sentence.slice(x.end, out[0]?.start ?? at);
    if (out.length === 0) {
      if (
        !/^\s+(?:(?:all|both|each)\s+)?(?:(?:are|were|is|was)\s+)?(?:(?:at|hit|set|closed(?:\s+at)?|notched|finished(?:\s+at)?|ended(?:\s+at)?|posted|logged)\s*)?$/i.test(
          gap,
        )
      )
        break;
    } else if (!/^\s*(?:,|,?\s+and)\s*$/i.test(gap)) break;
    out.unshift(x);
  }
  return out.length > 1 ? out : [];
}

/** Whether `day` lies in the named peak's month (and year, when named; else the latest such month up to `day`). */
function inNamedPeak(day: DayNumber, peak: NonNullable<AthClaim['peak']>): boolean {
  const [y, m] = civilFromDays(day);
  return (peak.month === null || peak.month === m) && (peak.year === null || peak.year === y);
}

function peakWords(peak: NonNullable<AthClaim['peak']>): string {
  return [peak.month === null ? '' : MONTH_NAMES[peak.month - 1], peak.year ?? ''].join(' ').trim();
}

/**
 * What a record claim says, for the JSON and the tables, in the unit of its `actual`: a new record is the words
 * "record" (its actual is the date of the record close); "near its record" is the bound it claims,
 * "within 1.50%" (its actual is the distance below the record, a fraction, 0 at a record); a distance below the
 * record is that fraction, negative. Never a bare percentage beside a record, which read as a contradiction
 * ("Claimed -1.50% / Actual 0.00%" for a fund at its record and claimed within 1.50% of it).
 */
export function athClaimed(c: AthClaim, nearAthPct: number): number | string | null {
  if (c.kind === 'new_high') return 'record';
  if (c.kind === 'near_high') return `within ${pct(c.distance === null ? nearAthPct : -c.distance)}`;
  return c.distance;
}

export const athClaimType: ClaimType<AthClaim> = {
  metric: 'ath',
  hasBasis: false,
  extract,
  evaluate(c, { series: s, k, field, options: o }) {
    const ath = allTimeHigh(s.dates, s[field], k);
    if (ath === null) return { unverifiable: `${s.symbol} has no close on or before ${formatIsoDate(s.dates[k]!)}` };
    const d = ath.distance;
    if (c.peak && !inNamedPeak(ath.day, c.peak))
      return {
        unverifiable: `the text measures from a peak in ${peakWords(c.peak)}, but ${s.symbol}'s record close is on ${formatIsoDate(ath.day)}; MarketDash computes the distance from the record close only`,
      };
    const level = s[field][k]!.toFixed(2);
    const fact =
      d === 0
        ? `${s.symbol} closed at a record ${level}`
        : `${s.symbol} closed at ${level}, ${pct(-d)} below its record close of ${shortDate(ath.day, o.asOf)}`;
    let ok: boolean;
    if (c.kind === 'new_high') ok = d === 0;
    else if (c.kind === 'near_high') ok = d >= -(c.distance === null ? o.nearAthPct : -c.distance) - 1e-12;
    else ok = Math.abs(d - c.distance!) <= claimTolerance(c.decimals ?? 1, o.tolerance);
    // A record claim holds no percentage: its actual is the day of the record close (the as-of day when it is
    // one), so a table never sets a "0.00%" against a claimed distance (see `athClaimed`).
    return {
      ok,
      actual: c.kind === 'new_high' ? formatIsoDate(ath.day) : d,
      fact,
      detail: `record close ${formatIsoDate(ath.day)}`,
    };
  },
  claimed: (c, o) => athClaimed(c, o.nearAthPct),
  claimedText: (c) =>
    c.kind === 'new_high'
      ? 'a new all-time high'
      : c.kind === 'near_high'
        ? `near its all-time high${c.distance === null ? '' : ` (within ${pct(-c.distance)})`}`
        : `${pct(-c.distance!)} below its all-time high`,
  period: () => null,
};
