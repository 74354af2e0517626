/**
 * FOMC decision days (the last day of each meeting, when the statement is released) and the change
 * in the federal funds target in basis points: every change since the 2015 lift-off, every meeting
 * from 2024 on (0 = hold), and the scheduled meetings of 2026 and 2027 (null = not yet known).
 * Changes are the Fed's announced moves; each one is visible in the effective rate (FRED DFF) on the
 * next day, which fomc-meetings.test.ts checks on the real DFF file. 2026 decisions to July are holds
 * (DFF unchanged through 2026-08-07). The 2027 dates are the Fed's tentative calendar: check
 * federalreserve.gov/monetarypolicy/fomccalendars.htm before relying on them.
 */
import fomcMeetingsJson from './fomc-meetings.json' with { type: 'json' };

export interface FomcMeeting {
  /** YYYY-MM-DD, the decision day. */
  readonly date: string;
  /** Change in the target range, basis points; 0 a hold; null not yet decided. */
  readonly decisionBp: number | null;
  /** True for the unscheduled (emergency) moves of March 2020. */
  readonly unscheduled?: boolean;
}

/** The table itself is data (fomc-meetings.json): one object per decision day, oldest first. */
export const FOMC_MEETINGS: readonly FomcMeeting[] = fomcMeetingsJson;

/** The meetings that cut the target, oldest first. */
export function fomcCuts(meetings: readonly FomcMeeting[] = FOMC_MEETINGS): FomcMeeting[] {
  return meetings.filter((x) => x.decisionBp !== null && x.decisionBp < 0);
}
