import { useMemo, useState, type FormEvent } from 'react';
import { MEETING_TEXT_MAX, type MeetingView } from '../../shared/contract/meetingSchemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextAreaField } from '../components/fields';
import type { IsoDate } from '../../shared/domain/calendar';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { useMeetingDesk } from './meetingDesk';
import { FormFooter } from '../components/FormFooter';
import { ScheduleForm } from './scheduleForm';

/** The agenda of a planned (or cancelled) meeting: the cases and their V-77 p. 9 terms. */
export function MeetingAgendaList({ view }: { view: MeetingView }) {
  const { lang, t } = useI18n();
  if (view.items.length === 0) return <p>{t('meeting.agenda.empty')}</p>;
  return (
    <table className="data-table meeting-agenda-table">
      <caption className="visually-hidden">{t('meeting.agenda.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meeting.agenda.convict')}</th>
          <th scope="col">{t('meeting.agenda.fileNo')}</th>
          <th scope="col">{t('meeting.agenda.due')}</th>
        </tr>
      </thead>
      <tbody>
        {view.items.map(({ item, candidate }) => (
          <tr key={item.caseId} data-case={item.caseId}>
            <th scope="row">
              <a href={`#/cases/${encodeURIComponent(item.caseId)}`}>
                {candidate.lastName} {candidate.firstName}
              </a>
            </th>
            <td>{candidate.personalFileNo}</td>
            <td className={candidate.late ? 'late' : undefined}>
              {candidate.meetingDue ? formatDate(candidate.meetingDue, lang) : t('common.none')}
              {candidate.late ? <strong> · {t('meeting.agenda.late')}</strong> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A planned meeting: its agenda, its plan changed until it opens (issue 17: date, time, place and
 * agenda; V-77 p. 9), opening it on its day, or cancelling it with the reason.
 */
export function MeetingPlanned({ view, today }: { view: MeetingView; today: IsoDate }) {
  const { t } = useI18n();
  const desk = useMeetingDesk();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  /** The plan as it was when the form opened (its revision: a change made meanwhile elsewhere is refused, not overwritten). */
  const [editing, setEditing] = useState<MeetingView['record'] | null>(null);
  const [edited, setEdited] = useState(false);
  const agenda = useMemo(() => view.items.map((i) => i.candidate), [view.items]);

  const act = (task: () => Promise<MeetingView>) => {
    setBusy(true);
    setError(null);
    desk
      .run(task)
      .catch((e: unknown) => setError(toApiError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <section className="panel" aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('meeting.agenda.title')}</h2>
        <MeetingAgendaList view={view} />
        {edited ? (
          <p className="notice notice-ok" role="status">
            {t('schedule.edit.done')}
          </p>
        ) : null}
        {desk.canWrite ? (
          <>
            <p className="field-hint">{t('meeting.planned.editHint')}</p>
            <button
              type="button"
              className={editing ? 'button-secondary is-open' : 'button-secondary'}
              aria-expanded={editing !== null}
              onClick={() => {
                setEditing((e) => (e ? null : view.record));
                setEdited(false);
              }}
            >
              {t('meeting.planned.edit')}
            </button>
          </>
        ) : null}
      </section>
      {desk.canWrite && editing !== null ? (
        <ScheduleForm
          key={view.record.id}
          today={today}
          meetings={[]}
          editing={{
            record: editing,
            agenda,
            save: (input) =>
              desk.run(() => call('meetings.update', { id: desk.meetingId, revision: editing.revision, ...input })).then(() => {
                setEditing(null);
                setEdited(true);
              }),
            onCancel: () => setEditing(null),
          }}
        />
      ) : null}
      {desk.canWrite ? (
        <section className="panel" aria-labelledby="planned-actions-title">
          <h2 id="planned-actions-title">{t('meeting.planned.actions')}</h2>
          {view.record.date > today ? <p className="field-hint">{t('meeting.planned.notYet')}</p> : null}
          {error ? <ErrorNotice error={error} /> : null}
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => act(() => call('meetings.open', { id: desk.meetingId, revision: desk.latest().record.revision }))}
            >
              {t('meeting.planned.open')}
            </button>
            <button type="button" className={cancelling ? 'button-secondary is-open' : 'button-secondary'} aria-expanded={cancelling} onClick={() => setCancelling((c) => !c)}>
              {t('meeting.planned.cancel')}
            </button>
          </div>
          {cancelling ? (
            <form
              className="cancel-form"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                if (reason.trim() !== '') act(() => call('meetings.cancel', { id: desk.meetingId, revision: desk.latest().record.revision, reason: reason.trim() }));
              }}
            >
              <TextAreaField id="cancel-reason" label={t('meeting.planned.cancelReason')} hint={t('meeting.planned.cancelHint')} required value={reason} onChange={setReason} rows={2} />
              <FormFooter
                form={{ error: null, busy }}
                label={t('meeting.planned.cancelConfirm')}
                disabled={reason.trim() === '' || reason.length > MEETING_TEXT_MAX}
                onCancel={() => setCancelling(false)}
              />
            </form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
