/** Pure wording of the Overview's figures (no DOM): which day a figure is of, and what a return is measured from. */
import { periodBoundary } from '../../../../src/analytics/returns/period-returns.js';
import { type PeriodKey, periodHeader } from '../../../../src/domain/period-keys.js';
import { formatIsoDate, tryParseIsoDate } from '../../../../src/domain/trading-date.js';
import { formatPrice, formatSignedPercent } from '../../number-format.js';

/**
 * Which days a yield spread is of: "yields of 2026-07-27", or each yield's own day when they differ.
 * @example curveDays('2026-07-27', '2026-07-24') // 'DGS10 of 2026-07-27, DGS2 of 2026-07-24'
 */
export function curveDays(tenDay: string | null, twoDay: string | null): string | null {
  if (!tenDay || !twoDay) return null;
  return tenDay === twoDay ? `yields of ${tenDay}` : `DGS10 of ${tenDay}, DGS2 of ${twoDay}`;
}

/**
 * The Fed card's last decision, one phrasing for every kind (it read "Last FOMC decision -25 bp on" beside
 * "Last FOMC decision: rates held on"); the day follows. A hold is said in words ("0 bp" reads like a
 * missing figure), a move with its size and sign, the no-break space keeping "25" and "bp" together.
 * @example fomcDecisionWords(-25) // 'Last FOMC decision: a cut of 25\u00a0bp on '
 */
export function fomcDecisionWords(decisionBp: number): string {
  if (decisionBp === 0) return 'Last FOMC decision: rates held on ';
  return `Last FOMC decision: a ${decisionBp < 0 ? 'cut' : 'hike'} of ${Math.abs(decisionBp)}\u00a0bp on `;
}

/**
 * What a period's return is measured from, for the tooltip of its cell: the end close and day, the base
 * close (close / (1 + return)) and the rule that picked it. Equal figures in a row then explain themselves:
 * on the first session of a month 1D and MTD share their base, and on the shared real data MAGS closed at
 * 65.96 both on 2025-12-31 and on 2026-07-31, so its YTD on 2026-08-03 equals its 1D too.
 * @example returnBasis('ytd', '2026-08-03', 68.25, 0.0347180)
 *   // 'YTD +3.47%: 68.25 on 2026-08-03 against 65.96, the last close on or before 2025-12-31'
 */
export function returnBasis(period: PeriodKey, asOf: string, close: number, ret: number | null): string {
  const label = periodHeader(period);
  if (ret === null || !Number.isFinite(ret) || ret === -1)
    return `${label}: no figure (the history does not reach the period's base day)`;
  const base = close / (1 + ret);
  const day = tryParseIsoDate(asOf);
  const boundary = day === null ? null : periodBoundary(day, period);
  const rule =
    period === '1d'
      ? 'the previous close'
      : period === '5d'
        ? 'the close 5 sessions before'
        : period === 'max'
          ? 'the first stored close'
          : boundary === null
            ? 'the base close'
            : `the last close on or before ${formatIsoDate(boundary)}`;
  return `${label} ${formatSignedPercent(ret)}: ${formatPrice(close)} on ${asOf} against ${formatPrice(base)}, ${rule}`;
}
