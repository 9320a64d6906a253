import { useEffect, useState, type FormEvent } from 'react';
import type { AgendaCandidate, MeetingListItem, MeetingRecord } from '../../shared/contract/meetingSchemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { ApiError, call, toApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { movesToAction } from '../commission/focusMoves';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateField } from '../components/DateField';
import { TextField } from '../components/fields';
import { fieldErrorsFromServer, type FieldErrors } from '../forms/issues';
import { useTouched } from '../forms/useTouched';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../router/useRoute';
import {
  candidatesDate,
  checkSchedule,
  convictName,
  initialSchedule,
  keepSelected,
  plannedSchedule,
  withAgenda,
  scheduleErrorText,
  selectionSummary,
  sortCandidates,
  toggleCase,
  type ScheduleInput,
  type ScheduleValues,
} from './scheduleModel';

type Field = 'date' | 'time' | 'place';

/** Issue 17: a planned meeting's plan changed before it opens (`meetings.update`). */
export interface ScheduleEditing {
  record: MeetingRecord;
  /** The cases on its agenda now (offered again, ticked). */
  agenda: readonly AgendaCandidate[];
  save(input: ScheduleInput): Promise<void>;
  onCancel(): void;
}

interface ScheduleFormProps {
  today: IsoDate;
  /** The meetings so far: the form offers the usual place. */
  meetings: readonly MeetingListItem[];
  /** Change this planned meeting instead of scheduling a new one. */
  editing?: ScheduleEditing;
}

