/**
 * The one-pass scanners must say exactly what detectSeriesEvents says at every bar (its conventions
 * come from the perf functions), on random walks with ties and flat stretches (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_PARAMS } from '../events/market-event.js';
import { detectSeriesEvents } from '../events/series-events.js';
import { weekdays } from '../events/weekday-dates.fixture.js';
import { type EventKey, episodes, eventFires, eventKeyLabel } from './event-occurrences.js';

const KEYS: EventKey[] = [
  { type: 'new_ath' },
  { type: 'near_ath' },
  { type: 'new_52w_high' },
  { type: 'new_52w_low' },
  { type: 'highest_since' },
  { type: 'lowest_since' },
  { type: 'streak', variant: 'up' },
  { type: 'streak', variant: 'down' },
  { type: 'streak_end', variant: 'up' },
  { type: 'streak_end', variant: 'down' },
  { type: 'ma_cross', variant: 'golden' },
  { type: 'ma_cross', variant: 'death' },
];

function matches(key: EventKey, e: ReturnType<typeof detectSeriesEvents>[number]): boolean {
  if (e.type !== key.type) return false;
  if (e.type === 'streak' || e.type === 'streak_end') return e.direction === key.variant;
  if (e.type === 'ma_cross') return e.cross === key.variant;
  return true;
}

describe('eventFires agrees with detectSeriesEvents bar for bar', () => {
  it('on random walks (steps of -2..2 ticks, so ties and flat runs happen)', () => {
    const params = { ...DEFAULT_EVENT_PARAMS, fastPeriod: 5, slowPeriod: 20 };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 280, maxLength: 420 }), (steps) => {
        const values = new Float64Array(steps.length);
        let level = 200;
        steps.forEach((s, i) => {
          level += s;
          values[i] = level;
        });
        const dates = weekdays(values.length);
        const perBar = Array.from(values, (_, i) => detectSeriesEvents('X', dates, values, i, params));
        for (const key of KEYS) {
          const fires = eventFires(dates, values, key, params);
          const expected = perBar.map((evs) => (evs.some((e) => matches(key, e)) ? 1 : 0));
          expect(Array.from(fires), eventKeyLabel(key)).toEqual(expected);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('episodes', () => {
  it('counts a firing only cooldown bars or more after the last counted one', () => {
    const fires = Uint8Array.from([1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1]);
    // cooldown 3: 0 counted; 1 (1 bar later) no; 3 (3 later) yes; 6 yes; 7 no; 11 yes.
    expect(Array.from(episodes(fires, 3))).toEqual([0, 3, 6, 11]);
    expect(Array.from(episodes(fires, 1))).toEqual([0, 1, 3, 6, 7, 11]);
  });
});
