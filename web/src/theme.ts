/** Light and dark themes: the choice is kept in localStorage; the first visit follows the system. */
import { ensureDefined } from '../../src/domain/ensure.js';
import { DARK, LIGHT } from './palette.js';

export type Theme = 'light' | 'dark';
const KEY = 'marketdash.theme';

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function initTheme(): Theme {
  const saved = localStorage.getItem(KEY);
  const theme: Theme =
    saved === 'dark' || saved === 'light'
      ? saved
      : matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  document.documentElement.dataset.theme = theme;
  return theme;
}

export function toggleTheme(): Theme {
  const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  localStorage.setItem(KEY, next);
  return next;
}

/** Colours the canvas charts read (they cannot use CSS variables); see palette.ts for the rules. */
export function chartColours(): {
  text: string;
  grid: string;
  background: string;
  up: string;
  down: string;
  accent: string;
  muted: string;
  line: readonly string[];
} {
  const dark = currentTheme() === 'dark';
  const p = dark ? DARK : LIGHT;
  return {
    text: dark ? '#d6dbe3' : '#1d2430',
    grid: dark ? '#2a313c' : '#e6e9ee',
    background: p.background,
    up: p.up,
    down: p.down,
    accent: p.accent,
    muted: dark ? '#8b95a3' : '#6b7482',
    line: p.series,
  };
}

/** The line colour for series number `i`, cycling through the palette when there are more series than colours. */
export function lineColour(colours: { readonly line: readonly string[] }, i: number): string {
  return ensureDefined(colours.line[i % colours.line.length], `line colour ${i} of the palette`);
}
