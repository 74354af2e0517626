/**
 * Calendar windows for leadership ranks: `1w`..`52w`, `1m`..`24m`, `1y`..`5y` or `ytd`, ending on an
 * as-of day, and the window of the same kind just before it (to see whether leadership is shifting).
 * A window [from, to] means the return from the last close on or before `from` to the last close on
 * or before `to` (returns/period-returns.ts `windowReturn`), so `ytd` starts at the previous year end
 * and `3m` at the same calendar date three months earlier.
 */
import { UsageError } from '../../domain/errors.js';
import {
  civilFromDays,
  type DayNumber,
  daysFromCivil,
  previousYearEnd,
  sameDateMonthsEarlier,
} from '../../domain/trading-date.js';

export interface ReturnWindow {
  readonly label: string;
  readonly from: DayNumber;
  readonly to: DayNumber;
}

const PATTERN = /^(\d{1,2})([wmy])$/;

/** Checks a window label; throws a UsageError naming `parameter` when it is not one. */
export function checkWindowLabel(label: string, parameter = '--window'): string {
  const l = label.trim().toLowerCase();
  if (l === 'ytd') return l;
  const m = PATTERN.exec(l);
  const n = m ? Number(m[1]) : 0;
  const max = m?.[2] === 'w' ? 260 : m?.[2] === 'm' ? 120 : 10;
  if (!m || n < 1 || n > max)
    throw new UsageError(
      `${parameter}: '${label}' is not a window (expected ytd, or a count with w, m or y: 4w, 3m, 6m, 1y)`,
      { parameter },
    );
  return l;
}

/** The window `label` ending on `to`. */
export function windowEnding(label: string, to: DayNumber): ReturnWindow {
  const l = checkWindowLabel(label);
  if (l === 'ytd') return { label: l, from: previousYearEnd(to), to };
  const m = PATTERN.exec(l)!;
  const n = Number(m[1]);
  const from = m[2] === 'w' ? to - 7 * n : sameDateMonthsEarlier(to, m[2] === 'm' ? n : 12 * n);
  return { label: l, from, to };
}

/**
 * The window of the same kind immediately before `w`: it ends where `w` starts. For `ytd` it is the
 * whole previous calendar year.
 */
export function previousWindow(w: ReturnWindow): ReturnWindow {
  if (w.label === 'ytd') {
    const [y] = civilFromDays(w.from);
    return { label: 'prior year', from: daysFromCivil(y - 1, 12, 31), to: w.from };
  }
  const prev = windowEnding(w.label, w.from);
  return { label: `prior ${w.label}`, from: prev.from, to: prev.to };
}
