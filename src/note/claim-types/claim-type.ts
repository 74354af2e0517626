/**
 * The contract of one kind of claim: how to find it in a sentence and how to hold it against a
 * symbol's closes. Each built-in kind (return, ATH, since, streak, trend, level, spread) is one file
 * in this folder implementing it; a new kind (rates, breadth, seasonality) is one more file added to
 * the list in `claim-types.ts` (or passed to `registerClaimType`), with no change to the extractor
 * or the verifier, which only loop over the registered types.
 */
import type { TrendOptions } from '../../analytics/trend/trend-options.js';
import type { CloseField, PriceSeries } from '../../domain/price-series.js';
import type { DayNumber } from '../../domain/trading-date.js';
import type { ClaimBase } from '../claims/claim.js';
import type { ExtractionContext } from '../claims/extraction-context.js';
import type { Mention, NameResolver } from '../claims/name-resolver.js';

/** One sentence being read, with everything a claim type needs to find its claims in it. */
export interface SentenceScope {
  readonly sentence: string;
  /** The sentence's mentions of configured names (offsets within the sentence). */
  readonly mentions: readonly Mention[];
  readonly resolver: NameResolver;
  readonly ctx: ExtractionContext;
  /** 1-based line of the paragraph. */
  readonly line: number;
  /** Offset of the sentence in the checked text: a claim's span is `offset + ` its place in the sentence. */
  readonly offset: number;
  /** The note's own date, when it states one: what "on Thursday" or a bare day move refers to. */
  readonly noteDate: DayNumber | null;
}

/**
 * What a claim found by the match `m` in a scope's sentence takes from there: the sentence, its subject
 * and symbol, the line, and the span of the match in the checked text.
 */
export function matchedClaim(
  scope: SentenceScope,
  subject: { readonly subject: string; readonly symbol: string | null },
  m: RegExpExecArray,
): Pick<ClaimBase, 'text' | 'subject' | 'symbol' | 'line' | 'span'> {
  const start = scope.offset + m.index;
  return {
    text: scope.sentence,
    subject: subject.subject,
    symbol: subject.symbol,
    line: scope.line,
    span: { start, end: start + m[0].length },
  };
}

export interface VerifyOptions {
  readonly asOf: DayNumber;
  /** Allowed difference for a return or distance, as a fraction (0.0005 = 0.05 percentage points). */
  readonly tolerance: number;
  /** "within spitting distance" of a record: at most this far below it (config events.nearAthPct). */
  readonly nearAthPct: number;
  /** "approaching its lowest close since": within this fraction of the mark. */
  readonly approachPct: number;
  readonly trend: TrendOptions;
  /** Sessions either side tried when the as-of close contradicts a claim. */
  readonly sessionsAround: number;
  /** A series whose last bar is more than this many days before the as-of day is stale. */
  readonly staleDays: number;
}

/**
 * What the one close of a series that holds one (close equal to adjusted close) measures, when the store
 * knows it: `total` for adjusted closes (Yahoo's adjclose, a CSV's Adj Close), `price` for index levels
 * and unadjusted sources (Stooq).
 */
export type OneCloseBasis = 'price' | 'total';

/**
 * The series a claim needs, or why there is none ("no data for ^SP600 in the store"), in the product's words (the
 * API and the web page show it); `cliHint` is the CLI's next step, which only the CLI prints.
 */
export type SeriesFor = (
  symbol: string,
) =>
  | { readonly series: PriceSeries; readonly oneCloseBasis?: OneCloseBasis }
  | { readonly missing: string; readonly cliHint?: string };

/** What the data says at one close. */
export interface Evaluation {
  readonly ok: boolean;
  /** What the data says, in the claim's unit and sign convention (see `claimed`). */
  readonly actual: number | string | null;
  /** The fact in plain words, without the date: "TSLA is up 10.66% YTD", "XLK ended a 13-day winning streak". */
  readonly fact: string;
  /** Details for the reason: "base close 2024-12-31". */
  readonly detail?: string;
  /** A return's window in years (calendar days / 365.25): how much dividends could account for. */
  readonly years?: number;
}
export type Outcome = Evaluation | { readonly unverifiable: string };

/** Where a claim is tested: bar `k` of `series`, reading `field` (close: price, adjClose: total return). */
export interface EvaluationPoint {
  readonly series: PriceSeries;
  readonly k: number;
  readonly field: CloseField;
  readonly options: VerifyOptions;
  /** Other series (a spread's second symbol), aligned by date by the type itself. */
  readonly seriesFor: SeriesFor;
  /** What the series' one close measures, when it holds one and the store knows (see OneCloseBasis). */
  readonly oneCloseBasis?: OneCloseBasis | undefined;
}

export interface ClaimType<C extends ClaimBase = ClaimBase> {
  /** The `metric` of the claims it finds; unique among registered types. */
  readonly metric: string;
  /** Its claims in one sentence (spans already offset into the text). */
  extract(scope: SentenceScope): C[];
  /** Why the claim cannot be checked whatever the data ("the text gives no period"), or null. */
  precheck?(claim: C): string | null;
  /** The claim tested at one close. */
  evaluate(claim: C, at: EvaluationPoint): Outcome;
  /** What the text says, in the same unit and sign as `Evaluation.actual`. */
  claimed(claim: C, options: VerifyOptions): number | string | null;
  /** The claim in a few words, for "…, not 28.02%": "28.02%", "a 6-day losing streak". */
  claimedText(claim: C): string;
  /** The whole claim in words for a sentence that has no data to set against it ("up 6.70% YTD"); default `claimedText`. */
  describe?(claim: C): string;
  /** The period or reference of the claim for the JSON (`ytd`, `since 2025-09`), or null. */
  period(claim: C, options: VerifyOptions): string | null;
  /** Other series the claim is checked with (a spread's second symbol, the short yield of the curve). */
  extraSymbols?(claim: C): readonly string[];
  /** A figure that may be quoted on the price or the total return: both closes are tried. */
  readonly hasBasis: boolean;
}

/** The registry's element type: a claim type over its own claim interface. */
// biome-ignore lint/suspicious/noExplicitAny: each registered type checks its own claim interface.
export type AnyClaimType = ClaimType<any>;
