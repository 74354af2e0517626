/**
 * The dashboard's colours with rules: green and red only mean up and down; the accent (trendlines,
 * anchors, the ATH line) is distinct from both; 12 series colours for lines and sectors.
 * Series colour i is the SAME colour in both themes (SMA 50 is the same purple in light and dark): the
 * dark theme's is the light one's hue (CIELAB hue within 20 degrees), lifted by at most 30 L* for the
 * dark background. The pairs were picked by farthest-point search over an HSL grid so that in each theme
 * every two series colours are at least 15 CIE76 units apart under normal vision and 12 under simulated
 * protanopia, deuteranopia and tritanopia (Machado 2009); each is at least 15 units from the up and down
 * colours and 12 from the accent under every vision, and its hue at least 20 degrees from theirs (no
 * series reads as a gain, a loss or a trendline); each has 3:1 contrast against the chart background
 * (WCAG's rule for graphics). Series 0, the price line, is the blue with the most contrast in both themes.
 * palette.test.ts checks all of it.
 */
export interface ThemePalette {
  readonly background: string;
  readonly up: string;
  readonly down: string;
  readonly accent: string;
  readonly series: readonly string[];
}

export const LIGHT: ThemePalette = {
  background: '#ffffff',
  up: '#1a8a55',
  down: '#c9372c',
  accent: '#b86e00',
  series: [
    '#0053b3',
    '#8800ff',
    '#e467b2',
    '#7d364d',
    '#5f2e6b',
    '#5a8cf2',
    '#2c1782',
    '#b34d7c',
    '#c32298',
    '#570f3f',
    '#ff4d7c',
    '#ec13dd',
  ],
};

export const DARK: ThemePalette = {
  background: '#161b22',
  up: '#3fb27f',
  down: '#f0645a',
  accent: '#f2b84b',
  series: [
    '#4da0ff',
    '#941aff',
    '#f4bede',
    '#b34d6e',
    '#9e4db3',
    '#a1bef7',
    '#6e52e0',
    '#c982a3',
    '#e467c3',
    '#c3228e',
    '#ff99b4',
    '#f042e4',
  ],
};
