/**
 * The dashboard's colours with rules: green and red only mean up and down; the accent (trendlines,
 * anchors, the ATH line) is distinct from both; 12 series colours for lines and sectors.
 * The series colours are a qualitative palette of distinct hue families (blue, violet, magenta, teal,
 * olive, sky, rose, then darker and lighter members of the same families), so eleven sectors on the
 * rotation chart read apart: the previous farthest-point pick met its CIE76 distances with twelve
 * pinks and purples that looked alike. Green, red and orange hues are left to up, down and the accent.
 * Series colour i is the SAME colour in both themes (a sector keeps its colour when the theme changes):
 * the dark theme's is the light one's hue (CIELAB hue within 8 degrees), lifted by at most 20 L* for the
 * dark background. In each theme every two series colours are at least 9 CIEDE2000 apart under normal
 * vision; under simulated protanopia, deuteranopia and tritanopia (Machado 2009) twelve distinct hues
 * cannot all stay apart, so pairs only keep 5 CIE76 units and no chart relies on colour alone (the
 * rotation chart and Compare name every series beside it, Compare also dashes its lines: WCAG 1.4.1).
 * Each series colour is at least 15 CIEDE2000 from the up, down and accent colours and its hue at least
 * 15 degrees from theirs (no series reads as a gain, a loss or a trendline); each has 3:1 contrast
 * against the chart background (WCAG's rule for graphics). Series 0, the price line, is the blue.
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
    '#1f63d6', // blue
    '#8a3ffc', // violet
    '#c2188f', // magenta
    '#00827f', // teal
    '#8f8800', // olive
    '#0a76a8', // sky blue
    '#c8507a', // rose
    '#00657c', // deep teal
    '#9a7fe0', // lavender
    '#3b2a9e', // indigo
    '#5c5a00', // deep olive
    '#2b4a9e', // navy
  ],
};

export const DARK: ThemePalette = {
  background: '#161b22',
  up: '#3fb27f',
  down: '#f0645a',
  accent: '#f2b84b',
  series: [
    '#4d8ef5', // blue
    '#a06bff', // violet
    '#e05bb4', // magenta
    '#16a39f', // teal
    '#aea21a', // olive
    '#2d98cc', // sky blue
    '#e07ca0', // rose
    '#1d8fa8', // deep teal
    '#b49cf2', // lavender
    '#6656dc', // indigo
    '#807d18', // deep olive
    '#4f6fc8', // navy
  ],
};
