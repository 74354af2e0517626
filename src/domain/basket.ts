/** A basket is a synthetic symbol made of members: equal weight rebalanced on a schedule, or fixed weights. */

export type RebalanceSchedule = 'monthly' | 'quarterly' | 'none';

export interface BasketDefinition {
  readonly ticker: string;
  readonly members: readonly string[];
  /** Fixed weights (same order as members, summing to 1), or null for equal weight. */
  readonly weights: readonly number[] | null;
  /** When weights are reset to target; 'none' means buy-and-hold from the start. */
  readonly rebalance: RebalanceSchedule;
  /** Index level on the first common date. */
  readonly baseValue: number;
}
