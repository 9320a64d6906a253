import { useState } from 'react';
import { MEETING_TEXT_MAX, type AgendaItemView } from '../../shared/contract/meetingSchemas';
import type { DecisionId } from '../../shared/domain/decisions';
import { rationaleRequired } from '../../shared/domain/evaluation';
import { call, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useI18n } from '../i18n/I18nProvider';
import { draftKey, useMeetingDesk } from './meetingDesk';
import { AutoText, ChoiceGroup, ReadOnlyValue } from './meetingFields';
import { decisionOptions } from './meetingSteps';
import { decisionBase } from '../../shared/domain/meetingRules';

/**
 * The proposal put to the vote: one of the two decisions open for this convict (V-77 p. 10), and
 * its reasons — mandatory for a refusal (10.2, 10.4; p. 15–16 motivated decisions).
 */
export function VoteDecision({ item, readOnly }: { item: AgendaItemView; readOnly: boolean }) {
  const { lang, t } = useI18n();
  const desk = useMeetingDesk();
  const [error, setError] = useState<ApiError | null>(null);
  const caseId = item.item.caseId;
  const options = decisionOptions(item.possibleDecisions).map((d) => ({ value: d.id, label: t('decision.option', { id: d.id, text: d[lang] }) }));
  const shownDecision = (desk.canWrite ? desk.draft(draftKey.decision(caseId)) : undefined) ?? item.item.decision ?? '';
  const mandatory = rationaleRequired(shownDecision === '' ? undefined : (shownDecision as DecisionId));
  const shownNow = () => decisionBase(desk.itemOf(caseId)?.item ?? item.item);
  const editable = desk.canWrite && !readOnly;
  const voted = Object.keys(item.item.ballots).length > 0;

  return (
    <div className="decision-step">
      <ChoiceGroup
        id={`decision-${caseId}`}
        className="decision-group"
        legend={t('meeting.decision.legend')}
        hint={editable && voted ? t('meeting.decision.changeClears') : t('meeting.decision.hint')}
        required
        draftKey={draftKey.decision(caseId)}
        value={item.item.decision ?? ''}
        options={options}
        readOnly={!editable}
        save={(v) => call('meetings.saveDecision', { id: desk.meetingId, caseId, decision: v as DecisionId, basedOn: shownNow() })}
        onResult={setError}
      />
      {editable ? (
        <AutoText
          id={`rationale-${caseId}`}
          label={t('meeting.rationale')}
          hint={mandatory ? t('meeting.rationale.mandatory') : t('meeting.rationale.hint')}
          required={mandatory}
          draftKey={draftKey.rationale(caseId)}
          value={item.item.rationale}
          maxLength={MEETING_TEXT_MAX}
          rows={6}
          save={(rationale, base) => call('meetings.saveDecision', { id: desk.meetingId, caseId, decision: shownNow().decision, rationale, basedOn: { ...shownNow(), rationale: base } })}
        />
      ) : (
        <ReadOnlyValue label={t('meeting.rationale')}>
          <p className="meeting-text">{item.item.rationale === '' ? t('common.none') : item.item.rationale}</p>
        </ReadOnlyValue>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
