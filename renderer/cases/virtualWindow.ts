/**
 * Which rows of a long list to render: those in the scroll viewport plus `overscan` on each side.
 * Rows have a fixed height, so the rows outside the window are replaced by two spacers of the
 * heights they would take, and the scroll bar stays true to the whole list.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  overscan: number;
}

export interface RowWindow {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Height of the spacer above the first rendered row. */
  padTop: number;
  /** Height of the spacer below the last rendered row. */
  padBottom: number;
}

export function rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: WindowInput): RowWindow {
  const clamp = (n: number) => Math.min(Math.max(n, 0), rowCount);
  const visibleCount = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  // A list that just got shorter may still report the old scroll position: show its last rows.
  const firstVisible = Math.min(Math.floor(Math.max(scrollTop, 0) / rowHeight), Math.max(rowCount - visibleCount, 0));
  const start = clamp(firstVisible - overscan);
  const end = Math.max(start, clamp(firstVisible + visibleCount + overscan));
  return { start, end, padTop: start * rowHeight, padBottom: (rowCount - end) * rowHeight };
}
