/** Light and dark themes: the choice is kept in localStorage; the first visit follows the system. */

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

/** Colours the canvas charts read (they cannot use CSS variables). */
export function chartColours(): {
  text: string;
  grid: string;
  background: string;
  up: string;
  down: string;
  accent: string;
  muted: string;
  line: string[];
} {
  const dark = currentTheme() === 'dark';
  return {
    text: dark ? '#d6dbe3' : '#1d2430',
    grid: dark ? '#2a313c' : '#e6e9ee',
    background: dark ? '#161b22' : '#ffffff',
    up: dark ? '#3fb27f' : '#1a8a55',
    down: dark ? '#f0645a' : '#c9372c',
    accent: dark ? '#f2b84b' : '#b86e00',
    muted: dark ? '#8b95a3' : '#6b7482',
    line: dark
      ? ['#6cb6ff', '#f2b84b', '#3fb27f', '#f0645a', '#c39bff', '#4dd0e1', '#ff9e64', '#a5d6a7']
      : ['#1f6feb', '#b86e00', '#1a8a55', '#c9372c', '#7a4cc2', '#00838f', '#d45500', '#558b2f'],
  };
}
