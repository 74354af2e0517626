/** The note's SVG charts drawn at a phone's width (the dashboard redraws them at 350 px, one unit a pixel). */
import { describe, expect, test } from 'vitest';
import { barChartSvg, ratioChartSvg, tickLabels } from './svg-charts.js';

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
    // The value labels end 6 units left of the plot, which starts after room for "0.0177" (6 x 7.2 + 10 = 53.2).
    expect(svg).toContain('<line x1="54" y1="216" x2="340" y2="216" class="axis"/>');
    // Ticks (ending at 54 - 6 = 48) at the lowest value, the geometric middle and the highest: 0.0052, sqrt(0.0052 x 0.0177) = 0.00959,
    // 0.0177, all with four decimals (toPrecision(3) printed "0.00520", "0.00959", "0.0177").
    const ticks = [...svg.matchAll(/<text x="48" [^>]*text-anchor="end">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['0.0052', '0.0096', '0.0177']);
  });

  test('a 348 px bar chart: the names column fits "GOOGL" and a loss keeps room for its label', () => {
    const svg = barChartSvg(bars, { width: 348 });
    // L = ceil(14 + 7.2 * 5) = 50: "GOOGL" ends at 44 and starts at about 44 - 36 = 8, inside the drawing.
    expect(svg).toContain('<text x="44" y="44" class="tick" text-anchor="end">GOOGL</text>');
    expect(attr(svg, 'viewBox')).toBe(`0 0 348 ${30 + 22 * 3 + 10}`);
  });
});

describe('the ratio chart value labels', () => {
  test('one number of decimals: three significant figures on the largest, two on the smallest', () => {
    // 0.0177: first figure at 10^-2, three figures need 4 decimals; 0.0052: two figures need 4 too.
    expect(tickLabels([0.0052, 0.00959, 0.0177])).toEqual(['0.0052', '0.0096', '0.0177']);
    // 0.5 .. 1.5: 1.5 needs 2 decimals for three figures, 0.5 needs 2 for two.
    expect(tickLabels([0.5, 0.9, 1.5])).toEqual(['0.50', '0.90', '1.50']);
    expect(tickLabels([120, 180, 250])).toEqual(['120', '180', '250']);
  });

  test('more decimals while two labels would read the same; thousands grouped', () => {
    // At 2 decimals 1.001 and 1.004 both print "1.00": 3 decimals tell them apart.
    expect(tickLabels([1.001, 1.004, 1.008])).toEqual(['1.001', '1.004', '1.008']);
    // 1234.5 rounds half away from zero, as toLocaleString('en-US') does.
    expect(tickLabels([950, 1234.5, 1600])).toEqual(['950', '1,235', '1,600']);
  });
});
