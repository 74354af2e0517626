/**
 * The room to leave before a chart's first bar. A marker's text is centred on its bar, so only a text near
 * the left edge needs room there: the widest text anywhere on the chart set it before, and the Symbol page's
 * 1Y chart of IWM opened with 70 px of empty plot on its left for "new ATH · 4 days up", drawn on the last bar
 * (a quarter of the plot on a phone).
 */

/** A marker's text: the index of its bar (0 = the first bar) and the text's width in pixels. */
export interface EdgeText {
  readonly index: number;
  readonly width: number;
}

/**
 * The pixels to leave before bar 0 so that no text is cut at the plot's left edge, with bars `barPx` apart:
 * a text `width` px wide on bar i reaches `width / 2 + 4 - i * barPx` px left of bar 0 (4 px to spare);
 * never less than `min` (room for the first date label).
 */
export function leftRoom(texts: readonly EdgeText[], barPx: number, min = 28): number {
  let room = min;
  for (const t of texts) room = Math.max(room, t.width / 2 + 4 - t.index * Math.max(0, barPx));
  return room;
}

/**
 * The pixels to leave after the last bar when each line's axis tag carries its name: the library draws a
 * series' title in a box left of its value on the axis, over the plot's right edge, so the lines must end
 * before the widest of those boxes (the text's width, 5 px of padding each side, 4 px to spare); never less
 * than `min`. On a phone Compare's tags showed values only, the lines told apart by colour alone.
 * @example rightRoomForTitles([38, 45], 48) // 59
 */
export function rightRoomForTitles(titleWidths: readonly number[], min = 48): number {
  return Math.max(min, ...titleWidths.map((w) => Math.ceil(w) + 14));
}
