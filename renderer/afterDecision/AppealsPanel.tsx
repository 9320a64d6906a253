import type { FormEvent } from 'react';
import type { Appeal, CaseView } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { CASE_STATE_LABELS } from '../../shared/domain/caseStates';
import { appealFiledLate } from '../../shared/domain/deadlines';
import type { ApiError } from '../api/client';
import { ErrorNotice, NoticeSpot } from '../components/ErrorNotice';
import { FormFooter } from '../components/FormFooter';
import { RadioGroupField, TextAreaField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import { useCheckedForm } from '../forms/useCheckedForm';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { actKindLabel } from './actNames';
import {
  APPEAL_FILED_SPOT,
  APPEAL_OUTCOME_SPOT,
  appealReopening,
  checkAppeal,
  checkAppealOutcome,
  emptyAppealOutcome,
  lateFilingDueBy,
  otherOpenCaseOf,
  type AppealFields,
  type AppealOutcomeFields,
  type AppealOutcomeValues,
  type AppealValues,
} from './afterDecisionModel';
import { FilePicker } from './FilePicker';

type Appealable = CaseView['appealable'][number];

/** The form being open in the appeals part: filing against an act, or the outcome of an appeal. */
export type AppealForm = { kind: 'file'; ref: string } | { kind: 'outcome'; appealId: string };

interface AppealsPanelProps {
  view: CaseView;
  today: IsoDate;
  canWrite: boolean;
  open: AppealForm | null;
  onOpen(form: AppealForm | null): void;
  onFile(input: AppealFields): Promise<void>;
  onOutcome(input: AppealOutcomeFields): Promise<void>;
}

/** The body an appeal goes to, with the term: its last day, or that the settings set none (never guessed). */
function TermText({ dueBy, citation }: { dueBy: IsoDate | undefined; citation: string }) {
  const { lang, t } = useI18n();
  if (dueBy === undefined) return <>{t('after.appeal.noTerm', { citation })}</>;
  return <>{t('after.appeal.term', { date: formatDate(dueBy, lang), citation })}</>;
}

function FileAppealForm({ act, today, onSubmit, onCancel }: { act: Appealable; today: IsoDate; onSubmit(input: AppealFields): Promise<void>; onCancel(): void }) {
  const { lang, t } = useI18n();
  const form = useCheckedForm<AppealValues, AppealFields>({ against: act.ref, filedOn: today, note: '' }, (v) => checkAppeal(v, { today, actDate: act.date }));
  // V-77 p. 51: filed after the term as the app counts it: said, never refused (the day of service is not known).
  const late = lateFilingDueBy(form.values.filedOn, act.dueBy);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };
  return (
    <form className="panel after-form" data-form="appeal" onSubmit={submit} noValidate aria-labelledby="appeal-form-title">
      <h4 id="appeal-form-title">{t('after.appeal.fileTitle', { act: actKindLabel(act.kind, t, lang), number: act.number })}</h4>
      <p className="field-hint">
        {t(act.body === 'court' ? 'after.appeal.body.court' : 'after.appeal.body.department')}. <TermText dueBy={act.dueBy} citation={act.citation} />
      </p>
      <DateField id="appeal-filed" label={t('after.appeal.filedOn')} hint={t('after.dateHint')} required {...form.field('filedOn')} />
      {late !== undefined ? (
        <p className="notice notice-warning appeal-late" role="status" data-late={late}>
          {t('after.appeal.lateFiling', { date: formatDate(late, lang), citation: act.citation })}
        </p>
      ) : null}
      <TextAreaField id="appeal-note" label={t('after.note')} value={form.values.note} onChange={(v) => form.set('note', v)} error={form.errorOf('note')} />
      <FormFooter form={form} label={t('after.appeal.fileSubmit')} onCancel={onCancel} />
    </form>
  );
}

