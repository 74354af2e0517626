/**
 * How numbers look on the pages. The formatting itself is the domain's one pure module (the CLI and the
 * note print through it too, so a fraction reads the same everywhere); this file adds the page-only
 * parts: the colour class and heat colour of a return, and the streak text.
 */
import { hslToRgb, parseHex, type Rgb } from './colour.js';

export {
  fixed,
  formatNumber,
  formatPercent,
  formatPrice,
  formatSignedPercent,
  spreadWords,
} from '../../src/domain/format/display-format.js';

/** `up`, `down` or `flat`: the colour class of a return. */
export function signClass(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction) || fraction === 0) return 'flat';
  return fraction > 0 ? 'up' : 'down';
}

/**
 * A heat colour for a return as sRGB: green up, red down, saturating at ±`scale`; a return that rounds
 * to 0.00% is neutral grey. The tile's text colour is then picked by brightness (colour.ts `textOn`).
 */
export function heatRgb(fraction: number | null | undefined, scale: number, dark: boolean): Rgb {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction))
    return dark ? parseHex('#333a44') : parseHex('#d9dde3');
  if (Math.abs(fraction) < 0.00005) return dark ? parseHex('#3a3f47') : parseHex('#e4e6ea');
  const t = Math.max(-1, Math.min(1, fraction / scale));
  const hue = t >= 0 ? 145 : 0;
  const light = dark ? 24 + Math.abs(t) * 14 : 93 - Math.abs(t) * 33;
  return hslToRgb(hue, 25 + Math.abs(t) * 30, light);
}

export function streakText(streak: number | null | undefined): string {
  if (streak === null || streak === undefined || streak === 0) return '0';
  return streak > 0 ? `${streak} up` : `${-streak} down`;
}
