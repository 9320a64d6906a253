import { useState } from 'react';
import { MEETING_TEXT_MAX, type AgendaItemView, type MeetingView, type TallyView } from '../../shared/contract/meetingSchemas';
import { DECISIONS } from '../../shared/domain/decisions';
import { ballotBase, memberObstacle, proposalObstacles, recusalBase } from '../../shared/domain/meetingRules';
import { BALLOTS, type Ballot } from '../../shared/domain/voting';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { draftKey, useMeetingDesk } from './meetingDesk';
import { AutoText, ChoiceGroup } from './meetingFields';
import { ballotText, tallyCountsText, tallyNeededText, tallyStatusText, tallyTieText } from './meetingWording';

/** The live count of a vote: the outcome in words, the numbers, what it takes (a tie included), and a tie the chair decided. */
export function VoteTally({ tally, label, chairDecidesTie }: { tally: TallyView; label: string; chairDecidesTie: boolean }) {
  const { lang } = useI18n();
  const tie = tallyTieText(tally, lang);
  return (
    <div className={`vote-tally tally-${tally.status}`} data-status={tally.status} role="status" aria-label={label}>
      <p className="tally-status">
        <strong>{tallyStatusText(tally, lang)}</strong>
      </p>
      <p className="tally-counts">{tallyCountsText(tally, lang)}</p>
      <p className="tally-needed field-hint">{tallyNeededText(tally, lang, chairDecidesTie)}</p>
      {tie ? <p className="tally-tie">{tie}</p> : null}
    </div>
  );
}

/** Whether a member recused in this case: their draft while it is being saved, else the record. */
function useRecused(item: AgendaItemView) {
  const desk = useMeetingDesk();
  return (memberId: string) => {
    const draft = desk.canWrite ? desk.draft(draftKey.recused(item.item.caseId, memberId)) : undefined;
    return draft === undefined ? item.item.recusals.some((r) => r.memberId === memberId) : draft === 'yes';
  };
}

