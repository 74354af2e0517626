/**
 * A table wider than its box (a phone, many columns): it scrolls sideways inside its own box (the page
 * never grows wider than the screen), its first column stays in view (CSS: sticky), and a cue above it
 * says how many columns lie past the right edge ("3 more columns →"), hidden once none do. A sideways
 * scroll comes to rest with a column boundary at the sticky column's edge (CSS scroll snapping), and the
 * first reveal of the sorted column does the same, so no button sits half under the sticky column
 * (Lighthouse's target-size audit failed the "Close" sort button partly covered by "Symbol" at 412 px).
 */
import { el } from './element-builder.js';

/**
 * How many of the columns (their right edges, in the table's own coordinates) end past the visible
 * right edge `viewRight`; a column within a pixel of it counts as shown.
 * @example columnsPastRight([80, 160, 240, 320], 200) // 2
 */
export function columnsPastRight(rights: readonly number[], viewRight: number): number {
  let n = 0;
  for (const r of rights) if (r > viewRight + 1) n++;
  return n;
}

/**
 * The cue for a scroller: "3 more columns →" while columns lie past the right edge ("← 1 · 3 more
 * columns →" with one under the sticky column too), "← 2 columns scrolled past" once at the right end
 * with some hidden to the left, null when everything fits.
 */
export function scrollCue(pastRight: number, pastLeft: number): string | null {
  if (pastRight > 0)
    return `${pastLeft > 0 ? `← ${pastLeft} · ` : ''}${pastRight} more column${pastRight === 1 ? '' : 's'} →`;
  if (pastLeft > 0) return `← ${pastLeft} column${pastLeft === 1 ? '' : 's'} scrolled past`;
  return null;
}

/**
 * The sideways scroll that brings a column fully into view with every column boundary lined up at the
 * sticky first column's right edge: the smallest scroll s = left[i] - stickyWidth (i past the sticky
 * column) for which the target's right edge fits in the view, so the column left of the visible ones is
 * wholly under the sticky column, never half. 0 when the target already fits unscrolled.
 * @example alignedScroll([0, 70, 140, 210, 290], 70, 300, 370) // 70: column 2 starts at the sticky edge
 */
export function alignedScroll(
  lefts: readonly number[],
  stickyWidth: number,
  viewWidth: number,
  targetRight: number,
): number {
  if (targetRight <= viewWidth) return 0;
  for (let i = 1; i < lefts.length; i++) {
    const s = (lefts[i] ?? 0) - stickyWidth;
    if (s > 0 && targetRight - s <= viewWidth) return s;
  }
  return Math.max(0, targetRight - viewWidth);
}

export interface ScrollTableOptions {
  /** The cell to bring into view once the table is shown (the sorted column's header). */
  readonly reveal?: () => HTMLElement | null;
}

/** The table in a labelled, keyboard-scrollable box with its sticky first column and the column cue. */
export function scrollTable(table: HTMLElement, label: string, options: ScrollTableOptions = {}): HTMLElement {
  const cue = el('p', { class: 'scroll-cue', 'aria-hidden': 'true', 'data-shown': 'false' });
  const scroller = el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label }, table);
  const wrap = el('div', { class: 'table-wrap' }, cue, scroller);
  const headCells = (): HTMLElement[] => {
    const row = table.querySelector('thead tr') ?? table.querySelector('tr');
    return row ? [...row.children].filter((c): c is HTMLElement => c instanceof HTMLElement) : [];
  };
  // Column edges in the table's own coordinates (offsetLeft is relative to the offset parent, which a
  // sticky cell changes).
  const edges = (cells: readonly HTMLElement[]) => {
    const origin = table.getBoundingClientRect().left;
    return cells.map((c) => {
      const r = c.getBoundingClientRect();
      return { left: r.left - origin, right: r.right - origin, width: r.width };
    });
  };
  const update = () => {
    if (scroller.clientWidth === 0) return;
    const cols = edges(headCells());
    const sticky = cols[0]?.width ?? 0;
    // CSS snaps the columns to the sticky column's edge (scroll-padding), so none rests half under it.
    scroller.style.setProperty('--sticky-w', `${Math.round(sticky)}px`);
    // A hidden column (the name on a phone) has no width and lies nowhere.
    const rest = cols.slice(1).filter((c) => c.width > 0);
    const pastRight = columnsPastRight(
      rest.map((c) => c.right),
      scroller.scrollLeft + scroller.clientWidth,
    );
    const pastLeft = rest.filter((c) => c.left < scroller.scrollLeft + sticky - 1).length;
    const text = scrollCue(pastRight, pastLeft);
    cue.dataset.shown = String(text !== null);
    // Kept when hidden (on a phone its line is reserved, so the table does not move when it shows).
    if (text !== null) cue.textContent = text;
    wrap.dataset.overflow = pastRight > 0 ? 'right' : pastLeft > 0 ? 'left' : 'none';
    wrap.dataset.scrolled = String(scroller.scrollLeft > 0);
  };
  let revealed = !options.reveal;
  const observer = new ResizeObserver(() => {
    if (scroller.clientWidth === 0) return;
    // First the sticky width (the snap padding), so the reveal's scroll rests where it is put.
    update();
    if (!revealed) {
      revealed = true;
      const target = options.reveal?.();
      const cols = edges(headCells());
      if (target && cols.length) {
        const s = alignedScroll(
          cols.map((c) => c.left),
          cols[0]?.width ?? 0,
          scroller.clientWidth,
          target.getBoundingClientRect().right - table.getBoundingClientRect().left,
        );
        if (s > 0) scroller.scrollLeft = s;
      }
    }
    update();
  });
  observer.observe(scroller);
  observer.observe(table);
  scroller.addEventListener('scroll', update, { passive: true });
  return wrap;
}
