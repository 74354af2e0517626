/**
 * What the checker says of one claim, in the `marketdash check` JSON contract:
 * {"text","symbol","metric","period","claimed","actual","verdict","reason"}; returns are fractions.
 */
import type { ClaimMetric } from '../claims/claim.js';

export type Verdict = 'supported' | 'contradicted' | 'unverifiable';

export interface ClaimVerdict {
  readonly text: string;
  readonly symbol: string | null;
  readonly metric: ClaimMetric;
  /** The return period (`ytd`, `1y` ...), or the claim's reference for other metrics (`since 2025-09`); null when none. */
  readonly period: string | null;
  /** What the text says: a fraction for returns and ATH distances, a state, a date or a streak length otherwise. */
  readonly claimed: number | string | null;
  /** What the data says, in the same unit; null when it cannot be computed. */
  readonly actual: number | string | null;
  readonly verdict: Verdict;
  readonly reason: string;
  /** When contradicted at the as-of close: the nearest close within five sessions that matches the claim. */
  readonly matchesCloseOf?: string;
  /** 1-based input line of the claim (for inline marking). */
  readonly line: number;
}

export interface CheckReport {
  readonly asOf: string;
  readonly claims: ClaimVerdict[];
  /** The text the claims were read from (HTML input is read as text first); line numbers refer to it. */
  readonly text: string;
}

export function countVerdicts(report: CheckReport): Record<Verdict, number> {
  const out: Record<Verdict, number> = { supported: 0, contradicted: 0, unverifiable: 0 };
  for (const c of report.claims) out[c.verdict]++;
  return out;
}