/** A member with a conflict of interest recuses for this case and does not vote on it (DESIGN §1). */
function Recusals({ view, item, editable, onError }: { view: MeetingView; item: AgendaItemView; editable: boolean; onError(e: ApiError | null): void }) {
  const { t } = useI18n();
  const desk = useMeetingDesk();
  const caseId = item.item.caseId;
  const recused = useRecused(item);
  const [pending, setPending] = useState<string[]>([]);
  const present = new Set(view.record.present);
  const shown = view.members.filter((m) => present.has(m.id) || recused(m.id));

  if (!editable) {
    return item.item.recusals.length === 0 ? (
      <p className="field-hint">{t('meeting.recusal.none')}</p>
    ) : (
      <ul className="recusal-list">
        {item.item.recusals.map((r) => (
          <li key={r.memberId}>{t('meeting.recusal.entry', { name: view.members.find((m) => m.id === r.memberId)?.name ?? r.memberId, reason: r.reason || t('common.none') })}</li>
        ))}
      </ul>
    );
  }
  // What a recusal change is based on: the member's recusal as the page shows it now.
  const recusalShown = (memberId: string) => recusalBase(desk.itemOf(caseId)?.item ?? item.item, memberId);
  // Checking the box opens the reason (the minutes record it); the recusal is recorded with it.
  const record = (memberId: string, reason: string) =>
    desk.run(() => call('meetings.recuse', { id: desk.meetingId, caseId, memberId, recused: true, reason, basedOn: recusalShown(memberId) })).then(
      () => {
        setPending((p) => p.filter((x) => x !== memberId));
        onError(null);
      },
      (err: unknown) => onError(toApiError(err)),
    );
  const withdraw = (memberId: string) =>
    desk
      .choose(draftKey.recused(caseId, memberId), 'no', () => call('meetings.recuse', { id: desk.meetingId, caseId, memberId, recused: false, basedOn: recusalShown(memberId) }))
      .then(
        () => onError(null),
        (err: unknown) => onError(toApiError(err)),
      );
  return (
    <ul className="recusal-list">
      {shown.map((m) => {
        const recorded = recused(m.id);
        const asking = !recorded && pending.includes(m.id);
        const id = `recused-${caseId}-${m.id}`;
        const reasonId = `recusal-reason-${caseId}-${m.id}`;
        return (
          <li key={m.id} data-member={m.id} data-recused={recorded}>
            <div className="check">
              <input
                type="checkbox"
                id={id}
                checked={recorded || asking}
                onChange={(e) => {
                  if (e.target.checked) setPending((p) => [...p, m.id]);
                  else if (asking) setPending((p) => p.filter((x) => x !== m.id));
                  else void withdraw(m.id);
                }}
              />
              <label htmlFor={id}>{t('meeting.recusal.label', { name: m.name })}</label>
            </div>
            {asking ? (
              <form
                className="recusal-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const reason = new FormData(e.currentTarget).get('reason');
                  void record(m.id, typeof reason === 'string' ? reason : '');
                }}
              >
                <label htmlFor={reasonId}>{t('meeting.recusal.reason', { name: m.name })}</label>
                <input id={reasonId} name="reason" type="text" required maxLength={MEETING_TEXT_MAX} autoFocus />
                <button type="submit" className="button-secondary">
                  {t('meeting.recusal.record')}
                </button>
              </form>
            ) : recorded ? (
              <AutoText
                id={reasonId}
                label={t('meeting.recusal.reason', { name: m.name })}
                draftKey={draftKey.recusalReason(caseId, m.id)}
                value={item.item.recusals.find((r) => r.memberId === m.id)?.reason ?? ''}
                maxLength={MEETING_TEXT_MAX}
                rows={2}
                save={(reason, base) => call('meetings.recuse', { id: desk.meetingId, caseId, memberId: m.id, recused: true, reason, basedOn: { recused: true, reason: base } })}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

interface VotePanelProps {
  view: MeetingView;
  item: AgendaItemView;
  readOnly: boolean;
  onChooseDecision(): void;
}

/**
 * The vote on the proposal (DESIGN §1): recusals for this case, then a ballot for each member who
 * votes on it, and the live count. The back end refuses a vote without a quorum and says why.
 */
export function VotePanel({ view, item, readOnly, onChooseDecision }: VotePanelProps) {
  const { lang, t } = useI18n();
  const desk = useMeetingDesk();
  const [error, setError] = useState<ApiError | null>(null);
  const caseId = item.item.caseId;
  const editable = desk.canWrite && !readOnly;
  const decision = DECISIONS.find((d) => d.id === item.item.decision);
  const recused = useRecused(item);
  const present = new Set(view.record.present);
  const eligible = new Set(item.eligible);
  const options = BALLOTS.map((b) => ({ value: b, label: ballotText(b, lang) }));
  const nameOf = (id: string) => view.members.find((m) => m.id === id)?.name ?? id;

  // The same rules the back end refuses a vote by (shared/domain/meetingRules), so the page warns of exactly those.
  const recusedNow = new Set(view.members.filter((m) => recused(m.id)).map((m) => m.id));
  const whyNot = (m: MeetingView['members'][number]) => {
    switch (memberObstacle(m, present, recusedNow)) {
      case 'MEMBER_NOT_VOTING':
        return t('meeting.vote.notVoting');
      case 'MEMBER_ABSENT':
        return t('meeting.vote.absent');
      case 'MEMBER_RECUSED':
        return t('meeting.vote.recused');
      default:
        return t('meeting.vote.notEligible');
    }
  };
  const obstacles = proposalObstacles(item.item, item.possibleDecisions);
  const unevaluated = obstacles.find((o) => o.code === 'EVALUATION_INCOMPLETE');
  const notOpen = obstacles.find((o) => o.code === 'DECISION_NOT_OPEN');
  const noReasons = obstacles.find((o) => o.code === 'RATIONALE_REQUIRED');

  return (
    <div className="vote-step">
      {decision ? (
        <p className="vote-proposal" data-decision={decision.id}>
          {t('meeting.vote.proposal')}: <strong>{t('decision.option', { id: decision.id, text: decision[lang] })}</strong>
        </p>
      ) : (
        <div className="notice notice-warning">
          <p>{t('meeting.vote.noDecision')}</p>
          <button type="button" className="button-secondary" onClick={onChooseDecision}>
            {t('meeting.vote.chooseDecision')}
          </button>
        </div>
      )}
      {notOpen ? <p className="notice notice-warning">{t('meeting.vote.decisionNotOpen', { decision: notOpen.decision, open: notOpen.open.join(', ') })}</p> : null}
      {unevaluated ? <p className="notice notice-warning">{t('meeting.vote.unevaluated', { criteria: unevaluated.missing.join(', ') })}</p> : null}
      {noReasons ? <p className="notice notice-warning">{t('meeting.vote.rationaleMissing', { decision: noReasons.decision })}</p> : null}

      <section className="vote-recusals" aria-labelledby={`recusals-${caseId}`}>
        <h4 id={`recusals-${caseId}`}>{t('meeting.recusal.title')}</h4>
        <Recusals view={view} item={item} editable={editable} onError={setError} />
      </section>

      {decision ? (
        <section className="vote-ballots" aria-labelledby={`ballots-${caseId}`}>
          <h4 id={`ballots-${caseId}`}>{t('meeting.vote.title')}</h4>
          {error ? <ErrorNotice error={error} /> : null}
          <ul className="ballot-list">
            {view.members.map((m) => {
              const ballot = item.item.ballots[m.id] as Ballot | undefined;
              return (
                <li key={m.id} data-member={m.id} data-eligible={eligible.has(m.id)}>
                  {eligible.has(m.id) ? (
                    <ChoiceGroup
                      id={`ballot-${caseId}-${m.id}`}
                      className="ballot-group"
                      legend={m.name}
                      draftKey={draftKey.ballot(caseId, m.id)}
                      value={ballot ?? ''}
                      options={options}
                      readOnly={!editable}
                      save={(v) => call('meetings.vote', { id: desk.meetingId, caseId, memberId: m.id, ballot: v as Ballot, basedOn: ballotBase(desk.itemOf(caseId)?.item ?? item.item, m.id) })}
                      onResult={setError}
                    />
                  ) : (
                    <p className="ballot-absent">
                      <span className="ballot-name">{m.name}</span> – <span className="field-hint">{whyNot(m)}</span>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {item.tally ? <VoteTally tally={item.tally} label={t('meeting.tally.title')} chairDecidesTie={view.rules.chairDecidesTie} /> : null}
          {editable && item.tally?.status === 'rejected' ? (
            <button
              type="button"
              className="button-secondary"
              onClick={() =>
                desk.run(() => call('meetings.newVote', { id: desk.meetingId, caseId })).then(
                  () => {
                    setError(null);
                    onChooseDecision();
                  },
                  (e: unknown) => setError(toApiError(e)),
                )
              }
            >
              {t('meeting.vote.newVote')}
            </button>
          ) : null}
        </section>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : null}

      {item.item.rejected.length > 0 ? (
        <section aria-labelledby={`rejected-${caseId}`}>
          <h4 id={`rejected-${caseId}`}>{t('meeting.vote.rejectedTitle')}</h4>
          <ul className="rejected-votes">
            {item.item.rejected.map((r) => (
              <li key={r.at}>
                {t('meeting.vote.rejectedEntry', { decision: r.decision, at: formatMoment(r.at, lang), counts: ballotsSummary(r.ballots, nameOf, lang) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** "Vardenis Pavardenis – už; …" */
export function ballotsSummary(ballots: Readonly<Record<string, Ballot>>, nameOf: (id: string) => string, lang: 'lt' | 'en'): string {
  return Object.entries(ballots)
    .map(([id, b]) => `${nameOf(id)} – ${ballotText(b, lang)}`)
    .join('; ');
}
