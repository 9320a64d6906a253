import type { CaseView } from '../../shared/contract/schemas';
import { formatLtDate, type IsoDate } from '../../shared/domain/calendar';
import { translate, type Lang } from './translate';

type Deadline = CaseView['deadlines'][number];

/** A date as the case page writes it: '2026 m. lapkričio 22 d.' in Lithuanian, ISO in English. */
export function formatDate(date: IsoDate, lang: Lang): string {
  return lang === 'lt' ? formatLtDate(date) : date;
}

/** A moment recorded by the back end (ISO timestamp), in the user's local time. */
export function formatMoment(at: string, lang: Lang): string {
  const moment = new Date(at);
  if (Number.isNaN(moment.getTime())) return at;
  return moment.toLocaleString(lang === 'lt' ? 'lt-LT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

/** How far a term is: 'liko 5 d.', 'šiandien', 'praleista 3 d.' (due) or 'dar 12 d.' / 'jau galima' (not before). */
export function daysLeftText(deadline: Pick<Deadline, 'kind' | 'daysLeft' | 'overdue'>, lang: Lang): string {
  if (deadline.kind === 'not_before') {
    return deadline.daysLeft > 0
      ? translate(lang, 'deadline.notBeforeWait', { n: deadline.daysLeft })
      : translate(lang, 'deadline.notBeforeOpen');
  }
  if (deadline.overdue) return translate(lang, 'deadline.overdue', { n: -deadline.daysLeft });
  if (deadline.daysLeft === 0) return translate(lang, 'deadline.dueToday');
  return translate(lang, 'deadline.daysLeft', { n: deadline.daysLeft });
}
