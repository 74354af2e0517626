/** Synthetic trading calendars for tests and benchmarks: consecutive weekdays, no holidays. */
import { type DayNumber, parseIsoDate, weekday } from '../../src/domain/trading-date.js';

/** `n` consecutive weekdays (Monday to Friday) as day numbers, from `fromIso` (or the next weekday after it). */
export function weekdays(n: number, fromIso: string): Int32Array {
  const out = new Int32Array(n);
  let day: DayNumber = parseIsoDate(fromIso);
  for (let i = 0; i < n; i++) {
    while (weekday(day) === 0 || weekday(day) === 6) day++;
    out[i] = day++;
  }
  return out;
}
