import { describe, expect, it } from 'vitest';
import { BREAKOUT_STATES, breakoutPath } from './breakout-state.js';
import { DEFAULT_TREND_OPTIONS, trendOptions } from './trend-options.js';

const names = (codes: Uint8Array) => Array.from(codes, (c) => BREAKOUT_STATES[c]);

describe('breakoutPath', () => {
  it('walks below -> testing -> breaking -> confirmed -> failed -> breaking (by hand, default thresholds)', () => {
    // biome-ignore format: reference values, several to a line as R prints them
    const beyond = Float64Array.of(
      -0.1, -0.031, -0.03, 0, 0.01, -0.01, 0.01, 0.015, 0.019, 0.02, -0.029, -0.031, -0.2, 0.001,
    );
    const p = breakoutPath(beyond, DEFAULT_TREND_OPTIONS);
    expect(names(p.states)).toEqual([
      'below', // -10%
      'below', // -3.1% is more than 3% under
      'testing', // exactly 3% under is within 3%
      'testing', // on the line is not above it
      'breaking', // first close above
      'breaking', // pullback within 3%: still breaking, the run of closes above resets
      'breaking', // run 1
      'breaking', // run 2
      'breaking', // run 3 but 1.9% < 2%
      'confirmed', // run 4 and 2%
      'confirmed', // 2.9% back under: not a failure
      'failed', // 3.1% under
      'failed',
      'breaking', // a new attempt
    ]);
    expect(Array.from(p.since)).toEqual([0, 0, 2, 2, 4, 4, 4, 4, 4, 9, 9, 11, 11, 13]);
  });

  it('honours configured thresholds', () => {
    const o = trendOptions({ confirmWeeks: 1, confirmPct: 0.01, testingPct: 0.05 });
    expect(names(breakoutPath(Float64Array.of(-0.04, 0.015), o).states)).toEqual(['testing', 'confirmed']);
  });

  it('rejects nonsensical options', () => {
    expect(() => trendOptions({ minYears: 8 })).toThrow(/minYears/);
    expect(() => trendOptions({ testingPct: -0.1 })).toThrow(/testingPct/);
    expect(() => trendOptions({ confirmWeeks: 0 })).toThrow(/confirmWeeks/);
  });
});
