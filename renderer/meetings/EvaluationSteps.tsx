import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MEETING_TEXT_MAX, type AgendaItemView, type MeetingView } from '../../shared/contract/meetingSchemas';
import { CASE_STATE_LABELS } from '../../shared/domain/caseStates';
import { CRITERIA } from '../../shared/domain/criteria';
import { call, toApiError, type ApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextAreaField } from '../components/fields';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { CriterionStep, type CaseDossier } from './CriterionStep';
import { EvaluationSummary } from './EvaluationSummary';
import { useMeetingDesk } from './meetingDesk';
import { isCriterionStep, MEETING_STEPS, stepAfter, stepMark, stepNumber, type MeetingStep } from './meetingSteps';
import { agendaStatusText } from './meetingWording';
import { VoteDecision } from './VoteDecision';
import { VotePanel } from './VotePanel';
import { FormFooter } from '../components/FormFooter';
import { postponementBase } from '../../shared/domain/meetingRules';

/** The case with its dossier, as the case page shows it (facts and documents for the criteria), kept up to date. */
function useCaseDossier(caseId: string): CaseDossier {
  const [dossier, setDossier] = useState<{ caseId: string; loaded: CaseDossier }>({ caseId, loaded: null });
  const [loads, setLoads] = useState(0);
  useEvent('cases.changed', () => setLoads((n) => n + 1), (event) => event.payload.id === undefined || event.payload.id === caseId);
  useEffect(() => {
    let current = true;
    call('cases.get', { id: caseId }).then(
      (view) => current && setDossier({ caseId, loaded: { view } }),
      // A failed reload keeps the dossier already shown.
      (e: unknown) => current && setDossier((d) => (d.caseId === caseId && d.loaded !== null && 'view' in d.loaded ? d : { caseId, loaded: { error: toApiError(e) } })),
    );
    return () => {
      current = false;
    };
  }, [caseId, loads]);
  return dossier.caseId === caseId ? dossier.loaded : null;
}

const STEP_LABELS: Readonly<Record<Exclude<MeetingStep, (typeof CRITERIA)[number]['id']>, MessageKey>> = {
  summary: 'meeting.step.summary',
  decision: 'meeting.step.decision',
  vote: 'meeting.step.vote',
};

/** The step's name as the heading and the indicator say it. */
export function useStepTitle() {
  const { lang, t } = useI18n();
  return (step: MeetingStep) => {
    if (isCriterionStep(step)) {
      const c = CRITERIA.find((x) => x.id === step)!;
      return `${c.id}. ${c[lang]}`;
    }
    return t(STEP_LABELS[step]);
  };
}

/** Put the case off to a later meeting, with the reason (it goes back to "ready for the commission" when the meeting closes). */
function Postpone({ item }: { item: AgendaItemView }) {
  const { t } = useI18n();
  const desk = useMeetingDesk();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const caseId = item.item.caseId;

  const submit = (postponed: boolean) => {
    setBusy(true);
    setError(null);
    desk
      .run(() => call('meetings.postpone', { id: desk.meetingId, caseId, postponed, ...(postponed ? { reason: reason.trim() } : {}), basedOn: postponementBase(desk.itemOf(caseId)?.item ?? item.item) }))
      .then(
        () => {
          setOpen(false);
          setReason('');
        },
        (e: unknown) => setError(toApiError(e)),
      )
      .finally(() => setBusy(false));
  };

  if (item.item.postponed !== undefined) {
    return (
      <div className="notice notice-warning postponed" data-postponed="true">
        <p>{t('meeting.postpone.done', { reason: item.item.postponed })}</p>
        {desk.canWrite ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => submit(false)}>
            {t('meeting.postpone.undo')}
          </button>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    );
  }
  if (!desk.canWrite) return null;
  return (
    <div className="postpone">
      <button type="button" className={open ? 'button-secondary is-open' : 'button-secondary'} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('meeting.postpone.open')}
      </button>
      {open ? (
        <form
          className="panel postpone-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (reason.trim() !== '') submit(true);
          }}
        >
          <TextAreaField id={`postpone-reason-${caseId}`} label={t('meeting.postpone.reason')} hint={t('meeting.postpone.hint')} required value={reason} onChange={setReason} rows={2} />
          <FormFooter
            form={{ error, busy }}
            label={t('meeting.postpone.submit')}
            disabled={reason.trim() === '' || reason.length > MEETING_TEXT_MAX}
            onCancel={() => setOpen(false)}
          />
        </form>
      ) : null}
    </div>
  );
}

