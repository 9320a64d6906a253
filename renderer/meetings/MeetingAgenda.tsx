import type { MeetingView } from '../../shared/contract/meetingSchemas';
import { useI18n } from '../i18n/I18nProvider';
import { redFlagOf } from './meetingSummary';
import { agendaStatusText } from './meetingWording';

/** The cases before the open meeting, where each stands, and the one taken up now. */
export function MeetingAgenda({ view, selected, onSelect }: { view: MeetingView; selected: string | null; onSelect(caseId: string): void }) {
  const { lang, t } = useI18n();
  return (
    <section className="panel meeting-agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('meeting.agenda.title')}</h2>
      {view.items.length === 0 ? <p>{t('meeting.agenda.empty')}</p> : null}
      <ol className="agenda-list">
        {view.items.map((item) => {
          const { caseId } = item.item;
          const name = `${item.candidate.lastName} ${item.candidate.firstName}`;
          const current = caseId === selected;
          return (
            <li key={caseId} data-case={caseId} className={current ? 'is-current' : undefined}>
              <button type="button" className="agenda-button" aria-current={current ? 'true' : undefined} onClick={() => onSelect(caseId)}>
                <span className="agenda-name">{name}</span>
                <span className="visually-hidden"> – {t('meeting.agenda.takeUp')}</span>
              </button>
              <span className="agenda-status">{agendaStatusText(item, lang)}</span>
              {item.candidate.late ? <span className="agenda-late"> · {t('meeting.agenda.late')}</span> : null}
              {redFlagOf(item.item.evaluation) ? <strong className="red-flag-mark"> · {t('meeting.register.flagShort')}</strong> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
