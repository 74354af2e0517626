/**
 * Data checks against hand-counted cases and the real messy XLK file (its 2:1 split of 2025-11-17
 * was never back-adjusted: the close halves that day, 288.15 -> 141.61).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, messyFile } from '../../../test/support/shared-data.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { checkSeries, dayRuns, missingTradingDays, tradingDaysAfter } from './series-checks.js';

const d = parseIsoDate;
const series = (isoDates: string[], closes?: number[]) =>
  closeOnlySeries(
    'T',
    isoDates.map((x) => d(x)),
    closes ?? isoDates.map(() => 100),
  );

describe('series checks', () => {
  it('finds trading days with no bar, not weekends or holidays', () => {
    // 2025-12-22..2026-01-05: holidays 12-25 and 01-01. Bars skip 12-23, 12-24 and 12-31.
    const s = series(['2025-12-22', '2025-12-26', '2025-12-29', '2025-12-30', '2026-01-02', '2026-01-05']);
    expect(missingTradingDays(s.dates).map((x) => new Date(x * 86400000).toISOString().slice(0, 10))).toEqual([
      '2025-12-23',
      '2025-12-24',
      '2025-12-31',
    ]);
    const c = checkSeries(s, 'etf', { asOf: d('2026-01-05') });
    expect(c.missingDays).toEqual(['2025-12-23', '2025-12-24', '2025-12-31']);
    expect(c.warnings[0]).toBe('T: 3 missing trading days (2025-12-23..2025-12-24, 2025-12-31)');
    expect(c.stale).toBe(false);
  });

  it('counts trading days behind and flags stale series', () => {
    // After Friday 2025-11-14 up to Wednesday 2025-11-26: 17,18,19,20,21,24,25,26 = 8 trading days.
    expect(tradingDaysAfter(d('2025-11-14'), d('2025-11-26'))).toBe(8);
    // A Saturday as-of counts up to the Friday before.
    expect(tradingDaysAfter(d('2025-11-14'), d('2025-11-22'))).toBe(5);
    const c = checkSeries(series(['2025-11-13', '2025-11-14']), 'stock', { asOf: d('2025-11-26') });
    expect([c.tradingDaysBehind, c.stale]).toEqual([8, true]);
    expect(c.warnings).toEqual(['T: stale, last bar 2025-11-14 is 8 trading days behind 2025-11-26']);
  });

  it('rates skip the calendar and split checks', () => {
    const c = checkSeries(series(['2025-12-22', '2025-12-29'], [4.1, 2.05]), 'rate', { asOf: d('2025-12-29') });
    expect(c.missingDays).toEqual([]);
    expect(c.suspectedSplits).toEqual([]);
  });

  it('collapses consecutive trading days into runs across a weekend', () => {
    expect(dayRuns(['2025-11-14', '2025-11-17', '2025-11-19'])).toEqual(['2025-11-14..2025-11-17', '2025-11-19']);
  });
});

describeWithSharedData('data checks on the real XLK file with an unadjusted split', () => {
  it('reports the 2:1 split of 2025-11-17', () => {
    const lines = readFileSync(messyFile('XLK-split-not-back-adjusted.csv'), 'utf8').trim().split('\n').slice(1);
    const rows = lines.map((l) => l.split(','));
    const s = closeOnlySeries(
      'XLK',
      rows.map((r) => d(r[0]!)),
      rows.map((r) => Number(r[1])),
    );
    const c = checkSeries(s, 'etf', { asOf: d('2026-01-02') });
    expect(c.suspectedSplits).toHaveLength(1);
    expect(c.suspectedSplits[0]).toMatchObject({ date: '2025-11-17', label: '2:1' });
    expect(
      c.warnings.some((w) => w.startsWith('XLK: suspected unadjusted 2:1 split on 2025-11-17 (close 288.15 -> 141.61')),
    ).toBe(true);
  });
});
