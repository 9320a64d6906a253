import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaItemView, MeetingView } from '../../shared/contract/meetingSchemas';
import { DECISIONS } from '../../shared/domain/decisions';
import { call, toApiError, type ApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { useStepTitle } from './EvaluationSteps';
import { isCriterionStep, type MeetingStep } from './meetingSteps';
import { redFlagOf, summaryOf } from './meetingSummary';
import { assessmentText, quorumText } from './meetingWording';
import { endsShowing, meetingOf, openProjectorLink, projectorBehind, type ProjectorPosition } from './projectorChannel';
import { VoteTally } from './VotePanel';
import './meeting.css';

/** Issue 17: the tally goes up once the vote is under way (its step on the secretary's screen) or has a result. */
export function projectorShowsTally(item: Pick<AgendaItemView, 'tally'>, step: MeetingStep): boolean {
  if (!item.tally) return false;
  return step === 'vote' || item.tally.status === 'adopted' || item.tally.status === 'rejected';
}

/** The case on the projector: who, the step the secretary shows, the nine assessments, the proposal and the tally. */
function ProjectedCase({ view, item, step }: { view: MeetingView; item: AgendaItemView; step: MeetingStep }) {
  const { lang, t } = useI18n();
  const title = useStepTitle();
  const decision = DECISIONS.find((d) => d.id === item.item.decision);
  const criterion = isCriterionStep(step) ? item.item.evaluation[step] : undefined;
  const caseId = item.item.caseId;
  return (
    <>
      <div className="projector-case">
        <h2 id={`projector-case-${caseId}`} data-case={caseId}>
          {item.candidate.lastName} {item.candidate.firstName}
          <span className="projector-file"> · {item.candidate.personalFileNo}</span>
        </h2>
        {redFlagOf(item.item.evaluation) ? (
          <p className="red-flag projector-red-flag" data-red-flag="11.8">
            <strong>{t('meeting.redFlag')}</strong>
          </p>
        ) : null}
      </div>
      <div className="projector-body">
        <section className="projector-step" aria-labelledby="projector-step-title" data-step={step}>
          <h3 id="projector-step-title">{title(step)}</h3>
          {isCriterionStep(step) ? (
            <>
              <p className={`projector-assessment assessment-${criterion?.assessment ?? 'none'}`} data-assessment={criterion?.assessment ?? 'none'}>
                {t('meeting.projector.assessment')}: <strong>{assessmentText(criterion?.assessment, lang)}</strong>
              </p>
              {criterion?.findings ? <p className="projector-findings">{criterion.findings}</p> : null}
            </>
          ) : null}
          {step === 'decision' && item.item.rationale !== '' ? <p className="projector-findings">{item.item.rationale}</p> : null}
          {decision ? (
            <p className="projector-decision" data-decision={decision.id}>
              {t('meeting.vote.proposal')}: <strong>{t('decision.option', { id: decision.id, text: decision[lang] })}</strong>
            </p>
          ) : null}
          {item.tally && projectorShowsTally(item, step) ? <VoteTally tally={item.tally} label={t('meeting.tally.title')} chairDecidesTie={view.rules.chairDecidesTie} /> : null}
        </section>
        <section className="projector-summary" aria-labelledby="projector-summary-title">
          <h3 id="projector-summary-title">{t('meeting.projector.summary')}</h3>
          <ol>
            {summaryOf(item.item.evaluation).map((row) => (
              <li
                key={row.criterion.id}
                data-criterion={row.criterion.id}
                data-assessment={row.assessment ?? 'none'}
                aria-current={row.criterion.id === step ? 'step' : undefined}
                className={row.redFlag ? 'row-red-flag' : undefined}
              >
                <span className="projector-criterion">
                  {row.criterion.id}. {row.criterion[lang]}
                </span>
                <strong className={row.assessment ? `assessment-${row.assessment}` : undefined}>
                  {assessmentText(row.assessment, lang)}
                  {row.redFlag ? ` · ${t('meeting.register.flagShort')}` : ''}
                </strong>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}

/**
 * Issue 17: the meeting on the projector, a window of its own (Alt+P on the meeting page). It shows
 * what the secretary's screen shows — the case, the criterion, the assessments and, once voted, the
 * tally of that case — in large type that fits the screen; nothing here can be changed. It learns
 * the position from the meeting page (projectorChannel.ts) and reloads the meeting when the page
 * shows a newer one or the back end reports a change; without a position it says it is waiting.
 */
export function ProjectorPage({ id }: { id: string }) {
  const { lang, t } = useI18n();
  const [view, setView] = useState<MeetingView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [position, setPosition] = useState<ProjectorPosition | null>(null);
  const shown = useRef<number | null>(null);
  const loads = useRef(0);

  const load = useCallback(() => {
    const mine = ++loads.current;
    call('meetings.get', { id }).then(
      (next) => {
        if (mine !== loads.current || (shown.current !== null && next.record.revision < shown.current)) return;
        shown.current = next.record.revision;
        setView(next);
        setError(null);
      },
      (e: unknown) => mine === loads.current && setError(toApiError(e)),
    );
  }, [id]);

  useEffect(load, [load]);
  useEvent(['meetings.changed', 'cases.changed'], load, (event) => event.type === 'cases.changed' || event.payload.id === id);

  useEffect(() => {
    // The page it follows: another window of the meeting closing (a second tab) changes nothing.
    let following: string | null = null;
    const link = openProjectorLink((message) => {
      if (meetingOf(message) !== id) return;
      if (message.kind === 'left') {
        if (endsShowing(message, following)) {
          following = null;
          setPosition(null);
        }
        return;
      }
      if (message.kind !== 'position') return;
      following = message.position.source;
      setPosition(message.position);
      if (projectorBehind(message.position, shown.current)) load();
    });
    // Opened after the secretary moved on (or reloaded): ask where the meeting is.
    link.post({ kind: 'ask', meetingId: id });
    return () => link.close();
  }, [id, load]);

  const heading = view ? t('meeting.projector.meeting', { date: formatDate(view.record.date, lang), time: view.record.time }) : t('meeting.projector.title');
  const item = view && position ? (view.items.find((i) => i.item.caseId === position.caseId) ?? null) : null;
  const behind = view !== null && position !== null && projectorBehind(position, view.record.revision);

  return (
    <section className="projector-page" data-meeting={id} data-position={position ? `${position.caseId ?? ''}|${position.step}` : 'none'} aria-busy={behind || undefined}>
      <div className="projector-head">
        <PageTitle title={heading} />
        {view?.record.state === 'open' ? <p className="projector-quorum">{quorumText(view.quorum, lang)}</p> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {!view ? <p className="projector-message">{t('common.loading')}</p> : null}
      {view && view.record.state !== 'open' ? <p className="projector-message">{t('meeting.projector.notOpen', { state: t(`meeting.state.${view.record.state}`).toLowerCase() })}</p> : null}
      {view?.record.state === 'open' && !position ? (
        <p className="projector-message" role="status">
          {t('meeting.projector.waiting')}
        </p>
      ) : null}
      {view?.record.state === 'open' && position && !item ? <p className="projector-message">{t('meeting.projector.noCase')}</p> : null}
      {view?.record.state === 'open' && position && item ? <ProjectedCase view={view} item={item} step={position.step} /> : null}
    </section>
  );
}
