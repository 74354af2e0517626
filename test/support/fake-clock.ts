/** A Clock (src/providers/request-pacing.ts) for tests: time moves only by the sleeps asked of it, which it records. */
import type { Clock } from '../../src/providers/request-pacing.js';

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(
    /** Milliseconds since the epoch. */
    public t = 0,
    private readonly draw = 0.5,
  ) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
  }
  random(): number {
    return this.draw;
  }
}
