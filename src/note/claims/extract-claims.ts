/**
 * Reads free market commentary and returns every checkable claim in it, in reading order: each
 * registered claim type (`src/note/claim-types/`) reads each sentence; pasted tables of returns are
 * read row by row. Names resolve through the universe config (tickers, names, aliases) and, when
 * given, the tickers stored.
 *
 * @example extractClaims('Nvidia is up 36.8% year-to-date.', resolverFromConfig(defaultConfig()))
 *   // [{ metric: 'return', symbol: 'NVDA', period: 'ytd', value: 0.368, ... }]
 */

import type { UniverseConfig } from '../../config/universe-config.js';
import type { ReturnPeriod } from '../../domain/period-keys.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import { breadthSymbol, EQUAL_WEIGHT_NAMES, SP600_GROUP } from '../claim-types/breadth-claim-type.js';
import type { SentenceScope } from '../claim-types/claim-type.js';
import { claimTypes } from '../claim-types/claim-types.js';
import { markAppositives } from './appositives.js';
import { bothCopies, bothMentions, doneTheSame } from './carried-claims.js';
import type { Claim } from './claim.js';
import { ExtractionContext } from './extraction-context.js';
import { isForecast } from './forecast-wording.js';
import { type Mention, type NamedSymbol, NameResolver } from './name-resolver.js';
import { dayOfClaim, labelLineDay, lastLabelDay, namedDays } from './named-days.js';
import { NamedReadings } from './named-readings.js';
import { findPeriods } from './period-phrases.js';
import { ratioReturnClaims } from './ratio-subjects.js';
import { type Paragraph, paragraphs, sentences } from './sentences.js';
import { isSeparatorRow, rowClaims, tableHeader } from './table-claims.js';
import { columnRowClaims, tableColumns } from './table-columns.js';
import { unconfiguredIndices } from './unconfigured-indices.js';

/** Words in capitals that are never read as a bare ticker, even when a stored symbol is spelt so. */
const NOT_TICKERS = new Set([
  'A',
  'I',
  'AI',
  'CEO',
  'CFO',
  'ETF',
  'YTD',
  'MTD',
  'QTD',
  'US',
  'USA',
  'GDP',
  'CPI',
  'EPS',
  'IPO',
  'FED',
  'OK',
  'IT',
  'ON',
  'ALL',
  'ARE',
  'BE',
  'NOW',
  'SO',
  'AM',
  'PM',
  'EST',
  'UTC',
  'ET',
]);

/**
 * The resolver of a check: the config's symbols and names, the S&P 600 equal-weight index, tickers with
 * stored bars (`stored`), and tickers listed without bars (`listed`: stored groups' members), so a bare
 * "ZZA" of a group is read as ZZA and called "no prices stored", not an unknown name.
 */
export function resolverFromConfig(
  config: UniverseConfig,
  stored: readonly string[] = [],
  listed: readonly string[] = [],
): NameResolver {
  const symbols: NamedSymbol[] = Object.entries(config.symbols).map(([ticker, s]) => ({
    ticker,
    name: s.name,
    kind: s.kind,
    aliases: s.aliases,
    ...(s.readAs ? { readAs: s.readAs } : {}),
  }));
  // the equal-weighted index of the S&P 600 members, a series derived from their closes at check time
  symbols.push({
    ticker: breadthSymbol(SP600_GROUP, 'equalWeight'),
    name: EQUAL_WEIGHT_NAMES[0],
    kind: 'index',
    aliases: EQUAL_WEIGHT_NAMES.slice(1),
  });
  const known = new Set(symbols.map((s) => s.ticker));
  const named = new Set(symbols.flatMap((s) => [s.ticker, s.name, ...s.aliases]).map((n) => n.toLowerCase()));
  symbols.push(...unconfiguredIndices(named));
  for (const t of [...stored, ...listed]) {
    if (known.has(t) || NOT_TICKERS.has(t) || !/^\^?[A-Z][A-Z0-9.]{1,9}$/.test(t)) continue;
    symbols.push({ ticker: t, name: t, kind: 'stock', aliases: [] });
    known.add(t);
  }
  // A company's bare name ("Alphabet") is read as the one of its share classes the groups hold (GOOGL in mag7).
  return new NameResolver(
    symbols,
    new Set(Object.values(config.groups).flat()),
    Object.values(config.groups),
    new Map(config.trackingPairs.map((p) => [p.index, p.fund])),
  );
}

export interface ExtractOptions {
  /** The note's own date: what "on Thursday" and a bare day move refer to. */
  readonly noteDate?: DayNumber | null;
}

