import { randomUUID } from 'node:crypto';
import type { MeetingRecord } from '../../../shared/contract/meetingSchemas';
import { compareIso } from '../../../shared/domain/calendar';
import { DomainError } from '../../../shared/domain/errors';
import { applyMeetingStep, assertMeetingAction, plannedMeeting } from '../../../shared/domain/meetingStates';
import type { ServiceContext, ServiceHandlers } from '../context';
import type { MeetingAccess } from './meetingAccess';
import { toMeetingListItem } from './views';
import { commissionOf } from '../../../shared/domain/meetingRules';

/** The meeting before it sits (V-77 p. 9): the list, the agenda's candidates, planning, cancelling and opening. */
export function planActions(ctx: ServiceContext, m: MeetingAccess): Pick<ServiceHandlers, 'meetings.list' | 'meetings.candidates' | 'meetings.get' | 'meetings.schedule' | 'meetings.update' | 'meetings.cancel' | 'meetings.open'> {
  const { stores, candidatesOn, view, forChange, saveMeeting, takeOnAgenda, releaseCases, requireCommission } = m;
  return {
    'meetings.list': async () => {
      const summaries = new Map(ctx.cases.list().flatMap((c) => (c.summary ? [[c.id, c.summary] as const] : [])));
      const meetings = stores.meetings
        .list()
        .sort((a, b) => b.date.localeCompare(a.date) || b.time.localeCompare(a.time))
        .map((m) => toMeetingListItem(m, (id) => summaries.get(id) ?? null));
      return { today: ctx.today(), meetings };
    },

    'meetings.candidates': async ({ date }) => candidatesOn(date),

    'meetings.get': async ({ id }) => view(stores.meetings.get(id)),

    'meetings.schedule': async ({ date, time, place, caseIds }, caller) => {
      const at = ctx.now().toISOString();
      const draft: MeetingRecord = plannedMeeting({ id: randomUUID(), revision: 1, createdAt: at, updatedAt: at, date, time, place, present: [], agenda: [] });
      // The cases first: a crash before the meeting is written leaves them offered again (candidatesOn).
      const agenda = takeOnAgenda(caseIds, draft, caller);
      return view(saveMeeting({ ...draft, agenda }, caller, undefined, `Suplanuotas posėdis ${date} ${time}, bylų: ${agenda.length}`));
    },

    'meetings.update': async ({ id, revision, date, time, place, caseIds }, caller) => {
      const meeting = forChange(id, revision);
      assertMeetingAction(meeting.state, 'changePlan');
      const moved = { ...meeting, date, time, place };
      const agenda = takeOnAgenda(caseIds, moved, caller);
      releaseCases(
        meeting.agenda.filter((i) => !caseIds.includes(i.caseId)),
        meeting,
        caller,
      );
      const at = ctx.now().toISOString();
      return view(saveMeeting({ ...moved, agenda, revision: meeting.revision + 1, updatedAt: at }, caller, meeting, `Pakeistas posėdžio planas: ${date} ${time}, bylų: ${agenda.length}`));
    },

    'meetings.cancel': async ({ id, revision, reason }, caller) => {
      const meeting = forChange(id, revision);
      assertMeetingAction(meeting.state, 'cancel');
      releaseCases(meeting.agenda, meeting, caller);
      const at = ctx.now().toISOString();
      return view(saveMeeting({ ...applyMeetingStep(meeting, 'cancelled', at), cancelReason: reason, revision: meeting.revision + 1 }, caller, meeting, 'Posėdis atšauktas'));
    },

    'meetings.open': async ({ id, revision }, caller) => {
      const meeting = forChange(id, revision);
      assertMeetingAction(meeting.state, 'open');
      if (compareIso(meeting.date, ctx.today()) > 0) {
        throw new DomainError('MEETING_NOT_YET', { date: meeting.date });
      }
      const { members, rules } = commissionOf(meeting, requireCommission());
      if (!members.some((m) => m.votes)) {
        throw new DomainError('COMMISSION_REQUIRED', { date: meeting.date });
      }
      const at = ctx.now().toISOString();
      return view(saveMeeting({ ...applyMeetingStep(meeting, 'open', at), members, rules, revision: meeting.revision + 1 }, caller, meeting, `Posėdis pradėtas (${members.length} nariai)`));
    },
  };
}
