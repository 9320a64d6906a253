import { randomUUID } from 'node:crypto';
import type { AgendaItem, CommissionRecord, FrozenResult, MeetingRecord } from '../../../shared/contract/meetingSchemas';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { compareIso, type IsoDate } from '../../../shared/domain/calendar';
import { applyCaseStep, CASE_STATE_LABELS } from '../../../shared/domain/caseStates';
import { CRITERIA } from '../../../shared/domain/criteria';
import { possibleDecisions, type DecisionId } from '../../../shared/domain/decisions';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import { applyMeetingStep, assertMeetingAction, plannedMeeting } from '../../../shared/domain/meetingStates';
import { ASSESSMENTS, rationaleRequired, unevaluated, type Assessment } from '../../../shared/domain/evaluation';
import { type Ballot } from '../../../shared/domain/voting';
import type { Call, ServiceContext, ServiceHandlers } from '../context';
import { caseChanges, stampOf } from '../cases/caseChanges';
import { lastStepOn, servesInHalfwayHouseInstitution } from '../cases/views';
import { amendedOf, candidateOf, commissionOf, itemTally, onAgenda, presentFor, settleAttendance, toMeetingListItem, toMeetingView } from './views';

type MeetingHandlers = Pick<
  ServiceHandlers,
  | 'commission.get'
  | 'commission.save'
  | 'meetings.list'
  | 'meetings.candidates'
  | 'meetings.get'
  | 'meetings.schedule'
  | 'meetings.update'
  | 'meetings.cancel'
  | 'meetings.open'
  | 'meetings.setAttendance'
  | 'meetings.recuse'
  | 'meetings.saveCriterion'
  | 'meetings.saveDecision'
  | 'meetings.vote'
  | 'meetings.newVote'
  | 'meetings.postpone'
  | 'meetings.close'
  | 'meetings.amend'
>;


const who = (c: { convict: { firstName: string; lastName: string } }) => `${c.convict.firstName} ${c.convict.lastName}`;

/** A member of the commission the meeting sits with (its own copy of the membership). */
function memberOf(meeting: MeetingRecord, memberId: string) {
  const member = meeting.members?.find((m) => m.id === memberId);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND', 'Tokio nario šio posėdžio sudėtyje nėra.', 'There is no such member in this meeting’s commission.', { memberId });
  return member;
}

/** Once a proposal is adopted, what the members voted on (assessments, reasons) is not changed under them. */
function refuseAfterVote(): never {
  throw new DomainError(
    'VOTE_COMPLETE',
    'Siūlymas jau priimtas balsavimu, todėl įvertinimų ir motyvų keisti nebegalima. Jei komisija nori juos keisti, pirmiausia atšaukite bent vieną balsą ir balsuokite iš naujo.',
    'The proposal has been adopted by vote, so its assessments and reasons can no longer be changed. If the commission wants to change them, take back a vote first and vote again.',
  );
}

