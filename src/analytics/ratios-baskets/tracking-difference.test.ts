// Tracking difference: fund return minus index return, by hand.
import { describe, expect, it } from 'vitest';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { trackingDifference } from './tracking-difference.js';

const days = (isos: string[]) => isos.map((x) => parseIsoDate(x));

describe('tracking difference', () => {
  const index = closeOnlySeries('^IDX', days(['2024-12-31', '2025-06-30', '2025-12-31']), [1000, 1100, 1200]);
  const fund = closeOnlySeries('FUND', days(['2024-12-31', '2025-06-30', '2025-12-31']), [50, 54.9, 59.85]);

  it('is fund return minus index return over the window', () => {
    const td = trackingDifference(fund, index, parseIsoDate('2024-12-31'), parseIsoDate('2025-12-31'))!;
    // fund 59.85/50 - 1 = 0.197; index 0.2; difference -0.003
    expect(td.fundReturn).toBeCloseTo(0.197, 12);
    expect(td.indexReturn).toBeCloseTo(0.2, 12);
    expect(td.difference).toBeCloseTo(-0.003, 12);
  });

  it('can read the fund total return against a price index', () => {
    const tr = closeOnlySeries('FUND', days(['2024-12-31', '2025-12-31']), [50, 59.85]);
    tr.adjClose.set([49, 59.85]);
    const td = trackingDifference(tr, index, parseIsoDate('2024-12-31'), parseIsoDate('2025-12-31'), {
      fund: 'adjClose',
      index: 'close',
    })!;
    expect(td.fundReturn).toBeCloseTo(59.85 / 49 - 1, 14);
    expect(td.difference).toBeCloseTo(59.85 / 49 - 1 - 0.2, 14);
  });

  it('is null when either side lacks history at the start', () => {
    expect(trackingDifference(fund, index, parseIsoDate('2024-01-01'), parseIsoDate('2025-12-31'))).toBeNull();
  });
});
