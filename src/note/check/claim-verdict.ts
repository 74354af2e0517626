/**
 * What the checker says of one claim, in the `marketdash check` JSON contract:
 * {"text","symbol","metric","period","claimed","actual","verdict","sentence","reason","basis",
 *  "matchesCloseOf","asOf","span","line"}. Returns, distances and spreads are fractions; `claimed`
 * and `actual` share one sign convention (a 6-day losing streak is -6 on both sides).
 */
import type { ClaimMetric, Span } from '../claims/claim.js';

export type Verdict = 'supported' | 'contradicted' | 'unverifiable';

/**
 * Which close the verdict rests on: `price` (the stored close), `total` (the adjusted close, with
 * dividends); a series holding one close is named by what it measures (a stock's adjusted closes:
 * `total`; an index level: `price`), `same` when that is not known (price and total return cannot be
 * told apart); null when the claim was not held against data.
 */
export type Basis = 'price' | 'total' | 'same' | null;

export interface ClaimVerdict {
  readonly text: string;
  readonly symbol: string | null;
  readonly metric: ClaimMetric;
  /** The return period (`ytd`, `1y`, `21 sessions` ...), or the claim's reference for other metrics (`since 2025-09`); null when none. */
  readonly period: string | null;
  /** What the text says: a fraction for returns, distances and spreads, a level, a state, a date or a signed streak length. */
  readonly claimed: number | string | null;
  /** What the data says, in the same unit and sign; null when it cannot be computed. */
  readonly actual: number | string | null;
  readonly verdict: Verdict;
  /** The verdict in one plain sentence: "TSLA is up 10.66% YTD on Dec 11, not 28.02%: contradicted; …". */
  readonly sentence: string;
  /** The details an editor checks the sentence with (basis, base close, what the nearby closes say). */
  readonly reason: string;
  readonly basis: Basis;
  /** When contradicted at the as-of close: the nearest close within five sessions that matches the claim. */
  readonly matchesCloseOf: string | null;
  /** The close the claim was held against (the note's date, or the day the claim names). */
  readonly asOf: string | null;
  /** Where the claim's words are in `CheckReport.text`. */
  readonly span: Span;
  /** 1-based line of the claim in `CheckReport.text`. */
  readonly line: number;
}

/** Where the as-of date came from: the `--as-of` option, the note's own words, or the latest stored close. */
export interface AsOfSource {
  readonly date: string;
  readonly source: 'option' | 'note' | 'latest';
  /** Why, in words: "the note says 'As of the close of December 11, 2025' (line 3)". */
  readonly why: string;
}

export interface CheckReport {
  readonly asOf: string;
  readonly asOfSource: AsOfSource;
  readonly claims: ClaimVerdict[];
  /** The text the claims were read from (HTML input is read as text first); spans and lines refer to it. */
  readonly text: string;
  /** Warnings for the reader (no date in the note, input trimmed ...). */
  readonly warnings: readonly string[];
  /** The CLI's next steps for claims left unverifiable (commands to run); the API never sends them. */
  readonly cliHints?: readonly string[];
}

export function countVerdicts(report: Pick<CheckReport, 'claims'>): Record<Verdict, number> {
  const out: Record<Verdict, number> = { supported: 0, contradicted: 0, unverifiable: 0 };
  for (const c of report.claims) out[c.verdict]++;
  return out;
}
