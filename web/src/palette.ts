/**
 * The dashboard's colours with rules: green and red only mean up and down; the accent (trendlines,
 * anchors, the ATH line) is distinct from both; 12 series colours per theme for lines and sectors.
 * The series colours were picked by farthest-point search over an HSL grid so that every pair stays
 * at least 15 CIE76 units apart under normal vision AND simulated protanopia, deuteranopia and
 * tritanopia (Machado 2009), at least as far from the up and down colours, with a 3:1 contrast
 * against the chart background (WCAG's rule for graphics). palette.test.ts checks all of it.
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
    '#1532c1',
    '#a106ef',
    '#c28305',
    '#5c1f42',
    '#748afb',
    '#c1448c',
    '#3f2a7e',
    '#fb568d',
    '#9c88d7',
    '#6e0c14',
    '#7844c1',
    '#950404',
  ],
};

export const DARK: ThemePalette = {
  background: '#161b22',
  up: '#3fb27f',
  down: '#f0645a',
  accent: '#f2b84b',
  series: [
    '#9292fc',
    '#efef06',
    '#fc92ea',
    '#bcf1db',
    '#96b305',
    '#a147fa',
    '#74fba1',
    '#d331c6',
    '#fbc965',
    '#867b03',
    '#cc66aa',
    '#2e8a3d',
  ],
};
