/**
 * Which rows of a long list to render: those in the scroll viewport plus `overscan` on each side.
 * The rows outside the window are replaced by two spacers of the heights they would take, and the
 * scroll bar stays true to the whole list. Rows are `rowHeight` tall until measured: a row whose
 * state or institution wraps onto more lines is taller (issue 17), and `heightOf` tells how tall.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  /** The height of a row not measured (of every row, without `heightOf`). */
  rowHeight: number;
  rowCount: number;
  overscan: number;
  /** The measured height of row `index`, when known. */
  heightOf?: ((index: number) => number | undefined) | undefined;
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

export function rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan, heightOf }: WindowInput): RowWindow {
  const height = (i: number) => heightOf?.(i) ?? rowHeight;
  const clamp = (n: number) => Math.min(Math.max(n, 0), rowCount);
  const viewport = Math.max(viewportHeight, 0);
  const top = Math.max(scrollTop, 0);

  // The tops of the rows: offsets[i] is where row i starts, offsets[rowCount] the whole list's height.
  const offsets = new Array<number>(rowCount + 1);
  offsets[0] = 0;
  for (let i = 0; i < rowCount; i++) offsets[i + 1] = offsets[i]! + height(i);

  /** How many rows from `from` (going by `step`) fill the viewport, plus one partly visible. */
  const rowsFilling = (from: number, step: 1 | -1) => {
    let filled = 0;
    let count = 0;
    for (let i = from; i >= 0 && i < rowCount && filled < viewport; i += step) {
      filled += height(i);
      count++;
    }
    return count + 1;
  };

  // The row at the top of the viewport; a list that just got shorter may still report the old
  // scroll position: show its last rows.
  let firstAtTop = 0;
  while (firstAtTop < rowCount && offsets[firstAtTop + 1]! <= top) firstAtTop++;
  const firstVisible = Math.min(firstAtTop, Math.max(rowCount - rowsFilling(rowCount - 1, -1), 0));
  const start = clamp(firstVisible - overscan);
  const end = Math.max(start, clamp(firstVisible + rowsFilling(firstVisible, 1) + overscan));
  return { start, end, padTop: offsets[start]!, padBottom: offsets[rowCount]! - offsets[end]! };
}
