/**
 * The registered claim types, in the order their claims are listed for a sentence when two start at
 * the same place. A new kind of claim is one file implementing `ClaimType` plus one line here, or a
 * `registerClaimType(...)` call at start-up (the analytics issue adds rates, breadth and seasonality).
 */
import { athClaimType } from './ath-claim-type.js';
import { breadthClaimType } from './breadth-claim-type.js';
import type { AnyClaimType } from './claim-type.js';
import { curveClaimType } from './curve-claim-type.js';
import { levelClaimType } from './level-claim-type.js';
import { rateBetaClaimType, rateChangeClaimType, rateLevelClaimType, rateYtdClaimType } from './rate-claim-types.js';
import { curveMoveClaimType, rateMoveClaimType } from './rate-move-claim-types.js';
import { returnClaimType } from './return-claim-type.js';
import { seasonalityClaimType } from './seasonality-claim-type.js';
import { sinceClaimType } from './since-claim-type.js';
import { spreadClaimType } from './spread-claim-type.js';
import { streakClaimType } from './streak-claim-type.js';
import { trendClaimType } from './trend-claim-type.js';

const registered: AnyClaimType[] = [
  trendClaimType,
  athClaimType,
  sinceClaimType,
  streakClaimType,
  spreadClaimType,
  levelClaimType,
  returnClaimType,
  rateLevelClaimType,
  rateChangeClaimType,
  rateYtdClaimType,
  rateBetaClaimType,
  curveClaimType,
  rateMoveClaimType,
  curveMoveClaimType,
  seasonalityClaimType,
  breadthClaimType,
];

/** Every registered claim type. */
export function claimTypes(): readonly AnyClaimType[] {
  return registered;
}

/** The type of a metric, or undefined for a metric nobody registered. */
export function claimTypeOf(metric: string): AnyClaimType | undefined {
  return registered.find((t) => t.metric === metric);
}

/** Adds a claim type (or replaces the one with the same metric). */
export function registerClaimType(type: AnyClaimType): void {
  const i = registered.findIndex((t) => t.metric === type.metric);
  if (i >= 0) registered[i] = type;
  else registered.push(type);
}
