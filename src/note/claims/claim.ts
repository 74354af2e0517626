/**
 * The checkable claims found in free market commentary. A claim names what was said (the sentence
 * or table row, the subject as written and the symbol it resolves to) and what would make it true;
 * the checker (`src/note/check/`) holds each one against stored closes.
 */
import type { ReturnPeriod } from '../../domain/period-keys.js';

/** The built-in metrics; a claim type added under `src/note/claim-types/` brings its own name. */
export type ClaimMetric = 'return' | 'ath' | 'since' | 'streak' | 'trend' | 'level' | 'spread' | (string & {});

/** Character offsets `[start, end)` in the checked text (after HTML is read as text). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ClaimBase {
  /** The sentence or table row the claim was read from, trimmed. */
  readonly text: string;
  /** The subject as the writer named it ("the Russell 2000 Index", "NVDA", "the index"). */
  readonly subject: string;
  /** The ticker the subject resolves to (`^RUT`, `SPSM/MAG7` for a ratio), or null when nothing matches. */
  readonly symbol: string | null;
  /** Why the subject did not resolve (unknown name, ambiguous share class), when symbol is null. */
  readonly unresolved?: string;
  /** How a company's bare name was read as one of its share classes ("Alphabet read as GOOGL (Class A)"). */
  readonly readAs?: string;
  /** 1-based line of the input where the claim starts. */
  readonly line: number;
  /** Where the claim's own words are in the checked text ("slid 3.93%"), for marking it in place. */
  readonly span: Span;
  /**
   * The day the claim is about when the text names one relative to the note's date ("on Wednesday"
   * in a note dated Thursday): an ISO date, checked as of that close instead of the note's.
   */
  readonly day?: string;
}

/** A percent move over a period: "Nvidia is up 36.8% year-to-date". */
export interface ReturnClaim extends ClaimBase {
  readonly metric: 'return';
  /** The period, resolved from the phrase or carried from context; null when the text gives none. */
  readonly period: ReturnPeriod | null;
  /** The period as written when it is not one MarketDash computes ("this week", "in November"). */
  readonly periodText?: string;
  /** The move as a fraction, signed (0.368 for "up 36.8%", -0.05 for "fell 5%"). */
  readonly value: number;
  /** Decimals the writer printed (1 for 36.8%): a figure is not held to more precision than it states. */
  readonly decimals: number;
  /** "over the past 21 sessions": a window of N sessions when `period` is null. */
  readonly sessions?: number;
  /** "since Oct. 15": the ISO day whose close is the base, when `period` is null. */
  readonly sinceDay?: string;
}

/**
 * All-time-high status: `new_high` (at a record close), `near_high` ("within spitting distance";
 * `distance` set when the text says how near), `below_high` ("12% below its record": `distance` -0.12).
 */
export interface AthClaim extends ClaimBase {
  readonly metric: 'ath';
  readonly kind: 'new_high' | 'near_high' | 'below_high';
  readonly distance: number | null;
  /** Decimals of the distance as printed ("39% below": 0), so it is held to that precision. */
  readonly decimals?: number;
  /** "17.3% below its August record": the peak the writer dates (month 1-12, year); held only if the record close is then. */
  readonly peak?: { readonly month: number | null; readonly year: number | null };
}

/** "lowest close since September": `since` is the month (and day/year when given) the writer names. */
export interface SinceClaim extends ClaimBase {
  readonly metric: 'since';
  readonly direction: 'lowest' | 'highest';
  readonly since: {
    readonly year: number | null;
    readonly month: number;
    readonly day: number | null;
    /** "since 2022": the whole year is the mark. */
    readonly wholeYear?: boolean;
  };
  /**
   * "its lowest close in three months": the mark is a window back from the as-of day (`since` is then not
   * read): days, weeks, months and years are calendar ones, sessions are closes.
   */
  readonly within?: { readonly count: number; readonly unit: 'session' | 'day' | 'week' | 'month' | 'year' };
  /** "approaching its lowest close since": the close is near that mark rather than through it. */
  readonly approaching: boolean;
}

/** "set to end a winning streak", "a five-day losing streak". */
export interface StreakClaim extends ClaimBase {
  readonly metric: 'streak';
  readonly direction: 'winning' | 'losing';
  /** `ongoing`: the streak runs through the as-of close; `ending`: the as-of close breaks it. */
  readonly phase: 'ongoing' | 'ending';
  readonly length: number | null;
}

export type TrendState = 'below' | 'testing' | 'breaking' | 'confirmed' | 'failed';

/** "the ratio of X versus Y is attempting to break a multi-year downtrend". */
export interface TrendClaim extends ClaimBase {
  readonly metric: 'trend';
  readonly numerator: string | null;
  readonly denominator: string | null;
  readonly kind: 'downtrend' | 'uptrend' | null;
  readonly state: TrendState;
}

/** A closing level: "the VIX closed at 14.85", "IWM closed at a record 255.87". */
export interface LevelClaim extends ClaimBase {
  readonly metric: 'level';
  readonly value: number;
  readonly decimals: number;
  /** "closed at a record 255.87": the level is also claimed to be a record close. */
  readonly record: boolean;
}

/**
 * A gap in percentage points between two symbols' performance over a period: "SPSM has outpaced the
 * Magnificent 7 basket by 5.6 percentage points over the past 21 sessions". Signed from `symbol`'s side.
 */
export interface SpreadClaim extends ClaimBase {
  readonly metric: 'spread';
  readonly versus: string | null;
  readonly period: ReturnPeriod | null;
  readonly sessions?: number;
  readonly value: number;
  readonly decimals: number;
  /**
   * `ratio`: the writer gave the move of the ratio A/B ("the ratio of IWM to SPY rose 2.98%", "IWM/SPY ratio MTD
   * +5.04%"), so only the change of the ratio is held against the figure, a percent rather than points.
   */
  readonly reading?: 'ratio';
  /**
   * A gap told without a figure ("Amazon and Meta have underperformed the Russell 2000"): +1 ahead, -1 behind; held
   * only to its sign over the period stated or carried from the text (`value` is 0).
   */
  readonly direction?: 1 | -1;
}

export type Claim = ReturnClaim | AthClaim | SinceClaim | StreakClaim | TrendClaim | LevelClaim | SpreadClaim;
