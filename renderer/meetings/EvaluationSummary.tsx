import type { Evaluation } from '../../shared/domain/evaluation';
import type { CriterionId } from '../../shared/domain/criteria';
import { useI18n } from '../i18n/I18nProvider';
import { redFlagOf, summaryOf } from './meetingSummary';
import { assessmentText } from './meetingWording';

interface EvaluationSummaryProps {
  evaluation: Evaluation;
  /** Go to a criterion's step (absent where the summary is only read). */
  onOpen?: (criterion: CriterionId) => void;
  caption: string;
}

/** The nine criteria of V-77 p. 11 at a glance: assessment and the first line of the findings; the 11.8 red flag. */
export function EvaluationSummary({ evaluation, onOpen, caption }: EvaluationSummaryProps) {
  const { lang, t } = useI18n();
  const rows = summaryOf(evaluation);
  return (
    <>
      {redFlagOf(evaluation) ? (
        <p className="red-flag" role="alert" data-red-flag="11.8">
          <strong>{t('meeting.redFlag')}</strong>
        </p>
      ) : null}
      <table className="data-table evaluation-summary">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meeting.summary.criterion')}</th>
            <th scope="col">{t('meeting.summary.assessment')}</th>
            <th scope="col">{t('meeting.summary.findings')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.criterion.id}
              data-criterion={row.criterion.id}
              data-assessment={row.assessment ?? 'none'}
              className={[row.redFlag ? 'row-red-flag' : '', row.complete ? '' : 'row-incomplete'].join(' ').trim() || undefined}
            >
              <th scope="row">
                {onOpen ? (
                  <button type="button" className="link-button" onClick={() => onOpen(row.criterion.id)}>
                    {row.criterion.id}. {row.criterion[lang]}
                  </button>
                ) : (
                  <>
                    {row.criterion.id}. {row.criterion[lang]}
                  </>
                )}
              </th>
              <td className={row.assessment ? `assessment assessment-${row.assessment}` : 'assessment'}>
                {assessmentText(row.assessment, lang)}
                {row.redFlag ? <strong className="red-flag-mark"> · {t('meeting.register.flagShort')}</strong> : null}
              </td>
              <td>{row.firstLine === '' ? t('common.none') : row.firstLine}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
