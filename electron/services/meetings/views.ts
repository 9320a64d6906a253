import type { AgendaCandidate, AgendaItem, AgendaItemView, CommissionRecord, MeetingListItem, MeetingRecord, MeetingView } from '../../../shared/contract/meetingSchemas';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { compareIso, type IsoDate } from '../../../shared/domain/calendar';
import { possibleDecisions } from '../../../shared/domain/decisions';
import { meetingDueDate } from '../../../shared/domain/deadlines';
import { factsOf } from '../../../shared/domain/dossier';
import { rationaleRequired, riskOf, timeLeft, unevaluated, type Evaluation } from '../../../shared/domain/evaluation';
import { DEFAULT_VOTING_RULES, eligibleVoters, membersOn, quorum, tally, type VotingRules } from '../../../shared/domain/voting';
import type { CaseSummary } from '../store/caseStore';
import { servesInHalfwayHouseInstitution } from '../cases/views';

/** The convict and the p. 9 term of a case, as an agenda shows them for a meeting on `date`. */
export function candidateOf(c: Pick<CaseSummary, 'id' | 'convict' | 'facts'> & { request: Pick<CaseSummary['request'], 'requestDate'> }, date: IsoDate): AgendaCandidate {
  const received = c.facts.dossierReceivedOn;
  const due = received !== undefined ? meetingDueDate(received) : undefined;
  return {
    caseId: c.id,
    firstName: c.convict.firstName,
    lastName: c.convict.lastName,
    personalFileNo: c.convict.personalFileNo,
    requestDate: c.request.requestDate,
    ...(received !== undefined ? { dossierReceivedOn: received } : {}),
    ...(due !== undefined ? { meetingDue: due } : {}),
    late: due !== undefined && compareIso(date, due) > 0,
  };
}

/** The membership and rules a meeting works with: its own copy once opened, else the commission's for its date. */
export function commissionOf(meeting: MeetingRecord, commission: CommissionRecord | null): { members: NonNullable<MeetingRecord['members']>; rules: VotingRules } {
  return {
    members: meeting.members ?? membersOn(commission?.members ?? [], meeting.date),
    rules: meeting.rules ?? commission?.rules ?? DEFAULT_VOTING_RULES,
  };
}

/** Whether an item is still the commission's to decide at this meeting (its case has not left the agenda). */
export function onAgenda(meeting: MeetingRecord, record: Pick<CaseRecord, 'state' | 'facts'> | null): boolean {
  return record !== null && record.state === 'scheduled' && record.facts.meetingId === meeting.id;
}

/** Who takes part in one case's vote: those present when it was complete, else the meeting's attendance now. */
export function presentFor(meeting: Pick<MeetingRecord, 'present'>, item: Pick<AgendaItem, 'present'>): string[] {
  return item.present ?? meeting.present;
}

/** The count of one case's vote, or null while no proposal is before the commission. */
export function itemTally(meeting: MeetingRecord, members: MeetingView['members'], rules: VotingRules, item: AgendaItem) {
  if (item.decision === undefined) return null;
  return tally(rules, members, new Set(presentFor(meeting, item)), new Set(item.recusals.map((r) => r.memberId)), item.ballots);
}

/**
 * Keep an item's attendance in step with its vote: once the vote is complete (adopted or rejected)
 * the attendance of that moment is kept with it; while it is open (or without quorum) the meeting's
 * attendance counts.
 */
export function settleAttendance(meeting: MeetingRecord, item: AgendaItem): AgendaItem {
  const { members, rules } = commissionOf(meeting, null);
  const t = itemTally(meeting, members, rules, item);
  const complete = t !== null && (t.status === 'adopted' || t.status === 'rejected');
  if (complete) return item.present ? item : { ...item, present: [...meeting.present] };
  if (!item.present) return item;
  // The vote is open again (a recusal, a ballot taken back): the meeting's attendance counts, and
  // the ballots of members who have left since are taken back.
  const here = new Set(meeting.present);
  const next = { ...item, ballots: Object.fromEntries(Object.entries(item.ballots).filter(([id]) => here.has(id))) };
  delete next.present;
  return settleAttendance(meeting, next);
}

/** The evaluation and rationale after the amendments recorded since the meeting closed. */
export function amendedOf(item: AgendaItem): { evaluation: Evaluation; rationale: string } | undefined {
  if (!item.frozen) return undefined;
  const evaluation: Evaluation = structuredClone(item.frozen.evaluation);
  let rationale = item.frozen.rationale;
  for (const a of item.amendments) {
    if (a.field === 'rationale') rationale = a.after;
    else if (a.criterion) {
      const current = evaluation[a.criterion] ?? { findings: '' };
      evaluation[a.criterion] =
        a.field === 'findings' ? { ...current, findings: a.after } : { ...current, assessment: a.after as NonNullable<typeof current.assessment> };
    }
  }
  return { evaluation, rationale };
}

export interface CloseProblem {
  caseId?: string;
  code: string;
  lt: string;
  en: string;
}

