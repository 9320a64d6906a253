import { describe, expect, it } from 'vitest';
import type { StatisticsView } from '../../../shared/contract/statisticsSchemas';
import { csvField, statisticsCsv } from '../../../shared/domain/statisticsCsv';
import { STATISTICS_FIGURES } from '../../../shared/domain/statisticsFigures';
import { ltNumber, readExcelCsv } from '../../helpers/excelCsv';

/** Issue 17: the statistics as CSV for a Lithuanian Excel (UTF-8 with BOM, ";", decimal comma, CRLF). */

const VIEW: StatisticsView = {
  from: '2026-01-01',
  to: '2026-12-31',
  unreadable: 1,
  requests: 42,
  decisions: { '10.1': 12, '10.2': 5, '10.3': 7, '10.4': 3, unknown: 1 },
  director: { ordered: 9, declined: 1, submitted: 6, letters: 8 },
  department: { resolutions: 4, refusals: 1 },
  reopened: 1,
  arrived: 11,
  returned: 2,
  left: 6,
  withdrawn: 3,
  ineligible: 2,
  decisionDays: { count: 28, median: 24.5, q1: 19.3, q3: 31, min: 12, max: 70 },
  p7: { kept: 30, late: 3, overdue: 2 },
  p9: { kept: 25, late: 3, unknown: 0 },
  waitingDays: { count: 0, median: null, q1: null, q3: null, min: null, max: null },
  occupancy: [
    { on: '2026-11-30', capacity: 20, occupied: 15, held: 2, queue: 6 },
    { on: '2026-12-31', capacity: 20, occupied: 16, held: 1, queue: 4 },
  ],
};

describe('the statistics CSV (issue 17)', () => {
  const csv = statisticsCsv(VIEW, 'lt');

  it('starts with the UTF-8 byte-order mark and ends every line with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('parses back, with ";" and the decimal comma, to the same numbers as the statistics', () => {
    const rows = readExcelCsv(csv);
    expect(rows[0]).toEqual(['Laikotarpis', '2026-01-01', '2026-12-31']);
    const byCode = new Map(rows.slice(2).map((r) => [r[0], r]));
    for (const f of STATISTICS_FIGURES) {
      const row = byCode.get(f.id);
      expect(row, f.id).toBeDefined();
      expect(ltNumber(row![4]!), f.id).toBe(f.value(VIEW));
    }
    // Decimals are written with a comma (24,5), shares in per cent (30 of 33 in time: 90,9).
    expect(byCode.get('decisionDays.median')![4]).toBe('24,5');
    expect(byCode.get('p7.share')![4]).toBe('90,9');
    // No median where no case was counted: an empty cell, not 0.
    expect(byCode.get('waitingDays.median')![4]).toBe('');
    // The V-77 point is text Excel never takes for a date: "10.1 p.".
    expect(byCode.get('decisions.10.1')![2]).toBe('10.1 p.');
  });

  it('ends with the places and the list day by day', () => {
    const rows = readExcelCsv(csv);
    const header = rows.findIndex((r) => r[0] === 'Data');
    expect(rows[header]).toEqual(['Data', 'Vietų', 'Užimta', 'Rezervuota', 'Sąraše']);
    expect(rows.slice(header + 1)).toEqual([
      ['2026-11-30', '20', '15', '2', '6'],
      ['2026-12-31', '20', '16', '1', '4'],
    ]);
  });

  it('is in English when the app is', () => {
    expect(readExcelCsv(statisticsCsv(VIEW, 'en'))[1]).toEqual(['Code', 'Section', 'V-77 point', 'Figure', 'Value']);
  });

  it('quotes a field holding the separator, a quote or a line break, doubling its quotes', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(readExcelCsv(`\uFEFF${['a;b', 'say "yes"', 'two\r\nlines'].map(csvField).join(';')}\r\n`)).toEqual([['a;b', 'say "yes"', 'two\r\nlines']]);
  });
});
