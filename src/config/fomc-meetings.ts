/**
 * FOMC decision days (the last day of each meeting, when the statement is released) and the change
 * in the federal funds target in basis points: every change since the 2015 lift-off, every meeting
 * from 2024 on (0 = hold), and the scheduled meetings of 2026 and 2027 (null = not yet known).
 * Changes are the Fed's announced moves; each one is visible in the effective rate (FRED DFF) on the
 * next day, which fomc-meetings.test.ts checks on the real DFF file. 2026 decisions to July are holds
 * (DFF unchanged through 2026-08-07). The 2027 dates are the Fed's tentative calendar: check
 * federalreserve.gov/monetarypolicy/fomccalendars.htm before relying on them.
 */

export interface FomcMeeting {
  /** YYYY-MM-DD, the decision day. */
  readonly date: string;
  /** Change in the target range, basis points; 0 a hold; null not yet decided. */
  readonly decisionBp: number | null;
  /** True for the unscheduled (emergency) moves of March 2020. */
  readonly unscheduled?: boolean;
}

const m = (date: string, decisionBp: number | null, unscheduled = false): FomcMeeting =>
  unscheduled ? { date, decisionBp, unscheduled } : { date, decisionBp };

export const FOMC_MEETINGS: readonly FomcMeeting[] = [
  m('2015-12-16', 25),
  m('2016-12-14', 25),
  m('2017-03-15', 25),
  m('2017-06-14', 25),
  m('2017-12-13', 25),
  m('2018-03-21', 25),
  m('2018-06-13', 25),
  m('2018-09-26', 25),
  m('2018-12-19', 25),
  m('2019-07-31', -25),
  m('2019-09-18', -25),
  m('2019-10-30', -25),
  m('2020-03-03', -50, true),
  m('2020-03-15', -100, true),
  m('2022-03-16', 25),
  m('2022-05-04', 50),
  m('2022-06-15', 75),
  m('2022-07-27', 75),
  m('2022-09-21', 75),
  m('2022-11-02', 75),
  m('2022-12-14', 50),
  m('2023-02-01', 25),
  m('2023-03-22', 25),
  m('2023-05-03', 25),
  m('2023-07-26', 25),
  m('2024-01-31', 0),
  m('2024-03-20', 0),
  m('2024-05-01', 0),
  m('2024-06-12', 0),
  m('2024-07-31', 0),
  m('2024-09-18', -50),
  m('2024-11-07', -25),
  m('2024-12-18', -25),
  m('2025-01-29', 0),
  m('2025-03-19', 0),
  m('2025-05-07', 0),
  m('2025-06-18', 0),
  m('2025-07-30', 0),
  m('2025-09-17', -25),
  m('2025-10-29', -25),
  m('2025-12-10', -25),
  m('2026-01-28', 0),
  m('2026-03-18', 0),
  m('2026-04-29', 0),
  m('2026-06-17', 0),
  m('2026-07-29', 0),
  m('2026-09-16', null),
  m('2026-10-28', null),
  m('2026-12-09', null),
  m('2027-01-27', null),
  m('2027-03-17', null),
  m('2027-04-28', null),
  m('2027-06-09', null),
  m('2027-07-28', null),
  m('2027-09-22', null),
  m('2027-10-27', null),
  m('2027-12-08', null),
];

/** The meetings that cut the target, oldest first. */
export function fomcCuts(meetings: readonly FomcMeeting[] = FOMC_MEETINGS): FomcMeeting[] {
  return meetings.filter((x) => x.decisionBp !== null && x.decisionBp < 0);
}