function OutcomeForm({ view, appeal, today, onSubmit, onCancel }: { view: CaseView; appeal: Appeal; today: IsoDate; onSubmit(input: AppealOutcomeFields): Promise<void>; onCancel(): void }) {
  const { lang, t } = useI18n();
  const state = view.record.state;
  // V-77 p. 51: an upheld appeal reopens the case only while the contested act stands.
  const reopensTo = appealReopening(view.record, appeal.against);
  const form = useCheckedForm<AppealOutcomeValues, AppealOutcomeFields>(emptyAppealOutcome(today), (v) =>
    checkAppealOutcome(v, { today, appealId: appeal.id, filedOn: appeal.filedOn, lastStepOn: view.lastStepOn, reopens: reopensTo !== undefined }),
  );
  const upheld = form.values.result === 'upheld';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };
  return (
    <form className="panel after-form" data-form="appealOutcome" onSubmit={submit} noValidate aria-labelledby="outcome-form-title">
      <h4 id="outcome-form-title">{t('after.outcome.title', { act: actKindLabel(appeal.against.kind, t, lang), number: appeal.against.number })}</h4>
      <RadioGroupField
        id="outcome-result"
        legend={t('after.outcome.result')}
        required
        value={form.values.result}
        options={[
          { value: 'upheld', label: t('after.outcome.upheld') },
          { value: 'dismissed', label: t('after.outcome.dismissed') },
        ]}
        onChange={(v) => form.set('result', v as AppealOutcomeValues['result'])}
        error={form.errorOf('result')}
      />
      {upheld && reopensTo ? (
        <p className="notice notice-warning" role="status" data-reopens={reopensTo}>
          {t('after.outcome.reopens', { from: CASE_STATE_LABELS[state][lang], to: CASE_STATE_LABELS[reopensTo][lang] })}
        </p>
      ) : null}
      {upheld && !reopensTo ? (
        <p className="notice notice-warning" role="status" data-not-reopened={state}>
          {t('after.outcome.notReopens', { state: CASE_STATE_LABELS[state][lang] })}
        </p>
      ) : null}
      <div className="field-row">
        <TextField id="outcome-number" label={t('after.outcome.number')} required {...form.field('number')} />
        <DateField id="outcome-date" label={t('after.outcome.date')} hint={t('after.dateHint')} required {...form.field('date')} />
        <DateField
          id="outcome-received"
          label={t('after.act.receivedOn')}
          hint={upheld && reopensTo ? t('after.outcome.receivedHint', { date: formatDate(view.lastStepOn, lang) }) : t('after.dateHint')}
          required
          {...form.field('receivedOn')}
        />
      </div>
      <TextAreaField id="outcome-note" label={t('after.outcome.reason')} required value={form.values.note} onChange={(v) => form.set('note', v)} error={form.errorOf('note')} />
      <FilePicker id="outcome-file" caseId={view.record.id} maxBytes={view.dossier.maxDocumentBytes} label={t('after.file.label')} hint={t('after.file.hint')} error={form.errorOf('stagedId')} onStaged={(id) => form.set('stagedId', id)} />
      {/* The refusal is shown here, with a way to the convict's other open case when it names one (REOPEN_OTHER_OPEN). */}
      {form.error ? <OutcomeRefusal error={form.error} /> : null}
      <FormFooter form={{ ...form, error: null }} label={t('after.outcome.submit')} onCancel={onCancel} />
    </form>
  );
}

/**
 * The back end's refusal of an outcome, kept on the form with what the user typed: no free place for
 * the convict the reopening would put back (NO_FREE_PLACE, V-77 p. 4), or another open request of
 * the same convict (REOPEN_OTHER_OPEN, p. 19, 51), with a link to it.
 */
