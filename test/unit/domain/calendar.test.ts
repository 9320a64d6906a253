import { describe, it, expect } from 'vitest';
import {
  addCalendarMonths,
  addDays,
  addWorkingDays,
  compareIso,
  daysBetween,
  easterSunday,
  formatEnDate,
  formatLtDate,
  isIsoDate,
  isPublicHoliday,
  isWorkingDay,
  publicHolidays,
  todayIso,
  weekday,
  workingDaysBetween,
} from '../../../shared/domain/calendar';
import { DomainError } from '../../../shared/domain/errors';

// Weekdays used below, worked out from known anchors: 2026-01-01 is a Thursday, 2025-01-01 a
// Wednesday, 2020-01-01 a Wednesday, 2019-01-01 a Tuesday, 2018-01-01 a Monday, 2027-01-01 a Friday.
// Day-of-year offsets: cumulative month lengths 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
// (+1 from March in a leap year), then weekday = anchor + offset mod 7.

describe('ISO dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-11-22')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true); // 2024 is divisible by 4
    expect(isIsoDate('2000-02-29')).toBe(true); // divisible by 400: leap
    expect(isIsoDate('1900-02-29')).toBe(false); // divisible by 100, not 400: not leap
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('refuses arithmetic on an invalid date with a Lithuanian message', () => {
    const attempt = () => addDays('2026-02-30', 1);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/Neteisinga data „2026-02-30“/);
  });

  it('takes today from the local calendar of the machine', () => {
    // Local constructor and local getters: the same day whatever the machine's zone.
    expect(todayIso(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
    expect(todayIso(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
  });

  it('adds and counts calendar days across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    // 2026-03-29 is the EU spring-forward day: a UTC day count does not notice it.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2025-01-01')).toBe(-365);
  });

  it('compares dates', () => {
    expect(compareIso('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareIso('2026-01-02', '2026-01-01')).toBe(1);
    expect(compareIso('2026-05-05', '2026-05-05')).toBe(0);
    expect(compareIso('2025-12-31', '2026-01-01')).toBe(-1);
  });

  it('knows the weekday', () => {
    expect(weekday('2026-01-01')).toBe(4); // anchor: Thursday
    expect(weekday('2026-11-22')).toBe(0); // offset 325 = 46·7 + 3 → Thu + 3 = Sunday
    expect(weekday('2026-12-10')).toBe(4); // offset 343 = 49·7 → Thursday
    expect(weekday('2020-11-02')).toBe(1); // 2020 leap, offset 306 = 43·7 + 5 → Wed + 5 = Monday
  });
});

describe('Easter Sunday (Gregorian computus)', () => {
  // Hand check with the anonymous Gregorian algorithm, e.g. 2026: a = 2026 mod 19 = 12, b = 20,
  // c = 26, d = 5, e = 0, f = 1, g = 6, h = (228 + 20 − 5 − 6 + 15) mod 30 = 12, i = 6, k = 2,
  // l = (32 + 0 + 12 − 12 − 2) mod 7 = 2, m = (12 + 132 + 44) div 451 = 0,
  // month = (12 + 2 + 114) div 31 = 4, day = 128 mod 31 + 1 = 5 → 5 April 2026.
  it.each([
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
    [2000, '2000-04-23'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(weekday(date)).toBe(0);
  });
});

describe('public holidays (Labour Code art. 123)', () => {
  it('lists the holidays of 2026 in date order, with Lithuanian names', () => {
    // Easter 2026-04-05 (above); first Sunday of May: May 1 is a Friday (offset 120 = 17·7 + 1)
    // → May 3; first Sunday of June: June 1 is a Monday (offset 151 = 21·7 + 4) → June 7.
    expect(publicHolidays(2026).map((h) => [h.date, h.lt])).toEqual([
      ['2026-01-01', 'Naujųjų metų diena'],
      ['2026-02-16', 'Lietuvos valstybės atkūrimo diena'],
      ['2026-03-11', 'Lietuvos nepriklausomybės atkūrimo diena'],
      ['2026-04-05', 'Šv. Velykos'],
      ['2026-04-06', 'Antroji šv. Velykų diena'],
      ['2026-05-01', 'Tarptautinė darbo diena'],
      ['2026-05-03', 'Motinos diena'],
      ['2026-06-07', 'Tėvo diena'],
      ['2026-06-24', 'Rasos ir Joninių diena'],
      ['2026-07-06', 'Valstybės (Lietuvos karaliaus Mindaugo karūnavimo) diena'],
      ['2026-08-15', 'Žolinė (Švč. Mergelės Marijos ėmimo į dangų diena)'],
      ['2026-11-01', 'Visų šventųjų diena'],
      ['2026-11-02', 'Mirusiųjų atminimo (Vėlinių) diena'],
      ['2026-12-24', 'Kūčių diena'],
      ['2026-12-25', 'Kalėdos (pirmoji diena)'],
      ['2026-12-26', 'Kalėdos (antroji diena)'],
    ]);
    expect(publicHolidays(2026).every((h) => h.en.length > 0)).toBe(true);
  });

  it('counts Vėlinės (Nov 2) only from 2020', () => {
    expect(isPublicHoliday('2019-11-02')).toBe(false);
    expect(isPublicHoliday('2018-11-02')).toBe(false);
    expect(isPublicHoliday('2020-11-02')).toBe(true);
    expect(publicHolidays(2019)).toHaveLength(15);
    expect(publicHolidays(2020)).toHaveLength(16);
  });

  it('puts Mother’s and Father’s Day on the first Sundays of May and June', () => {
    // 2027: May 1 is a Saturday (Fri + 120 mod 7 = Fri + 1) → May 2; June 1 a Tuesday → June 6.
    const names = new Map(publicHolidays(2027).map((h) => [h.lt, h.date]));
    expect(names.get('Motinos diena')).toBe('2027-05-02');
    expect(names.get('Tėvo diena')).toBe('2027-06-06');
  });

  it('knows working days', () => {
    expect(isWorkingDay('2026-12-10')).toBe(true); // Thursday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-02-16')).toBe(false); // Monday, a holiday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-03-11')).toBe(false); // Wednesday, a holiday
    expect(isWorkingDay('2018-11-02')).toBe(true); // Friday, before Vėlinės became a holiday
    expect(isWorkingDay('2020-11-02')).toBe(false); // Monday, Vėlinės
  });
});

describe('working-day terms', () => {
  it('starts counting the day after the event; 0 days is the event day itself', () => {
    // 2026-09-01 is a Tuesday (offset 243 = 34·7 + 5 → Thu + 5); September has no holidays:
    // 20 working days are exactly 4 weeks → Tuesday 2026-09-29.
    expect(addWorkingDays('2026-09-01', 20)).toBe('2026-09-29');
    expect(addWorkingDays('2026-09-01', 1)).toBe('2026-09-02');
    expect(addWorkingDays('2026-09-04', 1)).toBe('2026-09-07'); // Friday → Monday
    expect(addWorkingDays('2026-09-05', 1)).toBe('2026-09-07'); // event on a Saturday
    expect(addWorkingDays('2026-09-01', 0)).toBe('2026-09-01');
  });

  it('runs across Christmas and New Year (20 working days from Thursday 2026-12-10)', () => {
    // Dec 11 (1), 14–18 (2–6), 21–23 (7–9), 24–25 holidays, 26–27 weekend, 28–31 (10–13),
    // Jan 1 2027 holiday (a Friday), Jan 4–8 (14–18), 11 (19), 12 (20).
    expect(addWorkingDays('2026-12-10', 20)).toBe('2027-01-12');
  });

  it('runs across Christmas on weekdays (10 working days from Friday 2025-12-19)', () => {
    // 2025: Dec 24 Wed, 25 Thu, 26 Fri are holidays, Jan 1 2026 Thu too.
    // Dec 22 (1), 23 (2), 29 (3), 30 (4), 31 (5), Jan 2 (6), 5 (7), 6 (8), 7 (9), 8 (10).
    expect(addWorkingDays('2025-12-19', 10)).toBe('2026-01-08');
  });

  it('skips Easter Monday', () => {
    // Friday 2026-04-03: Sat 4, Easter Sunday 5, Easter Monday 6 → Tue 7 (1), Wed 8 (2).
    expect(addWorkingDays('2026-04-03', 2)).toBe('2026-04-08');
    // Tuesday 2026-03-31: Apr 1 (1), 2 (2), 3 (3), [6 Easter Monday], 7–10 (4–7), 13 (8), 14 (9), 15 (10).
    expect(addWorkingDays('2026-03-31', 10)).toBe('2026-04-15');
  });

  it('skips Feb 16', () => {
    // Friday 2026-02-13: Mon 16 holiday, 17–20 (1–4), 23–27 (5–9), Mon Mar 2 (10).
    expect(addWorkingDays('2026-02-13', 10)).toBe('2026-03-02');
  });

  it('runs across All Saints’ Day and Vėlinės', () => {
    // 2027: Nov 1 Monday (Fri + 304 mod 7 = Fri + 3), Nov 2 Tuesday, both holidays.
    // Friday Oct 29 → weekend, Nov 1, Nov 2 → Wed 3 (1), Thu 4 (2).
    expect(addWorkingDays('2027-10-29', 2)).toBe('2027-11-04');
  });

  it('counts Nov 2 as a working day before 2020 and not since', () => {
    // 2018: Wed Oct 31 → Thu Nov 1 holiday, Fri Nov 2 (1) a working day then, Mon Nov 5 (2).
    expect(addWorkingDays('2018-10-31', 2)).toBe('2018-11-05');
    // 2020: Fri Oct 30 → weekend, Mon Nov 2 holiday, Tue 3 (1), Wed 4 (2).
    expect(addWorkingDays('2020-10-30', 2)).toBe('2020-11-04');
    // 2019: Nov 2 fell on a Saturday (Tue + 305 mod 7 = Tue + 4), so the change did not show.
    expect(weekday('2019-11-02')).toBe(6);
    expect(addWorkingDays('2019-10-31', 2)).toBe('2019-11-05');
  });

  it('counts working days in (from, to], mirrored when to is earlier', () => {
    expect(workingDaysBetween('2026-12-10', '2027-01-12')).toBe(20);
    expect(workingDaysBetween('2027-01-12', '2026-12-10')).toBe(-20);
    expect(workingDaysBetween('2026-09-01', '2026-09-01')).toBe(0);
    expect(workingDaysBetween('2026-04-03', '2026-04-06')).toBe(0); // Sat, Easter Sun, Easter Mon
    expect(workingDaysBetween('2026-04-03', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2018-10-31', '2018-11-02')).toBe(1);
    expect(workingDaysBetween('2020-10-30', '2020-11-02')).toBe(0);
  });

  it('goes backwards for a negative count, and refuses a fractional one', () => {
    // Tuesday 2026-04-07 back: Easter Monday 6 and the weekend skipped → Fri 3 (1), Thu 2 (2).
    expect(addWorkingDays('2026-04-07', -2)).toBe('2026-04-02');
    expect(() => addWorkingDays('2026-04-07', 1.5)).toThrow(DomainError);
  });
});

describe('calendar-month terms (DESIGN §1: same date, or the last day of a shorter month)', () => {
  it.each([
    ['2026-03-31', -1, '2026-02-28'], // February 2026 has 28 days
    ['2024-03-31', -1, '2024-02-29'], // leap year
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-11-30', 3, '2027-02-28'], // across the year end
    ['2026-01-15', -2, '2025-11-15'], // negative, across the year end
    ['2026-05-31', -2, '2026-03-31'],
    ['2026-12-31', -12, '2025-12-31'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('%s %+i months → %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });
});

describe('formatting', () => {
  it('writes dates as Lithuanian documents do, with genitive month names', () => {
    expect(formatLtDate('2026-11-22')).toBe('2026 m. lapkričio 22 d.');
    expect(formatLtDate('2027-01-05')).toBe('2027 m. sausio 5 d.');
    const genitives = ['sausio', 'vasario', 'kovo', 'balandžio', 'gegužės', 'birželio', 'liepos', 'rugpjūčio', 'rugsėjo', 'spalio', 'lapkričio', 'gruodžio'];
    genitives.forEach((name, i) => {
      expect(formatLtDate(`2026-${String(i + 1).padStart(2, '0')}-01`)).toBe(`2026 m. ${name} 1 d.`);
    });
  });

  it('writes English dates', () => {
    expect(formatEnDate('2026-11-22')).toBe('22 November 2026');
    expect(formatEnDate('2027-01-05')).toBe('5 January 2027');
  });
});
