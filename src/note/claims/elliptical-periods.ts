/**
 * Periods whose unit is left out because the sentence (or the paragraph) already gave it: "up 9.6% over
 * the past six months and 6.98% over three" (three months), "+40% over 6" after a figure over months.
 * The unit comes from the last period of months or years named before; with none, nothing is read.
 */
import type { ReturnPeriod } from '../../domain/period-keys.js';
import { count } from './clause-words.js';
import type { PeriodMatch } from './period-phrases.js';

const BARE_COUNT =
  /\b(?:over|in|across|during)\s+(?:the\s+(?:past|last|prior)\s+)?(one|two|three|five|six|ten|twelve|\d{1,2})\b(?!\s*(?:[-\w%$.,]\w|%|percent|[a-z]))/gi;

const MONTHS: Record<number, ReturnPeriod> = { 1: '1m', 3: '3m', 6: '6m', 12: '1y' };
const YEARS: Record<number, ReturnPeriod> = { 1: '1y', 3: '3y', 5: '5y', 10: '10y' };
const MONTH_KEYS = new Set<ReturnPeriod>(['1m', '3m', '6m']);
const YEAR_KEYS = new Set<ReturnPeriod>(['1y', '3y', '5y', '10y']);

function unitOf(text: string): 'months' | 'years' | null {
  if (/\bmonths?\b|\b\d+M\b/i.test(text)) return 'months';
  if (/\byears?\b|\b\d+Y\b/i.test(text)) return 'years';
  return null;
}

/**
 * The elliptical periods of `sentence`, given its other period phrases and the period of the last claim
 * before it (`previous`: a month or year period gives the unit when the sentence names none).
 */
export function ellipticalPeriods(
  sentence: string,
  periods: readonly PeriodMatch[],
  previous: ReturnPeriod | null,
): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  BARE_COUNT.lastIndex = 0;
  for (let m = BARE_COUNT.exec(sentence); m !== null; m = BARE_COUNT.exec(sentence)) {
    const at = m.index;
    if (periods.some((p) => at < p.end && at + m![0].length > p.start)) continue;
    const n = count(m[1]);
    if (n === null) continue;
    const earlier = periods.filter((p) => p.end <= at && p.period !== 'same').pop();
    const unit = earlier
      ? unitOf(sentence.slice(earlier.start, earlier.end))
      : previous && MONTH_KEYS.has(previous)
        ? 'months'
        : previous && YEAR_KEYS.has(previous)
          ? 'years'
          : null;
    if (unit === null) continue;
    out.push({ period: (unit === 'months' ? MONTHS[n] : YEARS[n]) ?? 'other', start: at, end: at + m[0].length });
  }
  return out;
}
