import { TIMELINE_NOTES } from '../../../shared/domain/timelineNotes';
import type { AgendaItem, CommissionRecord, MeetingRecord } from '../../../shared/contract/meetingSchemas';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { compareIso, type IsoDate } from '../../../shared/domain/calendar';
import { applyCaseStep, CASE_STATE_LABELS, caseRouteOf } from '../../../shared/domain/caseStates';
import { type DecisionId } from '../../../shared/domain/decisions';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import type { JsonValue } from '../../../shared/domain/errorTexts';
import { assertMeetingAction } from '../../../shared/domain/meetingStates';
import type { Call, ServiceContext } from '../context';
import { caseChanges, stampOf } from '../cases/caseChanges';
import { lastStepOn } from '../cases/views';
import { candidateOf, onAgenda, toMeetingView } from './views';
import { settleAttendance } from '../../../shared/domain/meetingRules';


/** A full case record (with the request), not an index summary. */
function isRecord(c: { request?: unknown }): c is { request: CaseRecord['request'] } {
  const r = c.request as Partial<CaseRecord['request']> | undefined;
  return r !== undefined && r.halfwayHouse !== undefined && r.servingInstitution !== undefined && 'id' in r.halfwayHouse && 'id' in r.servingInstitution;
}

export const who = (c: { convict: { firstName: string; lastName: string } }) => `${c.convict.firstName} ${c.convict.lastName}`;

/** A member of the commission the meeting sits with (its own copy of the membership). */
export function memberOf(meeting: MeetingRecord, memberId: string) {
  const member = meeting.members?.find((m) => m.id === memberId);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND', { memberId });
  return member;
}

/** Once a proposal is adopted, what the members voted on (assessments, reasons) is not changed under them. */
export function refuseAfterVote(): never {
  throw new DomainError('VOTE_COMPLETE');
}

/**
 * A change based on values another window changed meanwhile (issue 13, no silent overwrites):
 * refused, with the fields and what they hold now, so the page shows the other user's text.
 */
export function staleFields(id: string, caseId: string, changed: readonly string[], current: { readonly [key: string]: JsonValue }): DomainError {
  return new DomainError('STALE_REVISION', { kind: 'meeting', id, caseId, changed: [...changed], current });
}

/**
 * What the meeting actions share: reading the cases and meetings, the candidates for an agenda,
 * the view, and the writes of a meeting and of the cases it moves (each through the call's door).
 */