interface EvaluationStepsProps {
  view: MeetingView;
  item: AgendaItemView;
  step: MeetingStep;
  onStep(step: MeetingStep): void;
  /** Changes when a shortcut or the step buttons moved the step: the step's heading takes the focus. */
  focusTick: number;
}

/**
 * One case at the meeting, guided: the nine criteria of V-77 p. 11 one at a time beside the dossier
 * material, a summary, the proposal (p. 10) and the vote.
 */
export function EvaluationSteps({ view, item, step, onStep, focusTick }: EvaluationStepsProps) {
  const { lang, t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const dossier = useCaseDossier(item.item.caseId);
  const title = useStepTitle();
  const { candidate } = item;
  const caseId = item.item.caseId;
  const onAgenda = item.active;
  const readOnly = view.record.state !== 'open' || !onAgenda || item.item.postponed !== undefined;

  useEffect(() => {
    if (focusTick > 0) heading.current?.focus();
  }, [focusTick]);

  const n = stepNumber(step);
  return (
    <section className="panel meeting-case" aria-labelledby={`case-title-${caseId}`} data-case={caseId}>
      <div className="meeting-case-head">
        <h2 id={`case-title-${caseId}`}>
          {candidate.lastName} {candidate.firstName}
        </h2>
        <p className="meeting-case-meta">
          <span>{t('case.fileNo', { no: candidate.personalFileNo })}</span>
          {candidate.meetingDue ? (
            <span className={candidate.late ? 'late' : undefined}>
              {t(candidate.late ? 'meeting.case.late' : 'meeting.case.due', { date: formatDate(candidate.meetingDue, lang) })}
            </span>
          ) : null}
          <span>
            <a href={`#/cases/${encodeURIComponent(caseId)}`}>{t('meeting.case.open')}</a>
          </span>
        </p>
        <p className="meeting-case-status" data-status-of={caseId}>
          {agendaStatusText(item, lang)}
        </p>
      </div>
      {!onAgenda ? (
        <p className="notice notice-warning">
          {t('meeting.case.left', { state: item.caseState ? CASE_STATE_LABELS[item.caseState][lang] : t('meeting.case.unreadable') })}
        </p>
      ) : (
        <Postpone item={item} />
      )}

      <nav className="step-indicator" aria-label={t('meeting.steps.label')}>
        <ol>
          {MEETING_STEPS.map((s) => {
            const mark = stepMark(s, item);
            return (
              <li key={s} className={`step-mark-${mark}`}>
                <button
                  type="button"
                  aria-current={s === step ? 'step' : undefined}
                  title={title(s)}
                  data-step={s}
                  data-mark={mark}
                  onClick={() => onStep(s)}
                >
                  <span aria-hidden="true">{isCriterionStep(s) ? s : t(STEP_LABELS[s])}</span>
                  <span className="visually-hidden">
                    {title(s)} – {t(`meeting.steps.mark.${mark}`)}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <h3 ref={heading} tabIndex={-1} className="step-heading" data-step={step}>
        <span className="step-count">{t('meeting.steps.count', { n, total: MEETING_STEPS.length })}</span> {title(step)}
      </h3>

      {isCriterionStep(step) ? (
        <CriterionStep key={`${caseId}-${step}`} item={item} criterion={CRITERIA.find((c) => c.id === step)!} dossier={dossier} readOnly={readOnly} />
      ) : step === 'summary' ? (
        <EvaluationSummary evaluation={item.item.evaluation} caption={t('meeting.summary.caption', { name: `${candidate.lastName} ${candidate.firstName}` })} onOpen={(c) => onStep(c)} />
      ) : step === 'decision' ? (
        <VoteDecision key={caseId} item={item} readOnly={readOnly} />
      ) : (
        <VotePanel key={caseId} view={view} item={item} readOnly={readOnly} onChooseDecision={() => onStep('decision')} />
      )}

      <div className="step-nav">
        <button type="button" className="button-secondary" disabled={step === MEETING_STEPS[0]} aria-keyshortcuts="Alt+ArrowLeft" onClick={() => onStep(stepAfter(step, -1))}>
          ← {t('meeting.steps.previous')}
        </button>
        <button type="button" className="button-primary" disabled={step === MEETING_STEPS.at(-1)} aria-keyshortcuts="Alt+ArrowRight" onClick={() => onStep(stepAfter(step, 1))}>
          {t('meeting.steps.next')} →
        </button>
      </div>
    </section>
  );
}
