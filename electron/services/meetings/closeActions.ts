import type { AgendaItem, FrozenResult } from '../../../shared/contract/meetingSchemas';
import { CRITERIA } from '../../../shared/domain/criteria';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import { applyMeetingStep, assertMeetingAction } from '../../../shared/domain/meetingStates';
import { ASSESSMENTS, type Assessment } from '../../../shared/domain/evaluation';
import type { ServiceContext, ServiceHandlers } from '../context';
import type { MeetingAccess } from './meetingAccess';
import { amendedOf, onAgenda } from './views';
import { presentFor } from '../../../shared/domain/meetingRules';

/** Closing the meeting (its results frozen, the cases moved) and amending the frozen results afterwards. */
export function closeActions(ctx: ServiceContext, m: MeetingAccess): Pick<ServiceHandlers, 'meetings.close' | 'meetings.amend'> {
  const { view, forChange, saveMeeting, moveCase } = m;
  return {
    'meetings.close': async ({ id, revision }, caller) => {
      const meeting = forChange(id, revision);
      assertMeetingAction(meeting.state, 'close');
      const current = view(meeting);
      if (current.closeProblems.length > 0) {
        throw new DomainError('MEETING_NOT_READY', { problems: current.closeProblems });
      }
      // First the frozen results go into the meeting (it stays open until the cases have moved), so
      // that a close interrupted anywhere is finished by closing again with the same results.
      const at = ctx.now().toISOString();
      const frozenAgenda = current.items.map(({ item, tally: t, caseState, active }): AgendaItem => {
        if (item.frozen) return item; // frozen by an earlier, interrupted close
        const base = {
          rationale: item.rationale,
          evaluation: item.evaluation,
          ballots: item.ballots,
          recusals: item.recusals,
          present: presentFor(meeting, item),
          rejected: item.rejected,
          frozenAt: at,
        };
        const frozen: FrozenResult = !active
          ? { ...base, outcome: 'left', note: caseState ?? 'unreadable' }
          : item.postponed !== undefined
            ? { ...base, outcome: 'postponed', note: item.postponed }
            : { ...base, outcome: 'decided', decision: item.decision, ...(t ? { tally: t } : {}) };
        return { ...item, frozen };
      });
      const freezing = saveMeeting({ ...meeting, agenda: frozenAgenda, revision: meeting.revision + 1, updatedAt: at }, caller, meeting, 'Posėdžio rezultatai užfiksuoti');
      // Then the cases move (each only if it is still on this meeting's agenda), then the meeting closes.
      for (const item of frozenAgenda) {
        if (item.frozen?.outcome === 'left') continue;
        const record = ctx.cases.get(item.caseId); // a case that cannot be read now stops the close; closing again finishes it
        if (!onAgenda(meeting, record)) continue; // moved by an earlier attempt (and maybe on since)
        if (item.frozen?.outcome === 'postponed') moveCase(record, 'ready_for_commission', meeting.date, caller, meeting);
        else if (item.frozen?.outcome === 'decided') moveCase(record, 'decided', meeting.date, caller, meeting, item.frozen.decision);
      }
      const agenda = frozenAgenda;
      const decided = agenda.filter((i) => i.frozen?.outcome === 'decided').length;
      return view(
        saveMeeting({ ...applyMeetingStep(freezing, 'closed', at), revision: freezing.revision + 1 }, caller, freezing, `Posėdis baigtas: priimta sprendimų ${decided}, bylų ${agenda.length}`),
      );
    },

    'meetings.amend': async ({ id, caseId, field, criterion, value, reason }, caller) => {
      const meeting = forChange(id);
      assertMeetingAction(meeting.state, 'amend');
      const item = meeting.agenda.find((i) => i.caseId === caseId);
      const amended = item ? amendedOf(item) : undefined;
      if (!item || !amended || item.frozen?.outcome !== 'decided') {
        throw new DomainError('ITEM_NOT_FOUND', { caseId, amending: true });
      }
      if (field !== 'rationale' && !CRITERIA.some((c) => c.id === criterion)) throw fieldError('criterion', 'required', { why: 'chooseCriterion' });
      if (value.trim() === '') throw fieldError('value', 'required', { why: 'amendmentEmpty' });
      if (field === 'assessment' && !ASSESSMENTS.includes(value as Assessment)) throw fieldError('value', 'invalid', { why: 'chooseAssessment' });
      const before = field === 'rationale' ? amended.rationale : field === 'findings' ? (amended.evaluation[criterion!]?.findings ?? '') : (amended.evaluation[criterion!]?.assessment ?? '');
      if (before === value) throw fieldError('value', 'unchanged', { why: 'asField' });
      const at = ctx.now().toISOString();
      const by = { userId: caller.user?.id ?? '', name: caller.user?.displayName ?? caller.user?.username ?? '' };
      const amendment = { at, by, reason, field, ...(field !== 'rationale' ? { criterion: criterion! } : {}), before, after: value };
      const next = { ...meeting, revision: meeting.revision + 1, updatedAt: at, agenda: meeting.agenda.map((i) => (i === item ? { ...i, amendments: [...i.amendments, amendment] } : i)) };
      return view(saveMeeting(next, caller, meeting, `Byla ${item.caseId}: pataisa (${field}${criterion ? ` ${criterion}` : ''})`));
    },
  };
}
