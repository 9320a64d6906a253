import { DomainError } from './errors';

/**
 * Calendar arithmetic for the terms of V-77. Dates are ISO strings 'YYYY-MM-DD' without a time or a
 * zone; all arithmetic runs on UTC day numbers, so no time zone or daylight-saving change can move a
 * date by a day.
 */
export type IsoDate = string;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface YearMonthDay {
  year: number;
  month: number; // 1–12
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parsed dates by their text: a list of thousands of cases repeats the same few hundred dates. */
const parsedDates = new Map<string, YearMonthDay | null>();

function splitIso(s: string): YearMonthDay | undefined {
  const known = parsedDates.get(s);
  if (known !== undefined) return known ?? undefined;
  const match = ISO_PATTERN.exec(s);
  let parts: YearMonthDay | null = null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) parts = { year, month, day };
  }
  if (parsedDates.size >= 50_000) parsedDates.clear();
  parsedDates.set(s, parts);
  return parts ?? undefined;
}

/** True for a real calendar date written as 'YYYY-MM-DD' ('2026-02-30' is not one). */
export function isIsoDate(s: string): boolean {
  return splitIso(s) !== undefined;
}

function parseIso(d: IsoDate): YearMonthDay {
  const parts = splitIso(d);
  if (parts) return parts;
  throw new DomainError('INVALID_DATE', { value: d });
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatIso({ year, month, day }: YearMonthDay): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar, by integer arithmetic (H. Hinnant's
 * days_from_civil): terms are counted day by day over thousands of cases, so no Date objects here.
 */
function daysFromCivil({ year, month, day }: YearMonthDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): YearMonthDay {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function toDayNumber(d: IsoDate): number {
  return daysFromCivil(parseIso(d));
}

function fromDayNumber(n: number): IsoDate {
  return formatIso(civilFromDays(n));
}

function assertInteger(n: number, unit: string): void {
  if (Number.isInteger(n)) return;
  throw new DomainError('INVALID_TERM', { unit, value: n });
}

/** The calendar date of `now` on this machine's clock and zone: the day the user is living in. */
export function todayIso(now: Date = new Date()): IsoDate {
  return formatIso({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

export function addDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'days');
  return fromDayNumber(toDayNumber(d) + n);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = daysBetween(b, a);
  if (diff < 0) return -1;
  return diff > 0 ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return weekdayOf(toDayNumber(d));
}

function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIso({ year, month, day });
}

function firstSunday(year: number, month: number): IsoDate {
  const first = formatIso({ year, month, day: 1 });
  return addDays(first, (7 - weekday(first)) % 7);
}

export interface PublicHoliday {
  date: IsoDate;
  lt: string;
  en: string;
}

/** Vėlinės became a public holiday by the 2020 amendment of the Labour Code. */
const ALL_SOULS_DAY_SINCE = 2020;

/** Public holidays (šventės dienos) of Labour Code art. 123 in `year`, in date order. */
export function publicHolidays(year: number): PublicHoliday[] {
  const on = (month: number, day: number): IsoDate => formatIso({ year, month, day });
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [
    { date: on(1, 1), lt: 'Naujųjų metų diena', en: "New Year's Day" },
    { date: on(2, 16), lt: 'Lietuvos valstybės atkūrimo diena', en: 'Day of Restoration of the State of Lithuania' },
    { date: on(3, 11), lt: 'Lietuvos nepriklausomybės atkūrimo diena', en: 'Day of Restoration of Independence of Lithuania' },
    { date: easter, lt: 'Šv. Velykos', en: 'Easter Sunday' },
    { date: addDays(easter, 1), lt: 'Antroji šv. Velykų diena', en: 'Easter Monday' },
    { date: on(5, 1), lt: 'Tarptautinė darbo diena', en: 'International Labour Day' },
    { date: firstSunday(year, 5), lt: 'Motinos diena', en: "Mother's Day" },
    { date: firstSunday(year, 6), lt: 'Tėvo diena', en: "Father's Day" },
    { date: on(6, 24), lt: 'Rasos ir Joninių diena', en: "St John's Day (Midsummer)" },
    { date: on(7, 6), lt: 'Valstybės (Lietuvos karaliaus Mindaugo karūnavimo) diena', en: 'Statehood Day' },
    { date: on(8, 15), lt: 'Žolinė (Švč. Mergelės Marijos ėmimo į dangų diena)', en: 'Assumption Day' },
    { date: on(11, 1), lt: 'Visų šventųjų diena', en: "All Saints' Day" },
    ...(year >= ALL_SOULS_DAY_SINCE
      ? [{ date: on(11, 2), lt: 'Mirusiųjų atminimo (Vėlinių) diena', en: "All Souls' Day" }]
      : []),
    { date: on(12, 24), lt: 'Kūčių diena', en: 'Christmas Eve' },
    { date: on(12, 25), lt: 'Kalėdos (pirmoji diena)', en: 'Christmas Day' },
    { date: on(12, 26), lt: 'Kalėdos (antroji diena)', en: 'Second Day of Christmas' },
  ];
  return holidays.sort((x, y) => compareIso(x.date, y.date));
}

/** Holidays of each year as day numbers, computed once per year: terms are counted day by day. */
const holidayDayNumbers = new Map<number, ReadonlySet<number>>();

function holidaysOfYear(year: number): ReadonlySet<number> {
  let days = holidayDayNumbers.get(year);
  if (!days) {
    days = new Set(publicHolidays(year).map((h) => toDayNumber(h.date)));
    holidayDayNumbers.set(year, days);
  }
  return days;
}

function isWorkingDayNumber(n: number): boolean {
  const day = weekdayOf(n);
  if (day === 0 || day === 6) return false;
  return !holidaysOfYear(civilFromDays(n).year).has(n);
}

export function isPublicHoliday(d: IsoDate): boolean {
  return holidaysOfYear(parseIso(d).year).has(toDayNumber(d));
}

/** Monday to Friday, and not a public holiday. */
export function isWorkingDay(d: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(d));
}

/**
 * The last day of a term of `n` working days counted from an event on day `d`: the term starts the
 * day after the event, so this is the n-th working day after `d` (for negative n, the |n|-th
 * working day before it). n = 0 returns `d` itself.
 */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'working days');
  const key = `${d}|${n}`;
  let result = workingDayTerms.get(key);
  if (result === undefined) {
    result = countWorkingDays(d, n);
    if (workingDayTerms.size >= 50_000) workingDayTerms.clear();
    workingDayTerms.set(key, result);
  }
  return result;
}

