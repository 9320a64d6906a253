import type { CaseRecord } from '../../shared/contract/schemas';
import { CASE_STATE_LABELS } from '../../shared/domain/caseStates';
import { formatDate, formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { requestFieldOfPath } from '../request/requestForm';
import { decisionOf } from './caseSteps';

type Entry = CaseRecord['timeline'][number];

/**
 * What happened to the case, in order: registration, each step with its date and note (and the
 * commission's decision, V-77 p. 10), each correction.
 */
export function Timeline({ entries }: { entries: readonly Entry[] }) {
  const { lang, t } = useI18n();

  const describe = (entry: Entry): string => {
    switch (entry.kind) {
      case 'registered':
        return t('timeline.registered');
      case 'state':
        return t('timeline.state', {
          from: entry.from ? CASE_STATE_LABELS[entry.from][lang] : t('common.none'),
          to: entry.to ? CASE_STATE_LABELS[entry.to][lang] : t('common.none'),
        });
      case 'edited': {
        const fields = (entry.changed ?? []).map((path) => {
          const field = requestFieldOfPath(path);
          return field ? t(`field.${field}`) : path;
        });
        return t('timeline.edited', { fields: fields.join(', ') });
      }
      case 'dossier':
        return t('timeline.dossier', { item: entry.item ?? '' });
      case 'removed':
        return t('timeline.removed', { item: entry.item ?? '' });
      case 'extended':
        return t('timeline.extended', { days: entry.days ?? 0 });
    }
  };

  return (
    <ol className="timeline">
      {entries.map((entry, i) => {
        const decision = entry.decision === undefined ? undefined : decisionOf(entry.decision);
        return (
          <li key={`${entry.at}-${i}`}>
            <span className="timeline-date">{entry.on ? formatDate(entry.on, lang) : formatMoment(entry.at, lang)}</span>
            <span className="timeline-what">{describe(entry)}</span>
            {decision ? (
              <span className="timeline-decision" data-decision={decision.id}>
                {t('timeline.decision', { decision: t('decision.option', { id: decision.id, text: decision[lang] }) })}
              </span>
            ) : null}
            {entry.note ? <span className="timeline-note">{entry.note}</span> : null}
            <span className="timeline-recorded">{t('timeline.recorded', { at: formatMoment(entry.at, lang) })}</span>
          </li>
        );
      })}
    </ol>
  );
}
