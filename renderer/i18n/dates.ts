import type { CaseView } from '../../shared/contract/schemas';
import { formatLtDate, type IsoDate } from '../../shared/domain/calendar';
import { countLabel } from './plural';
import { translate, type Lang } from './translate';

type Deadline = CaseView['deadlines'][number];

/**
 * Issue 17: one way of writing dates per language, for days and moments alike — Lithuanian
 * '2026 m. lapkričio 22 d.' (and '2026 m. lapkričio 22 d. 14:05'), English ISO '2026-11-22'
 * (and '2026-11-22 14:05').
 */
export function formatDate(date: IsoDate, lang: Lang): string {
  return lang === 'lt' ? formatLtDate(date) : date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment recorded by the back end (ISO timestamp), in the user's local time, to the minute, written as `formatDate` writes days. */
export function formatMoment(at: string, lang: Lang): string {
  const moment = new Date(at);
  if (Number.isNaN(moment.getTime())) return at;
  const day = `${String(moment.getFullYear()).padStart(4, '0')}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
  return `${formatDate(day, lang)} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

/**
 * How far a term is: 'liko 5 d.', 'šiandien', 'praleista 3 d.' (due) or 'dar 12 d.' / 'jau galima'
 * (not before); in English '5 days left', '1 day left', 'overdue by 3 days' (issue 17: no 'd.').
 */
export function daysLeftText(deadline: Pick<Deadline, 'kind' | 'daysLeft' | 'overdue'>, lang: Lang): string {
  if (deadline.kind === 'not_before') {
    return deadline.daysLeft > 0 ? countLabel(lang, 'deadline.notBeforeWait', deadline.daysLeft) : translate(lang, 'deadline.notBeforeOpen');
  }
  if (deadline.overdue) return countLabel(lang, 'deadline.overdue', -deadline.daysLeft);
  if (deadline.daysLeft === 0) return translate(lang, 'deadline.dueToday');
  return countLabel(lang, 'deadline.daysLeft', deadline.daysLeft);
}