/** Terms already counted: the cases of a list share a few hundred event dates. */
const workingDayTerms = new Map<string, IsoDate>();

function countWorkingDays(d: IsoDate, n: number): IsoDate {
  const step = Math.sign(n);
  let day = toDayNumber(d);
  for (let counted = 0; counted < Math.abs(n); ) {
    day += step;
    if (isWorkingDayNumber(day)) counted += 1;
  }
  return fromDayNumber(day);
}

/** Working days in (from, to]; negative, mirrored, when `to` is before `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorkingDayNumber(day)) count += 1;
  return count;
}

/**
 * `n` calendar months after `d` (before it, for negative n): the same date of the target month, or
 * that month's last day when it is shorter (2026-03-31 − 1 month → 2026-02-28). DESIGN §1.
 */
export function addCalendarMonths(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'months');
  const { year, month, day } = parseIso(d);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIso({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Month names in the genitive, as Lithuanian dates are written. */
const LT_MONTHS_GENITIVE = [
  'sausio',
  'vasario',
  'kovo',
  'balandžio',
  'gegužės',
  'birželio',
  'liepos',
  'rugpjūčio',
  'rugsėjo',
  'spalio',
  'lapkričio',
  'gruodžio',
] as const;

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** '2026 m. lapkričio 22 d.', as the Lithuanian document-drafting rules write a date. */
export function formatLtDate(d: IsoDate): string {
  const { year, month, day } = parseIso(d);
  return `${year} m. ${LT_MONTHS_GENITIVE[month - 1]} ${day} d.`;
}

/** '22 November 2026'. */
export function formatEnDate(d: IsoDate): string {
  const { year, month, day } = parseIso(d);
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/**
 * A moment as Lithuanians read it, to the minute, in Vilnius time: "2026-11-22 14:05" (the
 * signature stamp of issue 6, the merged dossier's cover of issue 15).
 */
export function vilniusMinute(at: Date): string {
  const parts = new Intl.DateTimeFormat('lt-LT', {
    timeZone: 'Europe/Vilnius',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
