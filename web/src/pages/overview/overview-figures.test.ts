/**
 * The Overview's figure wording. The MAGS figures are the shared real data's
 * (../shared/data/real/etfs-and-megacaps/MAGS.csv): 68.250000 on 2026-08-03, 65.959999 on 2026-07-31 and
 * 65.959999 again on 2025-12-31, so 1D = MTD = YTD = 68.25 / 65.959999 - 1 = +3.47% on 2026-08-03 (the
 * screenshot review took the three equal figures for a bug; the CSV says they are right).
 */
import { expect, test } from 'vitest';
import { curveDays, fomcDecisionWords, returnBasis } from './overview-figures.js';

const MAGS_CLOSE = 68.25;
const MAGS_BASE = 65.959999;
const ret = MAGS_CLOSE / MAGS_BASE - 1; // 0.034718...

test('MAGS on 2026-08-03: the same +3.47% from three base days, each named with its close', () => {
  expect(ret).toBeCloseTo(0.034718, 6);
  expect(returnBasis('1d', '2026-08-03', MAGS_CLOSE, ret)).toBe(
    '1D +3.47%: 68.25 on 2026-08-03 against 65.96, the previous close',
  );
  // August's first session: the month-to-date base is July's last close, the same bar as 1D's.
  expect(returnBasis('mtd', '2026-08-03', MAGS_CLOSE, ret)).toBe(
    'MTD +3.47%: 68.25 on 2026-08-03 against 65.96, the last close on or before 2026-07-31',
  );
  expect(returnBasis('ytd', '2026-08-03', MAGS_CLOSE, ret)).toBe(
    'YTD +3.47%: 68.25 on 2026-08-03 against 65.96, the last close on or before 2025-12-31',
  );
});

test('the other periods name their rule; a missing figure says why', () => {
  // 1Y: pandas DateOffset(years=1) from 2026-08-03 is 2025-08-03 (a Sunday: the base is Friday's close).
  expect(returnBasis('1y', '2026-08-03', 110, 0.1)).toBe(
    '1Y +10.00%: 110.00 on 2026-08-03 against 100.00, the last close on or before 2025-08-03',
  );
  expect(returnBasis('5d', '2026-08-03', 99, -0.01)).toBe(
    '5D -1.00%: 99.00 on 2026-08-03 against 100.00, the close 5 sessions before',
  );
  expect(returnBasis('ytd', '2026-08-03', 50, null)).toBe(
    "YTD: no figure (the history does not reach the period's base day)",
  );
});

test('the yield spread says which days its yields are of', () => {
  // The shared real data: DGS2 and DGS10 both end 2026-07-27.
  expect(curveDays('2026-07-27', '2026-07-27')).toBe('yields of 2026-07-27');
  expect(curveDays('2026-07-27', '2026-07-24')).toBe('DGS10 of 2026-07-27, DGS2 of 2026-07-24');
  expect(curveDays(null, '2026-07-24')).toBeNull();
});

test('the last FOMC decision reads the same way for a cut, a hike and a hold (the card had two phrasings)', () => {
  // 2025-12-10: the Fed cut 25 bp (src/config/fomc-meetings.json); 2026-07-29: held; 2022-11-02: a 75 bp hike.
  expect(fomcDecisionWords(-25)).toBe('Last FOMC decision: a cut of 25\u00a0bp on ');
  expect(fomcDecisionWords(0)).toBe('Last FOMC decision: rates held on ');
  expect(fomcDecisionWords(75)).toBe('Last FOMC decision: a hike of 75\u00a0bp on ');
});
