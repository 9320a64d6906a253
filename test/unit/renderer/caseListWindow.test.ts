import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../renderer/cases/virtualWindow';

const base = { rowHeight: 40, viewportHeight: 400, overscan: 5 };

describe('the case list window with wrapped rows (issue 17)', () => {
  it('counts measured rows at their height: taller rows fill the viewport sooner', () => {
    // Rows 0–9 wrap onto two lines (62 px): 400 px show 7 of them (6 whole and one partly), plus one, plus 5 below.
    const heightOf = (i: number) => (i < 10 ? 62 : undefined);
    expect(rowWindow({ ...base, scrollTop: 0, rowCount: 1000, heightOf })).toEqual({ start: 0, end: 13, padTop: 0, padBottom: 10 * 62 + 990 * 40 - (10 * 62 + 3 * 40) });
  });

  it('keeps the spacers and rows adding up to the whole list, so the scroll bar stays true', () => {
    const heightOf = (i: number) => (i % 3 === 0 ? 62 : undefined);
    const total = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 62 : 40)).reduce((a, b) => a + b, 0);
    const w = rowWindow({ ...base, scrollTop: 50_000, rowCount: 3000, heightOf });
    let rendered = 0;
    for (let i = w.start; i < w.end; i++) rendered += heightOf(i) ?? 40;
    expect(w.padTop + rendered + w.padBottom).toBe(total);
    // The row at the top of the viewport is rendered, and the viewport is covered below it.
    let top = 0;
    let first = 0;
    while (top + (heightOf(first) ?? 40) <= 50_000) top += heightOf(first++) ?? 40;
    expect(w.start).toBeLessThanOrEqual(first);
    expect(w.padTop + rendered).toBeGreaterThanOrEqual(50_000 + 400);
  });

  it('shows the last rows when the list shrank under an old scroll position, tall rows counted', () => {
    const w = rowWindow({ ...base, scrollTop: 100_000, rowCount: 20, heightOf: () => 100 });
    expect(w.end).toBe(20);
    // 400 px hold 4 rows of 100 px: the last 5 (with the partly visible one) are in view, 5 more above.
    expect(w.start).toBe(10);
  });
});
