import type { CaseView } from '../../shared/contract/schemas';
import { daysLeftText, formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';

/** The terms running for the case (V-77 p. 7, 9, 19, 20, 32; the release milestones), overdue ones marked. */
export function DeadlineTable({ deadlines }: { deadlines: CaseView['deadlines'] }) {
  const { lang, t } = useI18n();
  if (deadlines.length === 0) return <p>{t('case.noDeadlines')}</p>;
  return (
    <table className="deadline-table">
      <thead>
        <tr>
          <th scope="col">{t('case.col.term')}</th>
          <th scope="col">{t('case.col.point')}</th>
          <th scope="col">{t('case.col.date')}</th>
          <th scope="col">{t('case.col.left')}</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.map((d) => (
          <tr key={d.rule} data-rule={d.rule} className={d.overdue ? 'overdue' : undefined}>
            <td>{d[lang]}</td>
            {/* Issue 14: the release milestones come from the social integration model (seed 001), not from V-77. */}
            <td>{d.point === '' ? t('deadline.integrationModel') : t('deadline.point', { point: d.point })}</td>
            <td>{formatDate(d.date, lang)}</td>
            <td>{daysLeftText(d, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