/** A Markdown heading (`## Small caps`), or a rule (`---`, `***`) or setext underline (`===`). */
const HEADING = /^\s{0,3}(?:#{1,6}\s+\S|(?:[-*_]\s*){3,}$|=+\s*$)/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s/;
const ENDS_SENTENCE = /[.!?:;]["'”’)\]]*\s*$/;

const CASHTAG = /\$[A-Za-z]/;

/**
 * Whether `next` continues the prose of `line` (a hard-wrapped paragraph: no blank line, no full stop, a lower-case
 * start). A line that opens with a cashtag ("$QQQ -0.5%"), or two lines that each hold one, are posts of their own.
 */
function wrapsOnto(line: Paragraph, next: Paragraph): boolean {
  const plain = (p: Paragraph) => !HEADING.test(p.text) && !LIST_ITEM.test(p.text) && !/[|\t]/.test(p.text);
  return (
    next.line === line.line + 1 &&
    plain(line) &&
    plain(next) &&
    !ENDS_SENTENCE.test(line.text) &&
    /^\s*[a-z0-9$%(]/.test(next.text) &&
    !/^\s*\$[A-Za-z]/.test(next.text) &&
    !(CASHTAG.test(line.text) && CASHTAG.test(next.text))
  );
}

/** The claims of the rows from `from` on, up to the first line that is not a row; `next` is that line. */
function readRows(
  paras: readonly Paragraph[],
  from: number,
  read: (row: Paragraph) => Claim[] | null,
): { claims: Claim[]; next: number } {
  const claims: Claim[] = [];
  let j = from;
  let rows = 0;
  for (; j < paras.length; j++) {
    const row = paras[j]!;
    if (isSeparatorRow(row.text)) continue;
    const found = read(row);
    if (found === null) break;
    rows++;
    claims.push(...found);
  }
  return { claims, next: rows > 0 ? j : from };
}

/**
 * A claim about an earlier session than the note's ("On Monday, XLU closed at its lowest level since
 * September", "NVDA fell 0.64% on Wednesday, its second straight decline", "ended its losing streak
 * yesterday") is checked at that session's close: each claim without a day takes the day its clause
 * names. Return claims date themselves (their period decides whether a day applies).
 */
function datedClaims(found: Claim[], scope: SentenceScope): Claim[] {
  const days = namedDays(scope.sentence, scope.noteDate);
  if (days.length === 0) return found;
  return found.map((c) => {
    if (c.day !== undefined || c.metric === 'return') return c;
    const named = dayOfClaim(scope.sentence, days, c.span.start - scope.offset, c.span.end - scope.offset);
    return named ? { ...c, day: formatIsoDate(named.day) } : c;
  });
}

/** Claims without a day of their own take `day` (a label's, "Tue:", heading their line or the lines below it). */
function labelled(claims: Claim[], day: DayNumber | null): Claim[] {
  if (day === null) return claims;
  return claims.map((c) => (c.day === undefined ? { ...c, day: formatIsoDate(day) } : c));
}

export function extractClaims(text: string, resolver: NameResolver, options: ExtractOptions = {}): Claim[] {
  const ctx = new ExtractionContext();
  // "small caps (IJR)": the note's own reading of a name read by default, kept for the names after it.
  const readings = new NamedReadings();
  const out: Claim[] = [];
  const paras = paragraphs(text);
  const types = claimTypes();
  const noteDate = options.noteDate ?? null;
  // A line that is only a day label ("Tuesday:") dates the lines right below it, up to a blank line.
  let labelLine: { day: DayNumber; line: number } | null = null;
  // The sentence before: what "SPSM has done the same" and "Both are up 3%" refer to.
  let before: { claims: readonly Claim[]; mentions: readonly Mention[] } = { claims: [], mentions: [] };
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const lineLabel = labelLineDay(p.text, noteDate);
    if (lineLabel !== null) {
      labelLine = { day: lineLabel, line: p.line };
      continue;
    }
    if (labelLine !== null && p.line !== labelLine.line + 1) labelLine = null;
    // A table with a column per figure (Markdown, tabs), each header cell read through its aliases; else
    // a table of returns whose header names the periods (also glued together, as a web page's copy gives it).
    const above = paras[i - 1];
    const columns = tableColumns(p.text, noteDate, above && above.line === p.line - 1 ? above.text : null);
    const header = columns ? null : tableHeader(p.text);
    const read: ((row: Paragraph) => Claim[] | null) | null = columns
      ? (row) => columnRowClaims(row.text, columns, resolver, row.line, row.offset)
      : header
        ? (row) => rowClaims(row.text, header, resolver, row.line, row.offset)
        : null;
    if (read) {
      const { claims, next } = readRows(paras, i + 1, read);
      if (next > i + 1) {
        out.push(...labelled(claims, labelLine?.day ?? null));
        if (labelLine !== null) labelLine = { day: labelLine.day, line: paras[next - 1]!.line };
        i = next - 1;
        continue;
      }
    }
    // A heading or a rule starts a section: "it" and "the index" no longer point into the one before.
    if (HEADING.test(p.text)) {
      ctx.newSection();
      readings.clear();
      labelLine = null;
      before = { claims: [], mentions: [] };
    }
    ctx.lastPeriod = null;
    // A paragraph hard-wrapped over several lines is read as one: its sentences run across the breaks.
    let end = i;
    while (end + 1 < paras.length && wrapsOnto(paras[end]!, paras[end + 1]!)) end++;
    const last = paras[end]!;
    const raw = text.slice(p.offset, last.offset + last.text.length);
    const block = raw.replace(/\r\n/g, '  ').replace(/[\r\n]/g, ' ');
    i = end;
    // The day a label heading the line (or the line above) names, for the sentences after the label's own.
    let carried = labelLine?.day ?? null;
    if (labelLine !== null) labelLine = { day: labelLine.day, line: last.line };
    for (const s of sentences(block)) {
      const own = markAppositives(s.text, readings.apply(resolver.mentions(s.text)));
      readings.learn(own, resolver);
      // "IWM and SPSM rose. Both are up 3%": the two names of the sentence before stand for "Both".
      const both = bothMentions(s.text, own, before.mentions);
      const scope: SentenceScope = {
        sentence: s.text,
        mentions: both ? [...both, ...own] : own,
        resolver,
        ctx,
        line: p.line + (raw.slice(0, s.offset).match(/\r\n|\r|\n/g)?.length ?? 0),
        offset: p.offset + s.offset,
        noteDate: options.noteDate ?? null,
      };
      const found: Claim[] = [];
      let returns = 0;
      for (const t of types) {
        // A forecast or a conditional ("strategists see IWM gaining 10% next year") is no claim about a close.
        const claims = (t.extract(scope) as Claim[]).filter(
          (c) => !isForecast(s.text, c.span.start - scope.offset, c.span.end - scope.offset, scope.noteDate),
        );
        if (t.metric === 'return') returns = claims.length;
        found.push(...claims);
      }
      found.push(...doneTheSame(s.text, scope.offset, scope.line, scope.mentions, before.claims));
      if (both) found.push(...bothCopies(found, both));
      const ratioAware = ratioReturnClaims(found, s.text, scope.offset, scope.mentions);
      before = { claims: ratioAware, mentions: own };
      out.push(...labelled(datedClaims(ratioAware, scope), carried).sort((a, b) => a.span.start - b.span.start));
      carried = lastLabelDay(s.text, scope.noteDate) ?? carried;
      ctx.remember(scope.mentions);
      // "Palantir jumped 4%. The stock is up 150% this year.": the unknown name is what "the stock" means next.
      const lastFound = found.reduce<Claim | null>((a, c) => (a && a.span.start > c.span.start ? a : c), null);
      if (lastFound?.symbol === null && lastFound.unresolved && !scope.mentions.some((m) => m.symbol === null))
        ctx.rememberUnnamed(lastFound.subject, lastFound.unresolved);
      // "Ten of the eleven sectors gained over the past five sessions. Energy led: it rallied 8.05%":
      // a period named in a sentence without figures frames the figures that follow it.
      if (returns === 0) {
        const framed = findPeriods(s.text)
          .filter((x) => x.period !== 'same' && x.period !== 'other' && x.period !== 'lastweek')
          .pop();
        if (framed) {
          ctx.lastPeriod = framed.period as ReturnPeriod;
          ctx.documentPeriod = framed.period as ReturnPeriod;
        }
      }
    }
  }
  // "Alphabet rose 2%": the bare name read as GOOGL, and the claim says so; "small caps" read as IWM (the
  // config's readAs) says so too, unless the claim before it on its line names another of IWM's group (SPSM).
  let previous: Claim | null = null;
  const read = out.map((c) => {
    const before = previous !== null && previous.line === c.line ? previous.symbol : null;
    const reading = c.symbol === null ? null : resolver.reading(c.subject, c.symbol, before);
    const readAs = reading ? reading.note : c.symbol === null ? null : resolver.readAs(c.subject, c.symbol);
    const claim: Claim = reading && reading.symbol !== c.symbol ? { ...c, symbol: reading.symbol } : c;
    previous = claim;
    return { claim: readAs ? { ...claim, readAs } : claim, reading: reading?.note != null };
  });
  // "Small caps hit a record: IWM rose 0.31% to an all-time closing high": the fund the sentence names says
  // the same as the reading, so the reading's claim of that kind is left out (one claim, the named fund's).
  return read
    .filter(
      (r) =>
        !r.reading ||
        !read.some(
          (o) =>
            !o.reading &&
            o.claim.line === r.claim.line &&
            o.claim.metric === r.claim.metric &&
            o.claim.symbol !== null &&
            resolver.sameGroup(o.claim.symbol, r.claim.symbol!),
        ),
    )
    .map((r) => r.claim);
}
