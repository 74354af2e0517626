/**
 * How numbers look on the pages. The formatting itself is the domain's one pure module (the CLI and the
 * note print through it too, so a fraction reads the same everywhere); this file adds the page-only
 * parts: the colour class and heat colour of a return, and the streak text.
 */
export {
  fixed,
  formatPercent,
  formatPrice,
  formatSignedPercent,
} from '../../src/domain/format/display-format.js';

/** `up`, `down` or `flat`: the colour class of a return. */
export function signClass(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction) || fraction === 0) return 'flat';
  return fraction > 0 ? 'up' : 'down';
}

/** A heat colour for a return: green up, red down, saturating at ±`scale`. */
export function heatColour(fraction: number | null | undefined, scale: number, dark: boolean): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return dark ? '#333a44' : '#d9dde3';
  const t = Math.max(-1, Math.min(1, fraction / scale));
  const strength = Math.round(Math.abs(t) * 100);
  const hue = t >= 0 ? 145 : 0;
  // Light mode stops at 62% lightness so the dark tile text keeps a readable contrast.
  const light = dark ? 22 + Math.abs(t) * 16 : 92 - Math.abs(t) * 30;
  return `hsl(${hue} ${30 + strength * 0.4}% ${light}%)`;
}

export function streakText(streak: number | null | undefined): string {
  if (streak === null || streak === undefined || streak === 0) return '0';
  return streak > 0 ? `${streak} up` : `${-streak} down`;
}
