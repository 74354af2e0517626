/** Test dates: n consecutive weekdays (Monday to Friday, no holidays) from a start day (default Monday 2024-01-01). */
import { daysFromCivil, weekday } from '../../domain/trading-date.js';

export function weekdays(n: number, start: number = daysFromCivil(2024, 1, 1)): Int32Array {
  const out = new Int32Array(n);
  let d = start;
  for (let i = 0; i < n; i++) {
    while (weekday(d) === 0 || weekday(d) === 6) d++;
    out[i] = d++;
  }
  return out;
}
