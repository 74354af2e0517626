/** The human-readable table of a trendline and its breakout state, shared by `trend` and `ratio --trend`. */

import { formatPercent } from '../../domain/format/display-format.js';
import { type BreakoutJson, stateReading, type TrendJson } from '../../services/trend/trend-report.js';
import { type Column, renderCsv, renderTable } from '../output-format.js';

export function trendTable(
  symbol: string,
  asOf: string,
  last: number,
  trend: TrendJson | null,
  breakout: BreakoutJson | null,
): string {
  if (trend === null || breakout === null) {
    return `${symbol} as of ${asOf}: no trendline (no line through two weekly pivots 2-7 years back holds up to the last half year).\n`;
  }
  const row = {
    Series: symbol,
    'As of': asOf,
    Last: last.toPrecision(6),
    Trend: trend.kind,
    Anchors: trend.anchors.map((a) => `${a.date} @ ${a.value.toPrecision(6)}`).join(', '),
    Touches: trend.touches,
    'Slope/yr': formatPercent(Math.expm1(trend.slopeLogPerYear)),
    'Line at as-of': trend.levelAtAsOf.toPrecision(6),
    'vs line': formatPercent(trend.distance),
    State: breakout.state,
    Since: breakout.since,
    Reads: stateReading(trend.kind, breakout.state),
  };
  type Row = typeof row;
  const columns = (Object.keys(row) as (keyof Row)[]).map(
    (header): Column<Row> => ({
      header,
      value: (r) => r[header],
      align: header === 'Touches' || header === 'vs line' || header === 'Slope/yr' ? 'right' : 'left',
      // to fit 120 columns (--wide: everything on one line) the anchors wrap, then the line's level and the
      // state's reading in words go (the footer says so; JSON and CSV keep them)
      wrap: header === 'Anchors',
      ...(header === 'Line at as-of' ? { drop: 2 } : header === 'Reads' ? { drop: 1 } : {}),
    }),
  );
  return `${renderTable([row], columns)}Weekly closes (last close of each ISO week) in log space; slope shown as growth per year.\n`;
}

/** The same as one CSV row of machine values (fractions, full precision; empty fields when there is no line). */
export function trendCsv(
  symbol: string,
  asOf: string,
  last: number,
  stale: boolean,
  trend: TrendJson | null,
  breakout: BreakoutJson | null,
): string {
  const row = { symbol, asOf, last, stale, trend, breakout };
  type Row = typeof row;
  const columns: Column<Row>[] = [
    { header: 'series', value: (r) => r.symbol },
    { header: 'asOf', value: (r) => r.asOf },
    { header: 'last', value: (r) => r.last },
    { header: 'stale', value: (r) => String(r.stale) },
    { header: 'kind', value: (r) => r.trend?.kind },
    { header: 'anchors', value: (r) => r.trend?.anchors.map((a) => `${a.date}@${a.value}`).join(' ') },
    { header: 'touches', value: (r) => r.trend?.touches },
    { header: 'slopePerYear', value: (r) => (r.trend ? Math.expm1(r.trend.slopeLogPerYear) : null) },
    { header: 'lineAtAsOf', value: (r) => r.trend?.levelAtAsOf },
    { header: 'distance', value: (r) => r.trend?.distance },
    { header: 'state', value: (r) => r.breakout?.state },
    { header: 'since', value: (r) => r.breakout?.since },
  ];
  return renderCsv([row], columns);
}
