/**
 * The derived series breadth claims are checked against (note/claim-types/breadth-claim-type.ts):
 * for each group the claims name, the group's breadth history (services/breadth, the counts of
 * `marketdash breadth`) turned into one series per measure, `sp600:above50` = percent of members
 * above their 50-day average on each day, `sp600:newHighs` = count, `sp600:equalWeight` = the
 * equal-weighted index level (its period returns are return claims), and so on. A group that is not
 * in the store gets the reason an editor reads. Given a last day, the history ends there.
 */
import type { BreadthHistory } from '../../analytics/breadth/breadth-history.js';
import { DataError, NotFoundError } from '../../domain/errors.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import type { SeriesFor } from '../../note/check/verify-claim.js';
import {
  BREADTH_MEASURES,
  type BreadthMeasure,
  breadthSymbol,
  parseBreadthSymbol,
} from '../../note/claim-types/breadth-claim-type.js';
import type { PriceStore } from '../../store/price-store.js';
import { loadBreadthHistory } from '../breadth/breadth-report.js';

function measureValues(h: BreadthHistory, measure: BreadthMeasure): Float64Array {
  const n = h.dates.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    switch (measure) {
      case 'above50':
        out[i] = h.withShort[i]! > 0 ? (100 * h.aboveShort[i]!) / h.withShort[i]! : Number.NaN;
        break;
      case 'above200':
        out[i] = h.withLong[i]! > 0 ? (100 * h.aboveLong[i]!) / h.withLong[i]! : Number.NaN;
        break;
      case 'newHighs':
        out[i] = h.withYear[i]! > 0 ? h.newHighs[i]! : Number.NaN;
        break;
      case 'newLows':
        out[i] = h.withYear[i]! > 0 ? h.newLows[i]! : Number.NaN;
        break;
      case 'netNewHighs':
        out[i] = h.withYear[i]! > 0 ? h.newHighs[i]! - h.newLows[i]! : Number.NaN;
        break;
      case 'advances':
        out[i] = h.advances[i]!;
        break;
      case 'declines':
        out[i] = h.declines[i]!;
        break;
      case 'equalWeight':
        out[i] = h.equalWeight[i]!;
        break;
    }
  }
  return out;
}

/**
 * A lookup of the derived breadth series for the breadth symbols among `symbols` (others are not
 * answered: the caller falls back to the stored series). One breadth history per group.
 */
export async function loadBreadthClaimSeries(
  store: PriceStore,
  symbols: readonly string[],
  lastDay?: DayNumber,
): Promise<(symbol: string) => ReturnType<SeriesFor> | undefined> {
  const groups = new Set(symbols.flatMap((s) => parseBreadthSymbol(s)?.group ?? []));
  const out = new Map<string, ReturnType<SeriesFor>>();
  for (const group of groups) {
    try {
      const { history } = await loadBreadthHistory(store, {
        group,
        ...(lastDay === undefined ? {} : { asOf: formatIsoDate(lastDay) }),
      });
      for (const m of BREADTH_MEASURES) {
        const symbol = breadthSymbol(group, m);
        out.set(symbol, { series: closeOnlySeries(symbol, history.dates, measureValues(history, m)) });
      }
    } catch (e) {
      if (!(e instanceof NotFoundError || e instanceof DataError)) throw e;
      // the API and the web page show `missing`: no command in it; the CLI prints its hint
      const missing = `breadth of '${group}' cannot be computed from the store: ${e.message} (it needs the group's member list and the members' closes)`;
      const cliHint = `to check the breadth of '${group}': import the members' closes and 'marketdash group import constituents/sp600.csv --name ${group}'`;
      for (const m of BREADTH_MEASURES) out.set(breadthSymbol(group, m), { missing, cliHint });
    }
  }
  return (symbol) => out.get(symbol);
}
