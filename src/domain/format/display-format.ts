/**
 * How numbers, percentages and dates read: the CLI tables, the market note and the dashboard all print
 * through this one pure module (no Node, no DOM), so one fraction reads the same everywhere.
 *
 * Conventions: returns are fractions (0.368 prints "36.80%"); unknown (null, undefined, NaN, ±Infinity)
 * prints "n/a"; a value that rounds to zero prints without a minus sign ("0.00%", never "-0.00%");
 * numbers use the en-US grouping and decimal point whatever the machine's locale.
 */
import { civilFromDays, type DayNumber } from '../trading-date.js';

/** What an unknown value prints as. */
export const NOT_AVAILABLE = 'n/a';

type MaybeNumber = number | null | undefined;

function known(value: MaybeNumber): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/**
 * `value.toFixed(digits)` without the negative zero a tiny negative rounds to.
 * @example fixed(-0.0004, 2) // "0.00"; fixed(-1.005, 1) // "-1.0"
 */
export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * A fraction as a percent: 0.368 -> "36.80%", -0.00001 -> "0.00%", null -> "n/a".
 * @example formatPercent(-0.0512) // "-5.12%"
 */
export function formatPercent(fraction: MaybeNumber, digits = 2): string {
  return known(fraction) ? `${fixed(fraction * 100, digits)}%` : NOT_AVAILABLE;
}

/** Like formatPercent with a "+" on a rise: 0.05 -> "+5.00%", 0.00001 -> "0.00%" (no sign on a rounded zero). */
export function formatSignedPercent(fraction: MaybeNumber, digits = 2): string {
  const text = formatPercent(fraction, digits);
  return /^[1-9]|^0\.\d*[1-9]/.test(text) ? `+${text}` : text;
}

/** The size of a move without its sign, for prose that says the direction in words: -0.0123 -> "1.23%". */
export function formatUnsignedPercent(fraction: MaybeNumber, digits = 2): string {
  return known(fraction) ? formatPercent(Math.abs(fraction), digits) : NOT_AVAILABLE;
}

/**
 * A spread between two sides (a change of the ratio A/B, in percentage points of relative performance) the
 * one way the note and the dashboard say it: unsigned, with the side it favours ("3.7 pp in favour of MAG7"),
 * never "-3.7 pp in favour of ..." (the sign and the words said the direction twice).
 * @example spreadWords(-0.0372, 'SPSM', 'MAG7') // "3.7 pp in favour of MAG7"
 */
export function spreadWords(fraction: number, a: string | undefined, b: string | undefined, digits = 1): string {
  const size = `${fixed(Math.abs(fraction) * 100, digits)} pp`;
  if (/^0\.0*$/.test(fixed(Math.abs(fraction) * 100, digits))) return `${size}, neither side ahead`;
  const side = fraction > 0 ? a : b;
  return side ? `${size} in favour of ${side}` : `${fraction < 0 ? '-' : ''}${size}`;
}

/** A difference of two fractions in percentage points: 0.0312 -> "3.1 percentage points". */
export function formatPercentagePoints(fraction: number, digits = 1): string {
  return `${fixed(fraction * 100, digits)} percentage points`;
}

/**
 * The text toLocaleString('en-US') gives with exactly `digits` decimals, without Intl, whose first use
 * costs a command tens of milliseconds of start-up. Like ICU, it rounds the shortest decimal that
 * reads back as the double (String(x)), half away from zero: 1.005 -> "1.01" (toFixed says "1.00").
 * Exponent forms (below 1e-6, from 1e21) go to Intl.
 */
function groupedFixed(value: number, digits: number): string {
  const shortest = String(Math.abs(value));
  if (shortest.includes('e'))
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const dot = shortest.indexOf('.');
  const whole = dot < 0 ? shortest : shortest.slice(0, dot);
  const frac = dot < 0 ? '' : shortest.slice(dot + 1);
  let kept = whole + frac.slice(0, digits).padEnd(digits, '0');
  if (frac.length > digits && frac.charCodeAt(digits) >= 53) {
    // add one unit in the last kept place, carrying through nines
    const d = kept.split('');
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') d[i--] = '0';
    kept = i < 0 ? `1${d.join('')}` : `${d.slice(0, i).join('')}${Number(d[i]) + 1}${d.slice(i + 1).join('')}`;
  }
  const intPart = kept.slice(0, kept.length - digits).replace(/^0+(?=\d)/, '') || '0';
  let grouped = intPart;
  for (let i = intPart.length - 3; i > 0; i -= 3) grouped = `${grouped.slice(0, i)},${grouped.slice(i)}`;
  const text = digits > 0 ? `${grouped}.${kept.slice(kept.length - digits)}` : grouped;
  return value < 0 ? `-${text}` : text;
}

/** A number with en-US grouping and exactly `digits` decimals: 12345.6 -> "12,345.60", null -> "n/a". */
export function formatNumber(value: MaybeNumber, digits = 2): string {
  if (!known(value)) return NOT_AVAILABLE;
  const text = groupedFixed(value, digits);
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
}

/** A price: two decimals from 1 up (grouped), four below 1 so a penny stock keeps its precision. */
export function formatPrice(value: MaybeNumber): string {
  return known(value) ? formatNumber(value, Math.abs(value) >= 1 ? 2 : 4) : NOT_AVAILABLE;
}

const ORDINAL_RULES = new Intl.PluralRules('en-US', { type: 'ordinal' });
const ORDINAL_SUFFIX: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/**
 * An integer with its English ordinal suffix, by CLDR's ordinal plural rules (Intl.PluralRules).
 * @example formatOrdinalNumber(21) // "21st"; formatOrdinalNumber(112) // "112th"
 */
export function formatOrdinalNumber(n: number): string {
  return `${n}${ORDINAL_SUFFIX[ORDINAL_RULES.select(n)] ?? 'th'}`;
}

/** The English month names, January first (display text, and the words the claim checker reads). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The English words for the numbers zero to twenty, indexed by the number. */
export const NUMBER_WORDS: readonly string[] =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );

/** The English name of a month 1..12: "September", or "Sep" when `short`. */
export function monthName(month: number, short = false): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`monthName: month ${month} is not 1..12`);
  return short ? name.slice(0, 3) : name;
}

function monthDay(day: DayNumber, asOf: DayNumber | undefined, short: boolean): string {
  const [y, m, d] = civilFromDays(day);
  const sameYear = asOf === undefined || civilFromDays(asOf)[0] === y;
  return `${monthName(m, short)} ${d}${sameYear ? '' : `, ${y}`}`;
}

/** "September 12", with ", 2024" when the year is not the as-of day's. */
export function formatLongDate(day: DayNumber, asOf?: DayNumber): string {
  return monthDay(day, asOf, false);
}

/** "Sep 12", with ", 2024" when the year is not the as-of day's. */
export function formatShortDate(day: DayNumber, asOf?: DayNumber): string {
  return monthDay(day, asOf, true);
}
