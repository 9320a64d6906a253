/**
 * Issue 17: CSV read back as a Lithuanian Excel reads it: a byte-order mark first, ";" between
 * fields, quoted fields with their quotes doubled, lines ended by CRLF; numbers with a decimal comma.
 */
import { expect } from 'vitest';

/** The rows of `text`, which must begin with the UTF-8 byte-order mark. */
export function readExcelCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** A number written with the decimal comma and no grouping; an empty cell is none. */
export function ltNumber(cell: string): number | null {
  if (cell === '') return null;
  expect(cell).toMatch(/^-?\d+(,\d+)?$/);
  return Number(cell.replace(',', '.'));
}
