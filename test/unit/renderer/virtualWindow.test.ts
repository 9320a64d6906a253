import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../renderer/cases/virtualWindow';

const base = { rowHeight: 40, viewportHeight: 400, overscan: 5 };

describe('the virtual window of the case list', () => {
  it('renders the rows in view plus the overscan below at the top of the list', () => {
    // 400 px show 10 rows, one more for a partly visible row, 5 more below.
    expect(rowWindow({ ...base, scrollTop: 0, rowCount: 10_000 })).toEqual({ start: 0, end: 16, padTop: 0, padBottom: (10_000 - 16) * 40 });
  });

  it('renders a window in the middle, with spacers standing in for the rest', () => {
    const w = rowWindow({ ...base, scrollTop: 40 * 5000 + 15, rowCount: 10_000 });
    expect(w).toEqual({ start: 4995, end: 5016, padTop: 4995 * 40, padBottom: (10_000 - 5016) * 40 });
    // The spacers and the rows add up to the whole list, so the scroll bar stays true.
    expect(w.padTop + (w.end - w.start) * 40 + w.padBottom).toBe(10_000 * 40);
  });

  it('stops at the end of the list', () => {
    const w = rowWindow({ ...base, scrollTop: 40 * 9990, rowCount: 10_000 });
    expect(w.end).toBe(10_000);
    expect(w.padBottom).toBe(0);
  });

  it('renders everything when the list is shorter than the viewport, and nothing for an empty list', () => {
    expect(rowWindow({ ...base, scrollTop: 0, rowCount: 3 })).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
    expect(rowWindow({ ...base, scrollTop: 0, rowCount: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('shows the last rows when the list shrank under an old scroll position', () => {
    // Scrolled to row 5000, then a search leaves 20 rows: show them, not an empty window.
    const w = rowWindow({ ...base, scrollTop: 40 * 5000, rowCount: 20 });
    expect(w.end).toBe(20);
    expect(w.start).toBeLessThanOrEqual(20 - 11);
  });

  it('ignores a negative scroll position (elastic scrolling)', () => {
    expect(rowWindow({ ...base, scrollTop: -30, rowCount: 100 }).start).toBe(0);
  });
});
