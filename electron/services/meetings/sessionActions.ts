import type { AgendaItem } from '../../../shared/contract/meetingSchemas';
import { possibleDecisions } from '../../../shared/domain/decisions';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import { assertMeetingAction } from '../../../shared/domain/meetingStates';
import { type Ballot } from '../../../shared/domain/voting';
import type { ServiceContext, ServiceHandlers } from '../context';
import type { MeetingAccess } from './meetingAccess';
import { memberOf, refuseAfterVote, staleFields } from './meetingAccess';
import { servesInHalfwayHouseInstitution } from '../cases/views';
import { ballotBase, commissionOf, criterionBase, decisionBase, itemTally, memberObstacle, mergeFields, postponementBase, presentFor, proposalObstacles, recusalBase, settleAttendance } from '../../../shared/domain/meetingRules';

/** The meeting in session (V-77 p. 10–11): attendance, recusals, the evaluation, the proposal, the vote and postponing a case. */
export function sessionActions(ctx: ServiceContext, m: MeetingAccess): Pick<ServiceHandlers, 'meetings.setAttendance' | 'meetings.recuse' | 'meetings.saveCriterion' | 'meetings.saveDecision' | 'meetings.vote' | 'meetings.newVote' | 'meetings.postpone'> {
  const { view, forChange, saveMeeting, changeItem } = m;
  return {
    'meetings.setAttendance': async ({ id, memberId, present }, caller) => {
      const meeting = forChange(id);
      assertMeetingAction(meeting.state, 'markAttendance');
      const member = memberOf(meeting, memberId);
      const set = new Set(meeting.present);
      if (present) set.add(memberId);
      else set.delete(memberId);
      const attendance = (meeting.members ?? []).filter((m) => set.has(m.id)).map((m) => m.id);
      const moved = { ...meeting, present: attendance };
      // A vote already complete keeps the attendance it had; in a vote still open, a member who
      // leaves does not vote, so their ballot is taken back.
      const agenda = meeting.agenda.map((i) => {
        if (i.frozen || i.present) return i;
        if (present || !(memberId in i.ballots)) return settleAttendance(moved, i);
        const ballots = { ...i.ballots };
        delete ballots[memberId];
        return settleAttendance(moved, { ...i, ballots });
      });
      const at = ctx.now().toISOString();
      const next = { ...moved, agenda, revision: meeting.revision + 1, updatedAt: at };
      return view(saveMeeting(next, caller, meeting, `narys ${member.id}: ${present ? 'dalyvauja' : 'nedalyvauja'}`));
    },

    'meetings.recuse': async ({ id, caseId, memberId, basedOn, ...mine }, caller) =>
      changeItem(
        id,
        caseId,
        caller,
        () => `narys ${memberId} ${mine.recused ? 'nusišalino' : 'nebenusišalina'}`,
        (item, meeting) => {
          memberOf(meeting, memberId);
          const given = { recused: mine.recused, ...(mine.reason !== undefined ? { reason: mine.reason } : {}) };
          const { merged, conflicts } = mergeFields(recusalBase(item, memberId), basedOn, given);
          if (conflicts.length > 0) throw staleFields(meeting.id, caseId, conflicts.map((f) => `recusals.${memberId}.${f}`), recusalBase(item, memberId));
          const { recused, reason } = merged;
          const recusals = item.recusals.filter((r) => r.memberId !== memberId);
          if (!recused) return { ...item, recusals };
          if (!reason) throw fieldError('reason', 'required', { why: 'recusalReason' });
          const ballots = { ...item.ballots };
          delete ballots[memberId];
          return { ...item, recusals: [...recusals, { memberId, reason: reason ?? '' }], ballots };
        },
      ),

    'meetings.saveCriterion': async ({ id, caseId, criterion, basedOn, ...mine }, caller) =>
      changeItem(id, caseId, caller, () => `įvertinimas ${criterion}`, (item, meeting) => {
        const current = item.evaluation[criterion] ?? { findings: '' };
        // Merged per field with what another window saved meanwhile; a conflict is refused, not overwritten.
        const given = { ...(mine.findings !== undefined ? { findings: mine.findings } : {}), ...(mine.assessment !== undefined ? { assessment: mine.assessment } : {}), ...(mine.onRegister !== undefined ? { onRegister: mine.onRegister } : {}) };
        const { merged, conflicts } = mergeFields(criterionBase(item, criterion), basedOn, given);
        if (conflicts.length > 0) throw staleFields(meeting.id, caseId, conflicts.map((f) => `evaluation.${criterion}.${f}`), criterionBase(item, criterion));
        const { findings } = merged;
        const assessment = mine.assessment === undefined && merged.assessment === (current.assessment ?? null) ? undefined : merged.assessment;
        const onRegister = mine.onRegister === undefined && merged.onRegister === (current.onRegister ?? null) ? undefined : merged.onRegister;
        const { members, rules } = commissionOf(meeting, null);
        const changesAssessment =
          (assessment !== undefined && (assessment ?? undefined) !== current.assessment) || (onRegister !== undefined && (onRegister ?? undefined) !== current.onRegister);
        if (changesAssessment && itemTally(meeting, members, rules, item)?.status === 'adopted') refuseAfterVote();
        const next = { ...current, findings };
        if (assessment === null) delete next.assessment;
        else if (assessment !== undefined) next.assessment = assessment;
        if (criterion === '11.8') {
          if (onRegister === null) delete next.onRegister;
          else if (onRegister !== undefined) next.onRegister = onRegister;
        } else if (onRegister !== undefined && onRegister !== null) {
          throw fieldError('onRegister', 'invalid', { why: 'registerOnlyUnder118' });
        }
        return { ...item, evaluation: { ...item.evaluation, [criterion]: next } };
      }),

    'meetings.saveDecision': async ({ id, caseId, basedOn, ...mine }, caller) =>
      changeItem(id, caseId, caller, () => (mine.decision === null ? 'siūlomas sprendimas atšauktas' : 'pasirinktas siūlomas sprendimas'), (item, meeting) => {
        const given = { decision: mine.decision, ...(mine.rationale !== undefined ? { rationale: mine.rationale } : {}) };
        const { merged, conflicts } = mergeFields(decisionBase(item), basedOn, given);
        // Reasons are written for a proposal: new reasons over a proposal another window changed meanwhile conflict too.
        const reasonsForOther = given.rationale !== undefined && given.rationale !== basedOn.rationale && item.decision !== (basedOn.decision ?? undefined);
        if (reasonsForOther && !conflicts.includes('decision')) conflicts.unshift('decision');
        if (conflicts.length > 0) throw staleFields(meeting.id, caseId, conflicts, decisionBase(item));
        const { decision, rationale } = merged;
        if (decision !== null) {
          const record = ctx.cases.get(caseId);
          const open = possibleDecisions(servesInHalfwayHouseInstitution(record)).map((d) => d.id);
          if (!open.includes(decision)) {
            throw fieldError('decision', 'decisionNotOpen', { why: 'decisionNotOpen', open });
          }
        }
        const { members, rules } = commissionOf(meeting, null);
        const t = itemTally(meeting, members, rules, item);
        const voting = Object.keys(item.ballots).length > 0;
        // What the members voted on is not changed under them: the reasons of an adopted proposal stay.
        if (t?.status === 'adopted' && rationale !== item.rationale) refuseAfterVote();
        const next = { ...item, rationale };
        if ((decision ?? undefined) === item.decision) return next;
        // Another proposal is another vote: only after the vote on this one was lost (it stays on record).
        if (voting && t?.status !== 'rejected') {
          throw new DomainError('VOTE_IN_PROGRESS', { refused: 'proposal' });
        }
        const rejected = t?.status === 'rejected' ? [...item.rejected, { decision: item.decision!, rationale: item.rationale, ballots: item.ballots, tally: t, at: ctx.now().toISOString() }] : item.rejected;
        const result: AgendaItem = { ...next, ballots: {}, rejected };
        delete result.present;
        if (decision === null) delete result.decision;
        else result.decision = decision;
        return result;
      }),

    'meetings.vote': async ({ id, caseId, memberId, ballot: given, basedOn }, caller) =>
      changeItem(id, caseId, caller, () => `narys ${memberId}: ${given === null ? 'balsas atšauktas' : 'balsas įrašytas'}`, (item, meeting) => {
        const { merged, conflicts } = mergeFields({ ballot: ballotBase(item, memberId) }, { ballot: basedOn }, { ballot: given });
        if (conflicts.length > 0) throw staleFields(meeting.id, caseId, [`ballots.${memberId}`], { ballot: ballotBase(item, memberId) });
        // A ballot the user did not change (given = basedOn) keeps whatever is recorded now.
        const { ballot } = merged;
        const members = meeting.members ?? [];
        const member = memberOf(meeting, memberId);
        const whose = { memberId, caseId };
        // The rules the meeting page warns with (shared/domain/meetingRules), in the same order.
        if (item.postponed !== undefined) throw new DomainError('ITEM_POSTPONED', whose);
        if (ballot !== null) {
          const open = possibleDecisions(servesInHalfwayHouseInstitution(ctx.cases.get(caseId))).map((d) => d.id);
          const [proposal] = proposalObstacles(item, open);
          if (proposal) {
            const { code, ...params } = proposal;
            throw new DomainError(code, { ...params, ...whose });
          }
          const absent = memberObstacle(member, new Set(presentFor(meeting, item)), new Set(item.recusals.map((r) => r.memberId)));
          if (absent) throw new DomainError(absent, { name: member.name, ...whose });
          const { rules } = commissionOf(meeting, null);
          const t = itemTally(meeting, members, rules, item);
          if (t && !t.quorum.met) throw new DomainError('QUORUM_MISSING', { taking: t.quorum.taking, voting: t.quorum.voting, needed: t.quorum.needed, ...whose });
        }
        const ballots: Record<string, Ballot> = { ...item.ballots };
        if (ballot === null) delete ballots[memberId];
        else ballots[memberId] = ballot;
        return { ...item, ballots };
      }),

    'meetings.newVote': async ({ id, caseId }, caller) =>
      changeItem(id, caseId, caller, () => 'naujas balsavimas po nepriimto siūlymo', (item, meeting) => {
        const { members, rules } = commissionOf(meeting, null);
        const t = itemTally(meeting, members, rules, item);
        if (t?.status !== 'rejected') {
          throw new DomainError('VOTE_NOT_REJECTED');
        }
        const next: AgendaItem = { ...item, ballots: {}, rejected: [...item.rejected, { decision: item.decision!, rationale: item.rationale, ballots: item.ballots, tally: t, at: ctx.now().toISOString() }] };
        delete next.decision;
        delete next.present;
        return next;
      }),

    'meetings.postpone': async ({ id, caseId, basedOn, ...mine }, caller) =>
      changeItem(id, caseId, caller, () => (mine.postponed ? 'svarstymas atidėtas' : 'svarstymas nebeatidėtas'), (item, meeting) => {
        const given = { postponed: mine.postponed, ...(mine.reason !== undefined ? { reason: mine.reason } : {}) };
        const { merged, conflicts } = mergeFields(postponementBase(item), basedOn, given);
        if (conflicts.length > 0) throw staleFields(meeting.id, caseId, conflicts.map((f) => `postponed.${f}`), postponementBase(item));
        const { postponed, reason } = merged;
        if (postponed && !reason) throw fieldError('reason', 'required', { why: 'postponeReason' });
        if (postponed && Object.keys(item.ballots).length > 0) {
          throw new DomainError('VOTE_IN_PROGRESS', { refused: 'postponement' });
        }
        const next: AgendaItem = { ...item };
        if (postponed) next.postponed = reason!;
        else delete next.postponed;
        return next;
      }),
  };
}