function OutcomeRefusal({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const other = error.code === 'REOPEN_OTHER_OPEN' ? otherOpenCaseOf(error.params) : undefined;
  return (
    <ErrorNotice error={error}>
      {other ? (
        <p>
          <a href={routeHref({ name: 'case', id: other })} data-other-case={other}>
            {t('after.outcome.otherCase')}
          </a>
        </p>
      ) : null}
      {error.code === 'NO_FREE_PLACE' ? (
        <p>
          <a href={routeHref({ name: 'places' })}>{t('after.hint.placesLink')}</a>
        </p>
      ) : null}
    </ErrorNotice>
  );
}

/** How an appeal ended, or that it is pending. */
function OutcomeText({ appeal }: { appeal: Appeal }) {
  const { lang, t } = useI18n();
  const o = appeal.outcome;
  if (!o) return <>{t('after.appeal.pending')}</>;
  if (o.result === 'dismissed') return <>{t('after.appeal.dismissedOn', { date: formatDate(o.on, lang) })}</>;
  return (
    <>
      {t('after.appeal.upheldOn', { date: formatDate(o.on, lang) })}
      {o.reopenedTo ? ` ${t('after.appeal.reopenedTo', { state: CASE_STATE_LABELS[o.reopenedTo][lang] })}` : ` ${t('after.appeal.notReopened')}`}
    </>
  );
}

/**
 * V-77 p. 50–51: the acts an appeal may contest now (our director's to the Prison Department
 * director under BVK art. 183, the Department director's to the regional administrative court), with
 * the term; the appeals recorded and their outcomes; an upheld appeal reopens the case.
 */
export function AppealsPanel({ view, today, canWrite, open, onOpen, onFile, onOutcome }: AppealsPanelProps) {
  const { lang, t } = useI18n();
  const appeals = view.record.appeals ?? [];
  if (view.appealable.length === 0 && appeals.length === 0) return null;
  const openAppeal = open?.kind === 'outcome' ? appeals.find((a) => a.id === open.appealId) : undefined;
  const openAct = open?.kind === 'file' ? view.appealable.find((a) => a.ref === open.ref) : undefined;

  return (
    <section className="after-block" aria-labelledby="appeals-title">
      <h3 id="appeals-title">{t('after.appeals.title')}</h3>
      {view.appealable.length > 0 ? (
        <ul className="appealable-list">
          {view.appealable.map((a) => (
            <li key={a.ref} data-ref={a.ref} data-body={a.body}>
              <p>
                {t('after.appeal.canAppeal', { act: actKindLabel(a.kind, t, lang), number: a.number, date: formatDate(a.date, lang) })}{' '}
                {t(a.body === 'court' ? 'after.appeal.body.court' : 'after.appeal.body.department')}.
              </p>
              <p className={a.dueBy !== undefined && a.dueBy < today ? 'appeal-term overdue' : 'appeal-term'} data-due={a.dueBy ?? ''}>
                <TermText dueBy={a.dueBy} citation={a.citation} />
              </p>
              {canWrite ? (
                <button
                  type="button"
                  className={openAct?.ref === a.ref ? 'button-secondary is-open' : 'button-secondary'}
                  aria-expanded={openAct?.ref === a.ref}
                  onClick={() => onOpen(openAct?.ref === a.ref ? null : { kind: 'file', ref: a.ref })}
                >
                  {t('after.appeal.file')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <NoticeSpot at={APPEAL_FILED_SPOT} />
      {openAct ? <FileAppealForm key={openAct.ref} act={openAct} today={today} onSubmit={onFile} onCancel={() => onOpen(null)} /> : null}

      {appeals.length > 0 ? (
        <table className="data-table appeals-table">
          <caption className="visually-hidden">{t('after.appeals.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('after.appeals.col.act')}</th>
              <th scope="col">{t('after.appeals.col.body')}</th>
              <th scope="col">{t('after.appeals.col.filed')}</th>
              <th scope="col">{t('after.appeals.col.term')}</th>
              <th scope="col">{t('after.appeals.col.outcome')}</th>
              {canWrite ? <th scope="col">{t('after.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {appeals.map((a) => (
              <tr key={a.id} data-appeal={a.id} data-outcome={a.outcome?.result ?? 'pending'}>
                <th scope="row">
                  {actKindLabel(a.against.kind, t, lang)} {t('after.numberDate', { number: a.against.number, date: formatDate(a.against.date, lang) })}
                  {a.note ? <span className="field-hint"> {a.note}</span> : null}
                </th>
                <td>{t(a.body === 'court' ? 'after.appeal.bodyShort.court' : 'after.appeal.bodyShort.department')}</td>
                <td>{formatDate(a.filedOn, lang)}</td>
                <td>
                  {a.dueBy ? formatDate(a.dueBy, lang) : t('after.appeal.noTermShort')}
                  {appealFiledLate(a) && a.dueBy !== undefined ? (
                    <span className="field-hint appeal-late" role="note" data-late={a.dueBy}>
                      {' '}
                      {t('after.appeal.late', { date: formatDate(a.dueBy, lang) })}
                    </span>
                  ) : null}
                </td>
                <td>
                  <OutcomeText appeal={a} />
                </td>
                {canWrite ? (
                  <td>
                    {a.outcome === undefined ? (
                      <button
                        type="button"
                        className={openAppeal?.id === a.id ? 'button-secondary is-open' : 'button-secondary'}
                        aria-expanded={openAppeal?.id === a.id}
                        onClick={() => onOpen(openAppeal?.id === a.id ? null : { kind: 'outcome', appealId: a.id })}
                      >
                        {t('after.outcome.open')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <NoticeSpot at={APPEAL_OUTCOME_SPOT} />
      {openAppeal ? <OutcomeForm key={openAppeal.id} view={view} appeal={openAppeal} today={today} onSubmit={onOutcome} onCancel={() => onOpen(null)} /> : null}
    </section>
  );
}
