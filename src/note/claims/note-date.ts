/**
 * The date a note states for itself, so a column is checked as of the close it was written about
 * rather than today: "As of the close of December 11, 2025", a wire dateline ("NEW YORK, Dec 11
 * (Wire) -"), or a date in the title or the first lines ("The Morning Brief - Friday, December 12,
 * 2025", "2025-12-11"). A dateline without a year takes the year of another full date in the note,
 * else the latest year that does not put it after `latest` (the last stored close).
 */
import { civilFromDays, type DayNumber, daysFromCivil, daysInMonth, formatIsoDate } from '../../domain/trading-date.js';
import { MONTH_WORD, monthIndex } from './clause-words.js';

export interface NoteDate {
  readonly day: DayNumber;
  /** Why this date: "the note says 'As of the close of December 11, 2025' (line 3)". */
  readonly why: string;
}

const MONTH_DAY = `${MONTH_WORD}\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`;
const DAY_MONTH = `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD}(?:,?\\s+(\\d{4}))?`;
const ISO = '(\\d{4})-(\\d{2})-(\\d{2})';
const DATE = `(?:${MONTH_DAY}|${DAY_MONTH}|${ISO})`;

const AS_OF = new RegExp(
  `\\bas\\s+of\\s+(?:the\\s+)?(?:(?:market\\s+)?close\\s+(?:of|on)\\s+|end\\s+of\\s+(?:trading|the\\s+session)\\s+(?:on\\s+)?)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?${DATE}`,
  'i',
);
const DATELINE = new RegExp(`^\\s*(?:[A-Z][A-Z.'\\- ]{1,30}),\\s+${MONTH_DAY}\\s*(?:\\(|[-–—])`);
const TITLE_DATE = new RegExp(
  `(?:^|[\\s(—–-])(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?${DATE}`,
  'i',
);

interface Parsed {
  readonly y: number | null;
  readonly m: number;
  readonly d: number;
}

/** The date in a match of DATE, whose groups start at `g`. */
function parsed(m: RegExpExecArray, g: number): Parsed | null {
  if (m[g]) return { m: monthIndex(m[g]!), d: Number(m[g + 1]), y: m[g + 2] ? Number(m[g + 2]) : null };
  if (m[g + 3]) return { d: Number(m[g + 3]), m: monthIndex(m[g + 4]!), y: m[g + 5] ? Number(m[g + 5]) : null };
  if (m[g + 6]) return { y: Number(m[g + 6]), m: Number(m[g + 7]), d: Number(m[g + 8]) };
  return null;
}

function valid(p: Parsed, y: number): boolean {
  return p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= daysInMonth(y, p.m) && y >= 1900 && y <= 2200;
}

/** The note's own date, or null when it states none. */
export function noteDate(text: string, latest: DayNumber | null): NoteDate | null {
  const lines = text.split(/\r\n|\r|\n/);
  // A year stated anywhere in a full date fills a dateline's missing year.
  const anyYear = new RegExp(`${MONTH_DAY}`, 'gi');
  let statedYear: number | null = null;
  for (let m = anyYear.exec(text); m !== null && statedYear === null; m = anyYear.exec(text))
    if (m[3]) statedYear = Number(m[3]);
  const resolve = (p: Parsed): DayNumber | null => {
    let y = p.y ?? statedYear;
    if (y === null) {
      if (latest === null) return null;
      const [ly] = civilFromDays(latest);
      y = ly;
      if (valid(p, y) && daysFromCivil(y, p.m, p.d) > latest) y -= 1;
    }
    return valid(p, y) ? daysFromCivil(y, p.m, p.d) : null;
  };
  const quote = (raw: string) => {
    const s = raw.replace(/[\s(–—-]+$/, '');
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  };
  const found = (re: RegExp, g: number, where: (line: number, said: string) => string, maxLines = lines.length) => {
    for (let i = 0; i < Math.min(lines.length, maxLines); i++) {
      const m = re.exec(lines[i]!);
      if (!m) continue;
      const p = parsed(m, g);
      const day = p ? resolve(p) : null;
      if (day !== null) return { day, why: where(i + 1, quote(m[0].trim())) };
    }
    return null;
  };
  return (
    found(AS_OF, 1, (l, s) => `the note says '${s}' (line ${l})`) ??
    found(DATELINE, 1, (l, s) => `the dateline reads '${s}' (line ${l})`) ??
    found(TITLE_DATE, 1, (l, s) => `the note is dated '${s}' (line ${l})`, 6) ??
    null
  );
}

export { formatIsoDate };