export function meetingsHandlers(ctx: ServiceContext): MeetingHandlers {
  const stores = { commission: ctx.commission, meetings: ctx.meetings };
  const { save: saveCase } = caseChanges(ctx);

  const readCase = (id: string): CaseRecord | null => {
    try {
      return ctx.cases.get(id);
    } catch {
      return null; // a damaged or missing case shows as such on the agenda; it is never written over
    }
  };

  /** Cases a meeting on `date` may take: ready for the commission, or on the agenda of no meeting (a crash between the two writes). */
  const candidatesOn = (date: IsoDate, except: ReadonlySet<string> = new Set()) =>
    ctx.cases
      .list()
      .flatMap((c) => (c.summary && !except.has(c.id) && available(c.summary) ? [candidateOf(c.summary, date)] : []))
      .sort((a, b) => (a.meetingDue ?? '9999').localeCompare(b.meetingDue ?? '9999') || a.requestDate.localeCompare(b.requestDate));

  /** Whether a case can go on an agenda: ready, or scheduled for a meeting that does not have it. */
  const available = (c: Pick<CaseRecord, 'id' | 'state' | 'facts'>): boolean => {
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
      throw new DomainError(
        'MEETING_CHANGED',
        'Posėdis ką tik pakeistas kitame lange ar kito naudotojo. Atnaujinkite puslapį ir pakartokite veiksmą.',
        'The meeting was just changed in another window or by another user. Reload the page and try again.',
        { id, revision: meeting.revision },
      );
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
    if (!item) throw new DomainError('ITEM_NOT_FOUND', 'Šios bylos posėdžio darbotvarkėje nėra.', 'This case is not on the meeting’s agenda.', { caseId });
    const record = readCase(caseId);
    if (item.frozen || !onAgenda(meeting, record)) {
      const state = record ? CASE_STATE_LABELS[record.state] : { lt: 'neperskaitoma', en: 'unreadable' };
      throw new DomainError(
        'ITEM_CLOSED',
        `Byla nebesvarstoma šiame posėdyje (jos būsena „${state.lt}“).`,
        `The case is no longer before this meeting (its state is “${state.en}”).`,
        { caseId },
      );
    }
    const next = settleAttendance(meeting, change(item, meeting));
    const at = ctx.now().toISOString();
    const updated = { ...meeting, revision: meeting.revision + 1, updatedAt: at, agenda: meeting.agenda.map((i) => (i === item ? next : i)) };
    return view(saveMeeting(updated, call, meeting, `Byla ${item.caseId}: ${summary(item, meeting)}`));
  };

  /** Move a case for the agenda: onto it (scheduled), or back to the commission's queue. */
  const moveCase = (record: CaseRecord, to: 'scheduled' | 'ready_for_commission' | 'decided', on: IsoDate, call: Call, meeting: MeetingRecord, decision?: DecisionId) => {
    const at = ctx.now().toISOString();
    const facts = { ...record.facts };
    if (to === 'ready_for_commission') delete facts.meetingId;
    else facts.meetingId = meeting.id;
    if (decision) facts.decision = decision;
    const note = to === 'decided' ? `Posėdis ${meeting.date}` : to === 'scheduled' ? `Posėdis ${meeting.date} ${meeting.time}, ${meeting.place}` : `Išbraukta iš posėdžio ${meeting.date} darbotvarkės`;
    const stepped = applyCaseStep({ ...record, facts }, { to, on, note, ...(decision ? { decision } : {}) }, stampOf(call, at));
    const next: CaseRecord = { ...stepped, revision: record.revision + 1 };
    saveCase(next, { lt: 'bylos žingsnis', en: 'the step of the case' }, call, {
      before: record,
      summary: `Būsena „${CASE_STATE_LABELS[record.state].lt}“ → „${CASE_STATE_LABELS[to].lt}“ (posėdis ${meeting.id})`,
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
        throw fieldError(
          'caseIds',
          'caseNotReady',
          `${who(record)}: byla neparengta komisijai arba jau įtraukta į kito posėdžio darbotvarkę (būsena „${CASE_STATE_LABELS[record.state].lt}“).`,
          `${who(record)}: the case is not ready for the commission or is already on another meeting’s agenda (state “${CASE_STATE_LABELS[record.state].en}”).`,
        );
      }
      // Also for a case already on the agenda: a meeting moved earlier cannot precede its scheduling.
      const notBefore = lastStepOn(record);
      if (compareIso(meeting.date, notBefore) < 0) {
        throw fieldError(
          'date',
          'dateOrder',
          `${who(record)}: posėdis negali vykti anksčiau už paskutinį bylos žingsnį (${notBefore}).`,
          `${who(record)}: the meeting cannot be held before the latest step of the case (${notBefore}).`,
        );
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
      throw new DomainError(
        'COMMISSION_REQUIRED',
        'Pirmiausia įrašykite komisijos sudėtį (Komisija): narius, jų pareigas ir vaidmenis.',
        'Set up the commission first (Commission): its members, their positions and roles.',
      );
    }
    return c;
  };

  return {
    'commission.get': async () => stores.commission.get(),

    'commission.save': async ({ revision, members, rules }, caller) => {
      const current = stores.commission.get();
      if ((current?.revision ?? 0) !== revision) {
        throw new DomainError(
          'COMMISSION_CHANGED',
          'Komisijos sudėtis ką tik pakeista kitame lange ar kito naudotojo. Atnaujinkite puslapį ir pakartokite.',
          'The commission was just changed in another window or by another user. Reload the page and try again.',
        );
      }
      // A member an earlier meeting sat with stays on record: membership ends, it is not erased.
      const kept = new Set(members.map((m) => m.id));
      const used = stores.meetings.list().flatMap((m) => (m.members ?? []).map((x) => ({ member: x, meeting: m })));
      const lost = used.find((u) => !kept.has(u.member.id));
      if (lost) {
        throw new DomainError(
          'MEMBER_IN_USE',
          `${lost.member.name} dalyvavo ${lost.meeting.date} posėdžio sudėtyje, todėl neištrinamas. Nurodykite narystės pabaigos datą.`,
          `${lost.member.name} sat on the meeting of ${lost.meeting.date}, so the member is not deleted. Give the date the membership ended.`,
          { memberId: lost.member.id },
        );
      }
      const next: CommissionRecord = { members, rules, revision: revision + 1, updatedAt: ctx.now().toISOString() };
      caller.record({ kind: 'commission' }, current ?? undefined, next, `Komisijos sudėtis ir taisyklės (${members.length} nariai)`, (w) => w.commission.put(next));
      return next;
    },

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
        throw new DomainError(
          'MEETING_NOT_YET',
          `Posėdis numatytas ${meeting.date}; pradėti jį galima tą dieną. Jei posėdis vyksta anksčiau, pirmiausia pakeiskite jo datą.`,
          `The meeting is planned for ${meeting.date}; it can be opened on that day. If it is held earlier, change its date first.`,
        );
      }
      const { members, rules } = commissionOf(meeting, requireCommission());
      if (!members.some((m) => m.votes)) {
        throw new DomainError(
          'COMMISSION_REQUIRED',
          `Posėdžio dieną (${meeting.date}) komisijoje nėra balsuojančių narių. Patikrinkite komisijos sudėtį.`,
          `On the meeting's day (${meeting.date}) the commission has no voting members. Check the commission.`,
        );
      }
      const at = ctx.now().toISOString();
      return view(saveMeeting({ ...applyMeetingStep(meeting, 'open', at), members, rules, revision: meeting.revision + 1 }, caller, meeting, `Posėdis pradėtas (${members.length} nariai)`));
    },

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

    'meetings.recuse': async ({ id, caseId, memberId, recused, reason }, caller) =>
      changeItem(
        id,
        caseId,
        caller,
        () => `narys ${memberId} ${recused ? 'nusišalino' : 'nebenusišalina'}`,
        (item, meeting) => {
          memberOf(meeting, memberId);
          const recusals = item.recusals.filter((r) => r.memberId !== memberId);
          if (!recused) return { ...item, recusals };
          if (!reason) throw fieldError('reason', 'required', 'Nurodykite nusišalinimo priežastį: ji įrašoma į protokolą.', 'Give the reason for the recusal: it goes into the minutes.');
          const ballots = { ...item.ballots };
          delete ballots[memberId];
          return { ...item, recusals: [...recusals, { memberId, reason: reason ?? '' }], ballots };
        },
      ),

    'meetings.saveCriterion': async ({ id, caseId, criterion, findings, assessment, onRegister }, caller) =>
      changeItem(id, caseId, caller, () => `įvertinimas ${criterion}`, (item, meeting) => {
        const current = item.evaluation[criterion] ?? { findings: '' };
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
          throw fieldError('onRegister', 'invalid', 'Įskaita tikrinama tik 11.8 kriterijuje.', 'The register is checked only under criterion 11.8.');
        }
        return { ...item, evaluation: { ...item.evaluation, [criterion]: next } };
      }),

    'meetings.saveDecision': async ({ id, caseId, decision, rationale }, caller) =>
      changeItem(id, caseId, caller, () => (decision === null ? 'siūlomas sprendimas atšauktas' : 'pasirinktas siūlomas sprendimas'), (item, meeting) => {
        if (decision !== null) {
          const record = ctx.cases.get(caseId);
          const open = possibleDecisions(servesInHalfwayHouseInstitution(record)).map((d) => d.id);
          if (!open.includes(decision)) {
            throw fieldError(
              'decision',
              'decisionNotOpen',
              `Šiai bylai galimi tik sprendimai ${open.join(' ir ')} (V-77 10 p.).`,
              `Only decisions ${open.join(' and ')} are open for this case (V-77 p. 10).`,
            );
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
          throw new DomainError(
            'VOTE_IN_PROGRESS',
            'Dėl šio siūlymo jau balsuojama arba jis priimtas, todėl jo pakeisti negalima. Jei reikia balsuoti iš naujo, pirmiausia atšaukite įrašytus balsus.',
            'The vote on this proposal has begun or it was adopted, so it cannot be changed. To vote again, first take back the recorded votes.',
          );
        }
        const rejected = t?.status === 'rejected' ? [...item.rejected, { decision: item.decision!, rationale: item.rationale, ballots: item.ballots, tally: t, at: ctx.now().toISOString() }] : item.rejected;
        const result: AgendaItem = { ...next, ballots: {}, rejected };
        delete result.present;
        if (decision === null) delete result.decision;
        else result.decision = decision;
        return result;
      }),

    'meetings.vote': async ({ id, caseId, memberId, ballot }, caller) =>
      changeItem(id, caseId, caller, () => `narys ${memberId}: ${ballot === null ? 'balsas atšauktas' : 'balsas įrašytas'}`, (item, meeting) => {
        const members = meeting.members ?? [];
        const member = memberOf(meeting, memberId);
        const refuse = (code: string, lt: string, en: string) => {
          throw new DomainError(code, lt, en, { memberId, caseId });
        };
        if (item.postponed !== undefined) return refuse('ITEM_POSTPONED', 'Bylos svarstymas atidėtas; balsuoti negalima.', 'The case was postponed; there is no vote.');
        if (ballot !== null) {
          const { rules } = commissionOf(meeting, null);
          const t = itemTally(meeting, members, rules, item);
          if (item.decision === undefined) return refuse('DECISION_REQUIRED', 'Pirmiausia pasirinkite siūlomą sprendimą (V-77 10 p.).', 'First choose the proposed decision (V-77 p. 10).');
          const open = possibleDecisions(servesInHalfwayHouseInstitution(ctx.cases.get(caseId))).map((d) => d.id);
          if (!open.includes(item.decision)) {
            return refuse(
              'DECISION_NOT_OPEN',
              `Siūlomas sprendimas ${item.decision} šiam nuteistajam negalimas (galimi ${open.join(' ir ')}, V-77 10 p.). Pasirinkite kitą siūlymą.`,
              `The proposed decision ${item.decision} is not open for this convict (open: ${open.join(' and ')}, V-77 p. 10). Choose another proposal.`,
            );
          }
          const missing = unevaluated(item.evaluation);
          if (missing.length > 0) {
            return refuse(
              'EVALUATION_INCOMPLETE',
              `Prieš balsuojant įvertinkite visus kriterijus (V-77 11 p.). Neįvertinta: ${missing.join(', ')}.`,
              `Evaluate every criterion before the vote (V-77 p. 11). Not yet evaluated: ${missing.join(', ')}.`,
            );
          }
          if (rationaleRequired(item.decision) && item.rationale.trim() === '') {
            return refuse('RATIONALE_REQUIRED', `Sprendimas ${item.decision} turi būti motyvuotas: įrašykite motyvus prieš balsavimą.`, `Decision ${item.decision} must be reasoned: write the reasons before the vote.`);
          }
          if (!member.votes) return refuse('MEMBER_NOT_VOTING', `${member.name} komisijoje nebalsuoja.`, `${member.name} does not vote on the commission.`);
          if (!presentFor(meeting, item).includes(memberId)) return refuse('MEMBER_ABSENT', `${member.name} posėdyje nedalyvauja, todėl nebalsuoja.`, `${member.name} is not present, so does not vote.`);
          if (item.recusals.some((r) => r.memberId === memberId)) return refuse('MEMBER_RECUSED', `${member.name} šioje byloje nusišalino, todėl nebalsuoja.`, `${member.name} recused in this case, so does not vote.`);
          if (t && !t.quorum.met) {
            return refuse(
              'QUORUM_MISSING',
              `Nėra kvorumo: šioje byloje gali balsuoti ${t.quorum.taking} iš ${t.quorum.voting} komisijos narių, reikia bent ${t.quorum.needed}. Balsavimas neįrašomas.`,
              `No quorum: ${t.quorum.taking} of the commission's ${t.quorum.voting} members can vote on this case, at least ${t.quorum.needed} are needed. The vote is not recorded.`,
            );
          }
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
          throw new DomainError('VOTE_NOT_REJECTED', 'Naujas balsavimas pradedamas tik tada, kai siūlymas nepriimtas.', 'A new vote starts only after the proposal was not adopted.');
        }
        const next: AgendaItem = { ...item, ballots: {}, rejected: [...item.rejected, { decision: item.decision!, rationale: item.rationale, ballots: item.ballots, tally: t, at: ctx.now().toISOString() }] };
        delete next.decision;
        delete next.present;
        return next;
      }),

    'meetings.postpone': async ({ id, caseId, postponed, reason }, caller) =>
      changeItem(id, caseId, caller, () => (postponed ? 'svarstymas atidėtas' : 'svarstymas nebeatidėtas'), (item) => {
        if (postponed && !reason) throw fieldError('reason', 'required', 'Nurodykite, kodėl bylos svarstymas atidedamas.', 'Give the reason the case is postponed.');
        if (postponed && Object.keys(item.ballots).length > 0) {
          throw new DomainError(
            'VOTE_IN_PROGRESS',
            'Dėl šios bylos jau balsuojama arba sprendimas priimtas, todėl svarstymo atidėti negalima. Jei reikia, pirmiausia atšaukite įrašytus balsus.',
            'The vote on this case has begun or the decision was adopted, so it cannot be postponed. If needed, first take back the recorded votes.',
          );
        }
        const next: AgendaItem = { ...item };
        if (postponed) next.postponed = reason!;
        else delete next.postponed;
        return next;
      }),

    'meetings.close': async ({ id, revision }, caller) => {
      const meeting = forChange(id, revision);
      assertMeetingAction(meeting.state, 'close');
      const current = view(meeting);
      if (current.closeProblems.length > 0) {
        throw new DomainError(
          'MEETING_NOT_READY',
          `Posėdžio dar negalima uždaryti: ${current.closeProblems.map((p) => p.lt).join(' ')}`,
          `The meeting cannot be closed yet: ${current.closeProblems.map((p) => p.en).join(' ')}`,
          { problems: current.closeProblems },
        );
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
        throw new DomainError('ITEM_NOT_FOUND', 'Šioje byloje posėdis sprendimo nepriėmė, todėl taisyti nėra ko.', 'The meeting adopted no decision on this case, so there is nothing to amend.', { caseId });
      }
      if (field !== 'rationale' && !CRITERIA.some((c) => c.id === criterion)) throw fieldError('criterion', 'required', 'Pasirinkite kriterijų.', 'Choose the criterion.');
      if (value.trim() === '') throw fieldError('value', 'required', 'Įrašykite pataisytą tekstą: ištrinti užfiksuoto rezultato negalima.', 'Write the corrected text: a frozen result cannot be erased.');
      if (field === 'assessment' && !ASSESSMENTS.includes(value as Assessment)) throw fieldError('value', 'invalid', 'Pasirinkite įvertinimą.', 'Choose the assessment.');
      const before = field === 'rationale' ? amended.rationale : field === 'findings' ? (amended.evaluation[criterion!]?.findings ?? '') : (amended.evaluation[criterion!]?.assessment ?? '');
      if (before === value) throw fieldError('value', 'unchanged', 'Naujas tekstas toks pat kaip dabartinis.', 'The new text is the same as the current one.');
      const at = ctx.now().toISOString();
      const by = { userId: caller.user?.id ?? '', name: caller.user?.displayName ?? caller.user?.username ?? '' };
      const amendment = { at, by, reason, field, ...(field !== 'rationale' ? { criterion: criterion! } : {}), before, after: value };
      const next = { ...meeting, revision: meeting.revision + 1, updatedAt: at, agenda: meeting.agenda.map((i) => (i === item ? { ...i, amendments: [...i.amendments, amendment] } : i)) };
      return view(saveMeeting(next, caller, meeting, `Byla ${item.caseId}: pataisa (${field}${criterion ? ` ${criterion}` : ''})`));
    },
  };
}