/** What keeps an open meeting from closing: every case on the agenda decided by a vote, or postponed. */
export function closeProblems(meeting: MeetingRecord, items: readonly AgendaItemView[]): CloseProblem[] {
  if (meeting.state !== 'open') {
    return [{ code: 'MEETING_STATE', lt: 'Uždaryti galima tik vykstantį posėdį.', en: 'Only a meeting in progress can be closed.' }];
  }
  const problems: CloseProblem[] = [];
  for (const v of items) {
    const { item, candidate: c } = v;
    if (v.caseState === null && !item.frozen) {
      problems.push({
        caseId: item.caseId,
        code: 'CASE_UNREADABLE',
        lt: `${c.firstName} ${c.lastName}: bylos failas neperskaitomas. Atkurkite jį iš atsarginės kopijos, tada uždarykite posėdį.`,
        en: `${c.firstName} ${c.lastName}: the case file cannot be read. Restore it from a backup, then close the meeting.`,
      });
      continue;
    }
    if (!v.active || item.postponed !== undefined || item.frozen) continue;
    const who = `${c.firstName} ${c.lastName}`;
    const missing = unevaluated(item.evaluation);
    if (item.decision !== undefined && v.tally?.status === 'adopted' && !v.possibleDecisions.includes(item.decision)) {
      problems.push({
        caseId: item.caseId,
        code: 'DECISION_NOT_OPEN',
        lt: `${who}: priimtas sprendimas ${item.decision} šiam nuteistajam negalimas (pasikeitė prašymo duomenys; galimi ${v.possibleDecisions.join(' ir ')}, V-77 10 p.). Atšaukite balsus ir balsuokite dėl galimo sprendimo.`,
        en: `${who}: the adopted decision ${item.decision} is not open for this convict (the request changed; open: ${v.possibleDecisions.join(' and ')}, V-77 p. 10). Take back the votes and vote on an open decision.`,
      });
    } else if (v.tally?.status !== 'adopted') {
      problems.push({
        caseId: item.caseId,
        code: 'NOT_DECIDED',
        lt: `${who}: sprendimas nepriimtas. Balsuokite arba atidėkite bylos svarstymą.`,
        en: `${who}: no decision adopted. Vote, or postpone the case.`,
      });
    } else if (missing.length > 0) {
      problems.push({
        caseId: item.caseId,
        code: 'EVALUATION_INCOMPLETE',
        lt: `${who}: neįvertinta ${missing.join(', ')} (V-77 11 p.).`,
        en: `${who}: ${missing.join(', ')} not evaluated (V-77 p. 11).`,
      });
    } else if (rationaleRequired(item.decision) && item.rationale.trim() === '') {
      problems.push({
        caseId: item.caseId,
        code: 'RATIONALE_REQUIRED',
        lt: `${who}: sprendimas ${item.decision} turi būti motyvuotas – įrašykite motyvus.`,
        en: `${who}: decision ${item.decision} must be reasoned – write the reasons.`,
      });
    }
  }
  return problems;
}

export function toMeetingView(
  meeting: MeetingRecord,
  commission: CommissionRecord | null,
  caseOf: (id: string) => CaseRecord | null,
  candidates: () => AgendaCandidate[],
): MeetingView {
  const { members, rules } = commissionOf(meeting, commission);
  const items = meeting.agenda.map((item): AgendaItemView => {
    const present = new Set(presentFor(meeting, item));
    const record = caseOf(item.caseId);
    const serves = record ? servesInHalfwayHouseInstitution(record) : true;
    const recused = new Set(item.recusals.map((r) => r.memberId));
    const amended = amendedOf(item);
    return {
      item,
      candidate: record ? candidateOf(record, meeting.date) : { caseId: item.caseId, ...item.convict, requestDate: meeting.date, late: false },
      caseState: record?.state ?? null,
      active: onAgenda(meeting, record),
      possibleDecisions: record ? possibleDecisions(serves).map((d) => d.id) : [],
      timeLeft: record ? timeLeft(meeting.date, factsOf(record.dossier?.items ?? {}, '6.6'), record.request) : null,
      risk: record ? riskOf(factsOf(record.dossier?.items ?? {}, '6.1')) : null,
      unevaluated: unevaluated(item.evaluation),
      tally: item.frozen ? (item.frozen.tally ?? null) : itemTally(meeting, members, rules, item),
      eligible: eligibleVoters(members, present, recused).map((m) => m.id),
      ...(amended ? { amended } : {}),
    };
  });
  return {
    record: meeting,
    members,
    rules,
    quorum: quorum(rules, members, new Set(meeting.present)),
    items,
    candidates: meeting.state === 'planned' ? candidates() : [],
    closeProblems: meeting.state === 'open' ? closeProblems(meeting, items) : [],
  };
}

export function toMeetingListItem(meeting: MeetingRecord, caseOf: (id: string) => Pick<CaseSummary, 'id' | 'convict' | 'facts' | 'request'> | null): MeetingListItem {
  return {
    id: meeting.id,
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    state: meeting.state,
    cases: meeting.agenda.length,
    late: meeting.agenda.filter((i) => {
      const c = caseOf(i.caseId);
      return c !== null && candidateOf(c, meeting.date).late;
    }).length,
  };
}
