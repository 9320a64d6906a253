import type { AgendaCandidate, AgendaItem, AgendaItemView, CommissionRecord, MeetingListItem, MeetingRecord, MeetingView } from '../../../shared/contract/meetingSchemas';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { compareIso, type IsoDate } from '../../../shared/domain/calendar';
import { possibleDecisions } from '../../../shared/domain/decisions';
import { meetingDueDate } from '../../../shared/domain/deadlines';
import { factsOf } from '../../../shared/domain/dossier';
import { riskOf, timeLeft, unevaluated, type Evaluation } from '../../../shared/domain/evaluation';
import { amended, closeObstacle, commissionOf, itemTally, presentFor } from '../../../shared/domain/meetingRules';
import { CLOSE_PROBLEM_TEXTS, closeObstacleText } from '../../../shared/domain/errorTexts/meetings';
import { eligibleVoters, quorum } from '../../../shared/domain/voting';
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

/** Whether an item is still the commission's to decide at this meeting (its case has not left the agenda). */
export function onAgenda(meeting: MeetingRecord, record: Pick<CaseRecord, 'state' | 'facts'> | null): boolean {
  return record !== null && record.state === 'scheduled' && record.facts.meetingId === meeting.id;
}

/** The evaluation and rationale after the amendments recorded since the meeting closed. */
export function amendedOf(item: AgendaItem): { evaluation: Evaluation; rationale: string } | undefined {
  return item.frozen ? amended(item.frozen, item.amendments) : undefined;
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
    return [{ code: 'MEETING_STATE', ...CLOSE_PROBLEM_TEXTS.notOpen }];
  }
  const problems: CloseProblem[] = [];
  for (const v of items) {
    const { item, candidate: c } = v;
    if (v.caseState === null && !item.frozen) {
      problems.push({ caseId: item.caseId, code: 'CASE_UNREADABLE', ...CLOSE_PROBLEM_TEXTS.caseUnreadable(`${c.firstName} ${c.lastName}`) });
      continue;
    }
    if (!v.active || item.postponed !== undefined || item.frozen) continue;
    const obstacle = closeObstacle(item, v.tally, v.possibleDecisions);
    if (obstacle) problems.push({ caseId: item.caseId, code: obstacle.code, ...closeObstacleText(obstacle, `${c.firstName} ${c.lastName}`) });
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