/** An id safe for the DOM (and CSS selectors) from a case id. */
const domId = (caseId: string) => `schedule-case-${caseId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * Schedule a meeting (V-77 p. 9): date, time, place and the cases for its agenda, each with the term
 * by which the commission had to meet. The candidates are fetched again when the date changes, as
 * the terms are counted against it.
 */
export function ScheduleForm({ today, meetings, editing }: ScheduleFormProps) {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<ScheduleValues>(() => (editing ? plannedSchedule(editing.record) : initialSchedule(today, meetings)));
  const agenda = editing?.agenda;
  const touched = useTouched<Field>();
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const [candidates, setCandidates] = useState<readonly AgendaCandidate[] | null>(null);
  const [candidatesFor, setCandidatesFor] = useState<IsoDate | null>(null);
  const [candidatesError, setCandidatesError] = useState<ApiError | null>(null);
  const [candidateLoads, setCandidateLoads] = useState(0);

  const date = candidatesDate(values.date);
  // A case made ready, or put on another meeting, by someone else: the offer follows (the choice stays).
  useEvent(['cases.changed', 'meetings.changed'], () => setCandidateLoads((n) => n + 1));
  useEffect(() => {
    if (!date) return;
    let current = true;
    call('meetings.candidates', { date }).then(
      (list) => {
        if (!current) return;
        const sorted = sortCandidates(withAgenda(list, agenda ?? [], date));
        setCandidates(sorted);
        setCandidatesFor(date);
        setCandidatesError(null);
        setValues((v) => ({ ...v, caseIds: keepSelected(v.caseIds, sorted) }));
      },
      (e: unknown) => {
        if (!current) return;
        setCandidatesError(toApiError(e));
        setCandidatesFor(null);
      },
    );
    return () => {
      current = false;
    };
  }, [date, candidateLoads, agenda]);

  const { input, errors } = checkSchedule(values);
  const errorOf = (field: Field): string | undefined => {
    const key = serverErrors[field] ?? ((submitted || touched.isTouched(field)) && errors[field]);
    return key ? scheduleErrorText(key, lang) : undefined;
  };
  const update = (patch: Partial<ScheduleValues>, field?: Field) => {
    setValues((v) => ({ ...v, ...patch }));
    if (field) {
      touched.markChanged(field);
      setServerErrors(({ [field]: _dropped, ...rest }) => rest);
    }
  };

  // The list shown belongs to the date typed; while another date's list loads, none is shown.
  const shown = date !== null && candidatesFor === date ? (candidates ?? []) : null;
  const summary = selectionSummary(values.caseIds, shown ?? []);
  const chosen = new Set(values.caseIds);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    // Only cases offered for this date go on the agenda: wait for its list (or a retry after a failure)
    // rather than send another day's choice.
    if (!input || shown === null) return;
    setBusy(true);
    setError(null);
    try {
      const chosen = { ...input, caseIds: keepSelected(input.caseIds, shown) };
      if (editing) await editing.save(chosen);
      else {
        const view = await call('meetings.schedule', chosen);
        navigate({ name: 'meeting', id: view.record.id });
      }
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError);
      setServerErrors(fieldErrorsFromServer(apiError.fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel schedule-panel" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t(editing ? 'schedule.edit.title' : 'schedule.title')}</h2>
      <form className="schedule-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          <DateField
            id="schedule-date"
            today={today}
            label={t('schedule.date')}
            hint={t('schedule.dateHint')}
            required
            value={values.date}
            onChange={(v) => update({ date: v }, 'date')}
            onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('date')}
            error={errorOf('date')}
          />
          <TextField
            id="schedule-time"
            label={t('schedule.time')}
            hint={t('schedule.timeHint')}
            required
            value={values.time}
            onChange={(time) => update({ time }, 'time')}
            onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('time')}
            error={errorOf('time')}
          />
          <TextField
            id="schedule-place"
            label={t('schedule.place')}
            hint={t('schedule.placeHint')}
            required
            value={values.place}
            onChange={(place) => update({ place }, 'place')}
            onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('place')}
            error={errorOf('place')}
          />
        </div>

        <fieldset className="schedule-agenda-group" aria-describedby="schedule-agenda-hint">
          <legend>{t('schedule.agenda')}</legend>
          <p id="schedule-agenda-hint" className="field-hint">
            {t(editing ? 'schedule.edit.agendaHint' : 'schedule.agendaHint')}
          </p>
          {candidatesError ? (
            <ErrorNotice error={candidatesError}>
              <button type="button" className="button-secondary" onClick={() => setCandidateLoads((n) => n + 1)}>
                {t('common.retry')}
              </button>
            </ErrorNotice>
          ) : null}
          {date === null ? <p>{t('schedule.needDate')}</p> : null}
          {date !== null && shown === null && !candidatesError ? <p role="status">{t('schedule.loadingCandidates')}</p> : null}
          {shown !== null && shown.length === 0 ? <p className="empty">{t('schedule.noCandidates')}</p> : null}
          {shown !== null && shown.length > 0 ? (
            <>
              <table className="data-table schedule-agenda">
                <caption className="visually-hidden">{t('schedule.agendaCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('schedule.col.name')}</th>
                    <th scope="col">{t('schedule.col.fileNo')}</th>
                    <th scope="col">{t('schedule.col.received')}</th>
                    <th scope="col">{t('schedule.col.due')}</th>
                    <th scope="col">{t('schedule.col.flag')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((c) => {
                    const id = domId(c.caseId);
                    return (
                      <tr key={c.caseId} data-case-id={c.caseId} className={c.late ? 'is-late' : undefined}>
                        <th scope="row">
                          <div className="check">
                            <input
                              id={id}
                              type="checkbox"
                              checked={chosen.has(c.caseId)}
                              aria-describedby={`${id}-file ${id}-due${c.late ? ` ${id}-late` : ''}`}
                              onChange={(e) => update({ caseIds: toggleCase(values.caseIds, c.caseId, e.target.checked, shown) })}
                            />
                            <label htmlFor={id}>{convictName(c) || t('common.none')}</label>
                          </div>
                        </th>
                        <td id={`${id}-file`}>{c.personalFileNo || t('common.none')}</td>
                        <td className="date-cell">{c.dossierReceivedOn ? formatDate(c.dossierReceivedOn, lang) : t('common.none')}</td>
                        <td id={`${id}-due`} className="date-cell">{c.meetingDue ? formatDate(c.meetingDue, lang) : t('common.none')}</td>
                        <td>
                          {c.late ? (
                            <span id={`${id}-late`} className="meeting-late">
                              {t('schedule.late', { date: c.meetingDue ? formatDate(c.meetingDue, lang) : t('common.none') })}
                            </span>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <div className="form-actions">
                <button type="button" className="button-secondary" onClick={() => update({ caseIds: shown.map((c) => c.caseId) })}>
                  {t('schedule.selectAll')}
                </button>
                <button type="button" className="button-secondary" onClick={() => update({ caseIds: [] })}>
                  {t('schedule.selectNone')}
                </button>
              </div>
            </>
          ) : null}
          <p className="schedule-summary" role="status">
            {shown !== null && shown.length > 0 ? t('schedule.selected', { n: summary.n }) : null}
            {summary.late > 0 ? <> {t('schedule.selectedLate', { n: summary.late })}</> : null}
          </p>
        </fieldset>

        {error ? <ErrorNotice error={error} /> : null}
        {submitted && !input ? (
          <p className="form-summary" role="alert">
            {t('schedule.fixFields')}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t(editing ? 'schedule.edit.submit' : 'schedule.submit')}
          </button>
          {editing ? (
            <button type="button" className="button-secondary" onClick={editing.onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
