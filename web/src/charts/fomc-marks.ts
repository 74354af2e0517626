/** FOMC decision days as chart markers (src/config/fomc-meetings.ts), for the symbol and rate charts. */
import { FOMC_MEETINGS, type FomcMeeting } from '../../../src/config/fomc-meetings.js';

/** A lightweight-charts series marker (structurally: the library's SeriesMarker with a date time). */
export interface FomcMark {
  time: string;
  position: 'belowBar';
  shape: 'square';
  size: number;
  color: string;
  text: string;
}

/**
 * Markers for the FOMC decision days inside the chart's dates (on the bar of the day, or the next
 * bar when the market was shut): a small square under the bar, labelled with the move in bp for a
 * cut or a hike ("FOMC -25", in bp), unlabelled for a hold. Neither the up nor the down colour: those mean
 * the price's moves.
 */
export function fomcMarkers(
  dates: readonly string[],
  colours: { readonly text: string; readonly muted: string },
  meetings: readonly FomcMeeting[] = FOMC_MEETINGS,
): FomcMark[] {
  const out: FomcMark[] = [];
  if (!dates.length) return out;
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  let k = 0;
  for (const m of meetings) {
    if (m.decisionBp === null || m.date < first || m.date > last) continue;
    while (k < dates.length && dates[k]! < m.date) k++;
    const day = dates[k];
    if (day === undefined) break;
    const move = m.decisionBp !== 0;
    out.push({
      time: day,
      position: 'belowBar',
      shape: 'square',
      size: move ? 0.9 : 0.5,
      color: move ? colours.text : colours.muted,
      text: move ? `FOMC ${m.decisionBp > 0 ? '+' : ''}${m.decisionBp}` : '',
    });
  }
  return out;
}
