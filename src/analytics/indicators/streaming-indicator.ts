/**
 * The streaming contract every indicator offers beside its batch function: feed values one at a
 * time (a live quote feed, a replay) and read the current value. `getResult()` is null exactly
 * where the batch function has NaN at the same row (warm-up, and TTR's NaN such as RSI's 0/0);
 * one shared contract test (`streaming-contract.test.ts`) checks that both forms agree.
 */

export interface StreamingIndicator<In, Out> {
  /** Feeds the next row and returns the value now current (null during warm-up). */
  add(input: In): Out | null;
  /** The value after the last row fed, or null during warm-up. */
  getResult(): Out | null;
  /** True once the warm-up is over (a value has been computed, even an undefined one like 0/0). */
  readonly isStable: boolean;
  /** Rows with a value needed before the first result (after any leading gaps). */
  readonly requiredInputs: number;
}
