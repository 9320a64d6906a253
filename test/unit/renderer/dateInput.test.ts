import { describe, expect, it } from 'vitest';
import { dateFieldValue, isoToLocalDate, localDateToIso, parseDateInput } from '../../../renderer/forms/dateInput';
import { formatDate, formatMoment } from '../../../renderer/i18n/dates';

describe('typing a date (issue 17)', () => {
  it('reads 2026-12-04, 2026.12.04 and 2026 12 04 as the same ISO date', () => {
    for (const typed of ['2026-12-04', '2026.12.04', '2026 12 04']) expect(parseDateInput(typed), typed).toBe('2026-12-04');
  });

  it('accepts a closing dot, single-digit month and day, and spaces around the text', () => {
    expect(parseDateInput('2026.12.04.')).toBe('2026-12-04');
    expect(parseDateInput('2026.2.3')).toBe('2026-02-03');
    expect(parseDateInput('2026-2-3')).toBe('2026-02-03');
    expect(parseDateInput('  2026 12 4 ')).toBe('2026-12-04');
  });

  it('refuses impossible days and other forms', () => {
    expect(parseDateInput('2026-02-30')).toBeNull();
    expect(parseDateInput('2026-13-01')).toBeNull();
    expect(parseDateInput('2025.02.29')).toBeNull();
    expect(parseDateInput('2024.02.29')).toBe('2024-02-29');
    expect(parseDateInput('04.12.2026')).toBeNull();
    expect(parseDateInput('2026-12')).toBeNull();
    expect(parseDateInput('2026-12-04 10:00')).toBeNull();
    expect(parseDateInput('')).toBeNull();
  });

  it('hands the form the ISO date, or the text as typed when it names no date (so the form can say why)', () => {
    expect(dateFieldValue('2026.12.04')).toBe('2026-12-04');
    expect(dateFieldValue('2026.12.')).toBe('2026.12.');
  });

  it("converts between ISO and the calendar's local days without shifting a day", () => {
    const day = isoToLocalDate('2026-03-29'); // the night the clocks go forward in Lithuania
    expect(day?.getDate()).toBe(29);
    expect(localDateToIso(day!)).toBe('2026-03-29');
    expect(localDateToIso(new Date(2026, 11, 4, 23, 59))).toBe('2026-12-04');
    expect(isoToLocalDate('2026-02-30')).toBeUndefined();
  });
});

describe('writing dates one way per language (issue 17)', () => {
  it('writes days and moments alike: the Lithuanian long date, or ISO in English', () => {
    expect(formatDate('2026-11-22', 'lt')).toBe('2026 m. lapkričio 22 d.');
    expect(formatDate('2026-11-22', 'en')).toBe('2026-11-22');
    const at = new Date(2026, 10, 22, 9, 5).toISOString();
    expect(formatMoment(at, 'lt')).toBe('2026 m. lapkričio 22 d. 09:05');
    expect(formatMoment(at, 'en')).toBe('2026-11-22 09:05');
  });
});