export function meetingAccess(ctx: ServiceContext) {
  const stores = { commission: ctx.commission, meetings: ctx.meetings };
  const { save: saveCase } = caseChanges(ctx);

  const readCase = (id: string): CaseRecord | null => {
    try {
      return ctx.cases.get(id);
    } catch {
      return null; // a damaged or missing case shows as such on the agenda; it is never written over
    }
  };

  /**
   * Whether our commission decides the case (V-77 p. 5–8): not one whose dossier goes to another
   * institution's commission. The index does not know the route, so the few cases that are
   * otherwise available are read (a damaged one is not offered).
   */
  const ourCommissionDecides = (id: string): boolean => {
    const record = readCase(id);
    return record !== null && caseRouteOf(record.request) !== 'sends';
  };

  /** Cases a meeting on `date` may take: ready for the commission, or on the agenda of no meeting (a crash between the two writes). */
  const candidatesOn = (date: IsoDate, except: ReadonlySet<string> = new Set()) =>
    ctx.cases
      .list()
      .flatMap((c) => (c.summary && !except.has(c.id) && available(c.summary) && ourCommissionDecides(c.id) ? [candidateOf(c.summary, date)] : []))
      .sort((a, b) => (a.meetingDue ?? '9999').localeCompare(b.meetingDue ?? '9999') || a.requestDate.localeCompare(b.requestDate));

  /**
   * Whether a case can go on an agenda: ready, or scheduled for a meeting that does not have it; and,
   * for a full record, one our commission decides (V-77 p. 8: never a dossier sent to another's).
   */
  const available = (c: Pick<CaseRecord, 'id' | 'state' | 'facts'> & { request?: unknown }): boolean => {
    if (isRecord(c) && caseRouteOf(c.request) === 'sends') return false;
    if (c.state === 'ready_for_commission') return true;
    if (c.state !== 'scheduled') return false;
    const id = c.facts.meetingId;
    if (id !== undefined && stores.meetings.damagedIds().includes(id)) return false; // kept until its meeting file is restored
    const holder = id === undefined ? undefined : stores.meetings.list().find((m) => m.id === id);
    return !holder || holder.state === 'cancelled' || holder.state === 'closed' || !holder.agenda.some((i) => i.caseId === c.id);
  };

  const view = (meeting: MeetingRecord) =>
    toMeetingView(meeting, stores.commission.get(), readCase, () => candidatesOn(meeting.date, new Set(meeting.agenda.map((i) => i.caseId))));

  const forChange = (id: string, revision?: number): MeetingRecord => {
    const meeting = stores.meetings.get(id);
    if (revision !== undefined && meeting.revision !== revision) {
      throw new DomainError('MEETING_CHANGED', { id, revision: meeting.revision });
    }
    return meeting;
  };

  const saveMeeting = (next: MeetingRecord, call: Call, before: MeetingRecord | undefined, summary: string): MeetingRecord => {
    call.record({ kind: 'meeting', id: next.id }, before, next, summary, (w) => w.meetings.put(next));
    return next;
  };

  /** A change to an open meeting's agenda item, written at once (the meeting is saved as it is typed). */
  const changeItem = (
    id: string,
    caseId: string,
    call: Call,
    summary: (item: AgendaItem, meeting: MeetingRecord) => string,
    change: (item: AgendaItem, meeting: MeetingRecord) => AgendaItem,
  ) => {
    const meeting = forChange(id);
    assertMeetingAction(meeting.state, 'changeRecords');
    const item = meeting.agenda.find((i) => i.caseId === caseId);
    if (!item) throw new DomainError('ITEM_NOT_FOUND', { caseId });
    const record = readCase(caseId);
    if (item.frozen || !onAgenda(meeting, record)) throw new DomainError('ITEM_CLOSED', { caseId, state: record?.state ?? null });
    const next = settleAttendance(meeting, change(item, meeting));
    const at = ctx.now().toISOString();
    const updated = { ...meeting, revision: meeting.revision + 1, updatedAt: at, agenda: meeting.agenda.map((i) => (i === item ? next : i)) };
    return view(saveMeeting(updated, call, meeting, `Byla ${item.caseId}: ${summary(item, meeting)}`));
  };

  /**
   * Move a case for the agenda: onto it (scheduled), or back to the commission's queue; or decided
   * at the meeting's close. A convict proposed for transfer (10.1, 10.3) is entered on the list the
   * same day by the decision itself (V-77 p. 12), in the same write.
   */
  const moveCase = (record: CaseRecord, to: 'scheduled' | 'ready_for_commission' | 'decided', on: IsoDate, call: Call, meeting: MeetingRecord, decision?: DecisionId) => {
    const at = ctx.now().toISOString();
    const facts = { ...record.facts };
    if (to === 'ready_for_commission') delete facts.meetingId;
    else facts.meetingId = meeting.id;
    if (decision) facts.decision = decision;
    const note = to === 'decided' ? TIMELINE_NOTES.decided(meeting.date) : to === 'scheduled' ? TIMELINE_NOTES.scheduled(meeting.date, meeting.time, meeting.place) : TIMELINE_NOTES.removedFromAgenda(meeting.date);
    const stamp = stampOf(call, at);
    // A case still "scheduled" for a meeting that does not have it (a crash between the two writes,
    // or a meeting since cancelled or closed without it) goes back to the commission's queue first.
    const from =
      record.state === 'scheduled' && to === 'scheduled'
        ? applyCaseStep({ ...record, facts }, { to: 'ready_for_commission', on, note: TIMELINE_NOTES.notOnEarlierAgenda() }, stamp)
        : { ...record, facts };
    const decided = applyCaseStep(from, { to, on, note, ...(decision ? { decision } : {}) }, stamp);
    const lists = to === 'decided' && (decided.facts.decision === '10.1' || decided.facts.decision === '10.3');
    const stepped = lists
      ? applyCaseStep({ ...decided, facts: { ...decided.facts, listedOn: on } }, { to: 'listed', on, note: TIMELINE_NOTES.listed() }, stamp)
      : decided;
    const next: CaseRecord = { ...stepped, revision: record.revision + 1 };
    const listed = lists ? ` → „${CASE_STATE_LABELS.listed.lt}“ (V-77 12 p.)` : '';
    saveCase(next, 'caseStep', call, {
      before: record,
      summary: `Būsena „${CASE_STATE_LABELS[record.state].lt}“ → „${CASE_STATE_LABELS[to].lt}“${listed} (posėdis ${meeting.id})`,
    });
  };

  /** Check the cases for an agenda on `date` and put the new ones on it (they are written before the meeting). */
  const takeOnAgenda = (caseIds: readonly string[], meeting: MeetingRecord, call: Call): AgendaItem[] => {
    const unique = [...new Set(caseIds)];
    const existing = new Map(meeting.agenda.map((i) => [i.caseId, i]));
    const records = unique.map((id) => {
      const record = existing.has(id) ? readCase(id) : ctx.cases.get(id);
      if (!record) return null;
      if (!existing.has(id) && !available(record)) {
        throw fieldError('caseIds', 'caseNotReady', { why: 'caseNotReady', convict: who(record), state: record.state });
      }
      // Also for a case already on the agenda: a meeting moved earlier cannot precede its scheduling.
      const notBefore = lastStepOn(record);
      if (compareIso(meeting.date, notBefore) < 0) {
        throw fieldError('date', 'dateOrder', { why: 'meetingBeforeLastStep', convict: who(record), notBefore });
      }
      return record;
    });
    const today = ctx.today();
    const on = compareIso(meeting.date, today) < 0 ? meeting.date : today;
    records.forEach((record) => {
      if (record && !existing.has(record.id) && !(record.state === 'scheduled' && record.facts.meetingId === meeting.id)) moveCase(record, 'scheduled', on, call, meeting);
    });
    return unique.map(
      (id, k) =>
        existing.get(id) ?? {
          caseId: id,
          convict: { firstName: records[k]!.convict.firstName, lastName: records[k]!.convict.lastName, personalFileNo: records[k]!.convict.personalFileNo },
          recusals: [],
          evaluation: {},
          rationale: '',
          ballots: {},
          rejected: [],
          amendments: [],
        },
    );
  };

  /** Cases taken off a planned agenda go back to the commission's queue. */
  const releaseCases = (items: readonly AgendaItem[], meeting: MeetingRecord, call: Call) => {
    for (const item of items) {
      const record = readCase(item.caseId);
      if (record && onAgenda(meeting, record)) moveCase(record, 'ready_for_commission', ctx.today(), call, meeting);
    }
  };

  const requireCommission = (): CommissionRecord => {
    const c = stores.commission.get();
    if (!c || c.members.length === 0) {
      throw new DomainError('COMMISSION_REQUIRED');
    }
    return c;
  };
  return { stores, readCase, candidatesOn, available, view, forChange, saveMeeting, changeItem, moveCase, takeOnAgenda, releaseCases, requireCommission };
}

export type MeetingAccess = ReturnType<typeof meetingAccess>;
