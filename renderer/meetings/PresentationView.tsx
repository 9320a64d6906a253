import type { AgendaItemView, MeetingView } from '../../shared/contract/meetingSchemas';
import { DECISIONS } from '../../shared/domain/decisions';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { draftKey, useMeetingDesk } from './meetingDesk';
import { isCriterionStep, type MeetingStep } from './meetingSteps';
import { redFlagOf } from './meetingSummary';
import { assessmentText, quorumText } from './meetingWording';
import { useStepTitle } from './EvaluationSteps';
import { VoteTally } from './VotePanel';

/**
 * What the room reads on the projector: the case before the commission, the criterion (or the
 * proposal) on screen, its assessment, and the count of the vote, in large type.
 */
export function PresentationView({ view, item, step }: { view: MeetingView; item: AgendaItemView | null; step: MeetingStep }) {
  const { lang, t } = useI18n();
  const desk = useMeetingDesk();
  const title = useStepTitle();
  const decision = item ? DECISIONS.find((d) => d.id === item.item.decision) : undefined;
  const criterion = item && isCriterionStep(step) ? item.item.evaluation[step] : undefined;
  const findings = item && isCriterionStep(step) ? (desk.draft(draftKey.findings(item.item.caseId, step)) ?? criterion?.findings ?? '') : '';

  return (
    <section className="presentation-view" aria-label={t('meeting.presentation.region')} data-presentation="on">
      <p className="presentation-meeting">
        {t('meeting.presentation.meeting', { date: formatDate(view.record.date, lang), time: view.record.time })} · {quorumText(view.quorum, lang)}
      </p>
      {item ? (
        <>
          <p className="presentation-case">
            {item.candidate.lastName} {item.candidate.firstName}
            <span className="presentation-file"> · {item.candidate.personalFileNo}</span>
          </p>
          {redFlagOf(item.item.evaluation) ? (
            <p className="red-flag">
              <strong>{t('meeting.redFlag')}</strong>
            </p>
          ) : null}
          <p className="presentation-step">{title(step)}</p>
          {isCriterionStep(step) ? (
            <>
              <p className={`presentation-assessment assessment-${criterion?.assessment ?? 'none'}`} data-assessment={criterion?.assessment ?? 'none'}>
                {t('meeting.presentation.assessment')}: <strong>{assessmentText(criterion?.assessment, lang)}</strong>
              </p>
              {findings !== '' ? <p className="presentation-findings">{findings}</p> : null}
            </>
          ) : null}
          {decision ? (
            <p className="presentation-decision">
              {t('meeting.vote.proposal')}: <strong>{t('decision.option', { id: decision.id, text: decision[lang] })}</strong>
            </p>
          ) : null}
          {item.tally ? <VoteTally tally={item.tally} label={t('meeting.tally.title')} chairDecidesTie={view.rules.chairDecidesTie} /> : null}
        </>
      ) : (
        <p className="presentation-step">{t('meeting.presentation.noCase')}</p>
      )}
    </section>
  );
}
