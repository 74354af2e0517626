/**
 * Colour arithmetic for the palette rules and readable text: sRGB <-> linear light, WCAG 2.x
 * relative luminance and contrast ratio, CIE L*a*b* (D65) and the CIE76 colour difference, and the
 * colour-vision-deficiency simulation of Machado, Oliveira and Fernandes (2009, severity 1.0:
 * protanopia, deuteranopia, tritanopia), applied in linear RGB as the paper prescribes.
 * Pure: no DOM, so the palette tests run in Node.
 */

export type Rgb = readonly [r: number, g: number, b: number];

export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  const c = (v: number) =>
    Math.round(Math.max(0, Math.min(255, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** HSL (h in degrees, s and l in percent) to sRGB 0..255, as CSS computes it. */
export function hslToRgb(h: number, s: number, l: number): Rgb {
  const S = s / 100;
  const L = l / 100;
  const k = (n: number) => (n + h / 30) % 12;
  const a = S * Math.min(L, 1 - L);
  const f = (n: number) => L - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

const toLinear = (v: number): number => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (c: number): number => {
  const v = Math.max(0, Math.min(1, c));
  return (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055) * 255;
};

/** WCAG 2.x relative luminance. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Near-black or white, whichever reads better on `background`. */
export function textOn(background: Rgb): string {
  const dark: Rgb = [17, 20, 26];
  const light: Rgb = [255, 255, 255];
  return contrast(background, dark) >= contrast(background, light) ? '#11141a' : '#ffffff';
}

/** CIE L*a*b* under D65. */
export function toLab(rgb: Rgb): [number, number, number] {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** The CIELAB hue angle in degrees (-180 to 180] and the chroma of a colour. */
export function labHueChroma(rgb: Rgb): { hue: number; chroma: number } {
  const [, a, b] = toLab(rgb);
  return { hue: (Math.atan2(b, a) * 180) / Math.PI, chroma: Math.hypot(a, b) };
}

/** The smaller angle between two hues, 0 to 180 degrees. */
export function hueDistance(h1: number, h2: number): number {
  const d = Math.abs(h1 - h2) % 360;
  return d > 180 ? 360 - d : d;
}

/** CIE76 colour difference (Euclidean distance in L*a*b*). About 2.3 is just noticeable. */
export function deltaE(a: Rgb, b: Rgb): number {
  const [l1, a1, b1] = toLab(a);
  const [l2, a2, b2] = toLab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

// Machado et al. 2009, Table 1, severity 1.0 (linear RGB).
const CVD: Record<Exclude<Vision, 'normal'>, readonly number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

/** How a colour looks to someone with the given colour vision. */
export function simulate(rgb: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return rgb;
  const m = CVD[vision];
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  return [
    fromLinear(m[0]! * r + m[1]! * g + m[2]! * b),
    fromLinear(m[3]! * r + m[4]! * g + m[5]! * b),
    fromLinear(m[6]! * r + m[7]! * g + m[8]! * b),
  ];
}

export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

/** The smallest colour difference between any two colours of `hexes`, as seen with `vision`. */
export function minPairDistance(
  hexes: readonly string[],
  vision: Vision,
): { distance: number; pair: [string, string] } {
  let best = { distance: Number.POSITIVE_INFINITY, pair: ['', ''] as [string, string] };
  const seen = hexes.map((h) => simulate(parseHex(h), vision));
  for (let i = 0; i < seen.length; i++)
    for (let j = i + 1; j < seen.length; j++) {
      const d = deltaE(seen[i]!, seen[j]!);
      if (d < best.distance) best = { distance: d, pair: [hexes[i]!, hexes[j]!] };
    }
  return best;
}
