/**
 * The dashboard's colours with rules: green and red only mean up and down; the accent (trendlines,
 * anchors, the ATH line) is distinct from both; 12 series colours for lines and sectors, each with a
 * line style as a second cue.
 * The series colours are six hue families of two each, a light and a deep one of different line style
 * (blue and navy, violet and deep purple, magenta and plum, teal and deep teal, sky and deep azure, olive and
 * deep olive), the families at least 33 degrees of CIELAB hue apart, so no 30-degree arc of hue holds three
 * series: three near hues in one chart read as one colour (the dark rotation chart's XLB, XLE and XLU, hot
 * pink, magenta and pale pink, lay within 20 degrees). Green, red and orange hues are left to up, down and
 * the accent (every series hue at least 25 degrees from theirs). Two series of the same line style are never
 * one hue told apart by lightness alone: within 30 degrees of hue they are at least 20 CIEDE2000 apart in
 * each theme (the wine and the rose of XLE and XLI were 16.5 apart, both solid, in the dark theme).
 * Series colour i is the SAME colour in both themes (a sector keeps its colour when the theme changes):
 * the dark theme's is the light one's hue (CIELAB hue within 8 degrees), lifted by at most 20 L* for the
 * dark background.
 * Distinguishable, measured in CIEDE2000 (palette.test.ts): in each theme every two of the 12 colours are
 * at least 10 apart with normal vision. Under simulated protanopia, deuteranopia and tritanopia (Machado,
 * Oliveira and Fernandes 2009, severity 1.0) twelve hues cannot all stay that far apart (the three
 * confusion lines leave about two dimensions of colour), so each series also has a line style
 * (`seriesDash`): even series are solid, odd ones dashed, and every two series of the same style stay at
 * least 8 CIEDE2000 apart under each of the three simulations, in both themes. No two series share both
 * a colour class and a style: the rotation chart draws dashed tails with square dots for the odd series,
 * Compare dashes the same lines, and both name every series beside it (WCAG 1.4.1).
 * Each series colour is at least 15 CIEDE2000 from the up, down and accent colours; each has 3:1 contrast
 * against the chart background (WCAG's rule for graphics). Series 0, the price line, is the blue.
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
    '#0f71d6', // blue
    '#9343ca', // violet
    '#d43391', // magenta
    '#009c9a', // teal
    '#4b4f00', // deep olive
    '#006686', // deep azure
    '#006564', // deep teal
    '#781c51', // plum
    '#0594bf', // sky
    '#92931f', // olive
    '#623b7a', // deep purple
    '#00468a', // navy
  ],
};

export const DARK: ThemePalette = {
  background: '#161b22',
  up: '#3fb27f',
  down: '#f0645a',
  accent: '#f2b84b',
  series: [
    '#4d8ff8', // blue
    '#c279f1', // violet
    '#ee69b0', // magenta
    '#19b5b4', // teal
    '#787b26', // deep olive
    '#0f8bb4', // deep azure
    '#128583', // deep teal
    '#a7547e', // plum
    '#59beeb', // sky
    '#a0aa2e', // olive
    '#8a5da5', // deep purple
    '#2a65b7', // navy
  ],
};

/** A series' line style, the cue beside its colour: solid for even series, dashed for odd (see above). */
export type SeriesDash = 'solid' | 'dashed';

/**
 * How a line and its legend key are drawn: a SeriesDash, or, for a stale series, dotted (even) or sparsely
 * dotted (odd). The key's CSS class is `line-<dash>` (styles.css), the chart's style is mapped from the same value.
 */
export type LineDash = SeriesDash | 'dotted' | 'sparse';

/**
 * The line style of series number `i` (the same numbering as the colours): even series solid, odd ones
 * dashed, so two series whose colours a colour-blind reader may confuse (any two of different style, e.g.
 * the blue and the violet under protanopia) never also share a style.
 * @example seriesDash(0) // 'solid'; seriesDash(11) // 'dashed'
 */
export function seriesDash(i: number): SeriesDash {
  return i % 2 === 0 ? 'solid' : 'dashed';
}

/** A claim's verdict on the Check tab: supported, contradicted or unverifiable. */
export type Verdict = 'supported' | 'contradicted' | 'unverifiable';

/**
 * The verdicts' own encoding, independent of any move's direction: an icon, a word and a colour that is
 * neither the up nor the down colour (a supported fall is not green, a contradicted rise not red). Teal-blue,
 * amber and grey: at least 20 CIEDE2000 from up and down and 30 degrees of hue away, 4.5:1 on the page and
 * the panel in each theme, and supported and contradicted far apart under each simulated colour-vision
 * deficiency (palette.test.ts). styles.css sets the same values as `--verdict-<verdict>`.
 */
export const VERDICT_COLOURS: Readonly<Record<'light' | 'dark', Readonly<Record<Verdict, string>>>> = {
  light: { supported: '#0b6e8e', contradicted: '#8f5400', unverifiable: '#5f6876' },
  dark: { supported: '#5cc0e0', contradicted: '#e8a94a', unverifiable: '#9aa4b2' },
};

/** The icon and word of each verdict (the icon is decoration; the word carries the meaning). */
export const VERDICT_LABELS: Readonly<Record<Verdict, { readonly icon: string; readonly word: string }>> = {
  supported: { icon: '✓', word: 'Supported' },
  contradicted: { icon: '✗', word: 'Contradicted' },
  unverifiable: { icon: '?', word: 'Unverifiable' },
};
