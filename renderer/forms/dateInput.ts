/**
 * Issue 17: a date may be typed the ways Lithuanians write it — `2026-12-04`, `2026.12.04`,
 * `2026 12 04`, with a closing dot (`2026.12.04.`) or single-digit month and day (`2026.2.3`) —
 * and is kept and shown as the Lithuanian standard short date, ISO `YYYY-MM-DD`.
 */
import { isIsoDate, type IsoDate } from '../../shared/domain/calendar';

/** Year, then month and day of one or two digits, separated by one '-', '.', '/' or spaces; a closing dot allowed. */
const TYPED_DATE = /^(\d{4})\s*[-./\s]\s*(\d{1,2})\s*[-./\s]\s*(\d{1,2})\s*\.?$/;

/** The ISO date that `text` names, or null when it names none (a wrong form, or an impossible day like 2026-02-30). */
export function parseDateInput(text: string): IsoDate | null {
  const match = TYPED_DATE.exec(text.trim());
  if (!match) return null;
  const [, year = '', month = '', day = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** What a date field hands its form for the text typed: the ISO date when the text names one, else the text as typed (so the form can say what is wrong). */
export function dateFieldValue(text: string): string {
  return parseDateInput(text) ?? text;
}

/** The calendar's day (a local midnight) for an ISO date; undefined for anything else. */
export function isoToLocalDate(value: string): Date | undefined {
  if (!isIsoDate(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/** The ISO date of a day the calendar picked (read in local time, as the calendar shows it). */
export function localDateToIso(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
