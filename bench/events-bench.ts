/**
 * Events and base rates over a seeded universe (3,000 symbols x 20 years of daily closes, generated in
 * memory): every series event as of the last bar, with and without the base rate of each event, plus
 * a trendline analysis per symbol and the week-by-week breakout history of one 20-year pair.
 */
import { breakoutBaseRate, eventBaseRate } from '../src/analytics/base-rates/base-rate.js';
import { DEFAULT_EVENT_PARAMS } from '../src/analytics/events/market-event.js';
import { detectSeriesEvents } from '../src/analytics/events/series-events.js';
import { analyseTrend } from '../src/analytics/trend/trend-analysis.js';
import { trendOptions } from '../src/analytics/trend/trend-options.js';
import { eventKey } from '../src/services/events/events-report.js';
import { DEFAULT_UNIVERSE, mulberry32, universeDays } from './bench-universe.js';

export async function run(): Promise<void> {
  const dates = universeDays(DEFAULT_UNIVERSE);
  const n = dates.length;
  const rand = mulberry32(7);
  const series: Float64Array[] = [];
  for (let s = 0; s < DEFAULT_UNIVERSE.symbols; s++) {
    const v = new Float64Array(n);
    let level = 50 + 100 * rand();
    const drift = (rand() - 0.45) * 0.001;
    for (let i = 0; i < n; i++) {
      level *= Math.exp(drift + 0.02 * (rand() + rand() + rand() - 1.5));
      v[i] = level;
    }
    series.push(v);
  }
  const last = n - 1;
  const timeIt = (label: string, fn: () => number) => {
    const t0 = performance.now();
    const count = fn();
    console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s (${count} results)`);
  };
  console.log(`${series.length} symbols x ${n} bars`);
  timeIt('events as of the last bar, no base rates', () =>
    series.reduce((a, v, k) => a + detectSeriesEvents(`S${k}`, dates, v, last, DEFAULT_EVENT_PARAMS).length, 0),
  );
  timeIt('events as of the last bar, with base rates', () =>
    series.reduce((a, v, k) => {
      const evs = detectSeriesEvents(`S${k}`, dates, v, last, DEFAULT_EVENT_PARAMS);
      for (const e of evs) eventBaseRate(dates, v, eventKey(e), DEFAULT_EVENT_PARAMS, last);
      return a + evs.length;
    }, 0),
  );
  const opts = trendOptions();
  timeIt('trendline + breakout state per symbol', () =>
    series.reduce((a, v) => a + (analyseTrend(dates, v, opts)?.line ? 1 : 0), 0),
  );
  timeIt(
    'breakout history (base rate) of one 20-year series, week by week',
    () => breakoutBaseRate(dates, series[0]!, opts, last).count,
  );
}
