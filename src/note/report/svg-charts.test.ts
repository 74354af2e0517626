/** The note's SVG charts drawn at a phone's width (the dashboard redraws them at 350 px, one unit a pixel). */
import { describe, expect, test } from 'vitest';
import { barChartSvg, logAxisTicks, niceTicks, ratioChartSvg, roundTickLabels } from './svg-charts.js';

const ratio = {
  id: 'chart-ratio',
  kind: 'ratio' as const,
  title: 'SPSM / MAG7, weekly closes, with its downtrend line',
  dates: ['2022-01-07', '2023-12-22', '2025-12-11'],
  values: [0.0105, 0.0177, 0.0052],
  line: { from: '2023-12-22', to: '2025-12-11', fromValue: 0.0177, toValue: 0.0053 },
};
const bars = {
  id: 'chart-performance',
  kind: 'bars' as const,
  title: 'Year-to-date price return',
  bars: [
    { label: 'GOOGL', value: 0.6569 },
    { label: 'AMZN', value: 0.0496 },
    { label: '^RUT', value: -0.02 },
  ],
};
const attr = (svg: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(svg)?.[1];

describe('note charts at display size', () => {
  test('the file keeps its 720-unit drawings', () => {
    expect(attr(ratioChartSvg(ratio), 'viewBox')).toBe('0 0 720 300');
    expect(attr(barChartSvg(bars), 'class')).toBe('chart');
  });

  test('a 348 px ratio chart: 348 units wide, title wrapped in lines of at most 40 characters, taller', () => {
    const svg = ratioChartSvg(ratio, { width: 348 });
    // H = max(220, 348 * 0.7 = 243.6) -> 244.
    expect(attr(svg, 'viewBox')).toBe('0 0 348 244');
    expect(attr(svg, 'class')).toBe('chart fit');
    const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);
    // floor((348 - 4) / 8.5) = 40 characters a line.
    expect(lines).toEqual(['SPSM / MAG7, weekly closes, with its', 'downtrend line']);
    // The value labels end 6 units left of the plot, which starts after room for "0.006" (5 x 7.2 + 10 = 46).
    expect(svg).toContain('<line x1="46" y1="216" x2="340" y2="216" class="axis"/>');
    // Round ticks (ending at 46 - 6 = 40) on a 0.002 step: the plot is 244 - 44 - 28 = 172 units tall, the
    // closest pair (0.014, 0.016) ln(16 / 14) / ln(0.0177 / 0.0052) x 172 = 18.7 units apart. 0.006 sits at
    // 44 + (1 - ln(0.006 / 0.0052) / 1.2249) x 172 = 195.9, its text's baseline 4 lower.
    const ticks = [...svg.matchAll(/<text x="40" y="([^"]*)"[^>]*text-anchor="end">([^<]*)<\/text>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(ticks.map((t) => t[1])).toEqual(['0.006', '0.008', '0.010', '0.012', '0.014', '0.016']);
    expect(ticks[0]![0]).toBe('199.9');
  });

  test('a 348 px bar chart: the names column fits "GOOGL" and a loss keeps room for its label', () => {
    const svg = barChartSvg(bars, { width: 348 });
    // L = ceil(14 + 7.2 * 5) = 50: "GOOGL" ends at 44 and starts at about 44 - 36 = 8, inside the drawing.
    expect(svg).toContain('<text x="44" y="44" class="tick" text-anchor="end">GOOGL</text>');
    expect(attr(svg, 'viewBox')).toBe(`0 0 348 ${30 + 22 * 3 + 10}`);
  });
});

describe('the ratio chart value axis: round ticks on 1-2-5 steps (worked by hand)', () => {
  test('niceTicks: the finest 1-2-5 step with at most maxCount ticks inside the range', () => {
    // SPSM/MAG7 of the real note, 0.0052 to 0.0177 (range 0.0125): step 0.001 gives 0.006..0.017 = 12 ticks,
    // 0.002 gives 0.006, 0.008, ..., 0.016 = 6.
    expect(niceTicks(0.0052, 0.0177, 6)).toEqual([0.006, 0.008, 0.01, 0.012, 0.014, 0.016]);
    // At most 3: 0.002 gives 6, 0.005 gives 0.010 and 0.015 (0.005 is under 0.0052, 0.020 over 0.0177).
    expect(niceTicks(0.0052, 0.0177, 3)).toEqual([0.01, 0.015]);
    // 95 to 212: step 20 gives 100..200 = 6 ticks, step 50 gives 100, 150, 200.
    expect(niceTicks(95, 212, 5)).toEqual([100, 150, 200]);
    // The range's ends are ticks when round (0.9 / 0.05 is 18.000000000000004 in floating point).
    expect(niceTicks(0.9, 1.1, 5)).toEqual([0.9, 0.95, 1, 1.05, 1.1]);
    expect(niceTicks(2, 2, 5)).toEqual([2]);
  });

  test('logAxisTicks: fewer ticks while two would sit closer than the gap on the log scale', () => {
    // 0.0052 to 0.0177 on 236 units (the 720 drawing): ln(0.0177 / 0.0052) = 1.2249; the closest pair of the
    // six, 0.014 and 0.016, is ln(16 / 14) / 1.2249 * 236 = 25.7 units apart: all six kept.
    expect(logAxisTicks(0.0052, 0.0177, 236, 16)).toEqual([0.006, 0.008, 0.01, 0.012, 0.014, 0.016]);
    // On 120 units that pair is 13.1 apart: 4 ticks (step 0.005: 0.010, 0.015) are 0.405 / 1.2249 * 120 = 39.7 apart.
    expect(logAxisTicks(0.0052, 0.0177, 120, 16)).toEqual([0.01, 0.015]);
    // 1 to 100 on 200 units: step 20 puts 80 and 100 0.223 / 4.605 * 200 = 9.7 apart, step 50 (50, 100) 30.1.
    expect(logAxisTicks(1, 100, 200, 16)).toEqual([50, 100]);
  });

  test('roundTickLabels: one number of decimals, those of the finest tick; thousands grouped', () => {
    expect(roundTickLabels([0.006, 0.008, 0.01, 0.012])).toEqual(['0.006', '0.008', '0.010', '0.012']);
    expect(roundTickLabels([0.9, 0.95, 1])).toEqual(['0.90', '0.95', '1.00']);
    expect(roundTickLabels([1000, 1500, 2000])).toEqual(['1,000', '1,500', '2,000']);
  });

  test('the drawn chart labels round values, not the data low, middle and high', () => {
    const ticks = [...ratioChartSvg(ratio).matchAll(/class="tick" text-anchor="end">([^<]*)</g)]
      .map((m) => m[1])
      .filter((t) => !t?.includes('-'));
    expect(ticks).toEqual(['0.006', '0.008', '0.010', '0.012', '0.014', '0.016']);
  });
});
