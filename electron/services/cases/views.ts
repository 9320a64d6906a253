import type { CaseListItem, CaseRecord, CaseView } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/calendar';
import { nextStates } from '../../../shared/domain/caseStates';
import { caseDeadlines, nextDeadline } from '../../../shared/domain/deadlines';
import { requestFlags } from '../../../shared/domain/requestRules';
import type { CaseSummary, StoredCase } from '../store/caseStore';

/** Dates of refusals per convict (personal file number), for the p. 19 check. */
export type RefusalIndex = ReadonlyMap<string, readonly { caseId: string; on: IsoDate }[]>;

export function refusalIndex(cases: readonly StoredCase[]): RefusalIndex {
  const index = new Map<string, { caseId: string; on: IsoDate }[]>();
  for (const c of cases) {
    const s = c.summary;
    if (!s || s.state !== 'refused' || !s.facts.refusedOn) continue;
    const key = fileKey(s.convict.personalFileNo);
    index.set(key, [...(index.get(key) ?? []), { caseId: s.id, on: s.facts.refusedOn }]);
  }
  return index;
}

/** Personal file numbers are compared without case or spacing differences. */
export function fileKey(personalFileNo: string): string {
  return personalFileNo.replace(/\s+/g, '').toLocaleUpperCase('lt');
}

/** Refusals of the same convict on another case, decided before this request (V-77 p. 19). */
function priorRefusals(s: CaseSummary, refusals: RefusalIndex): IsoDate[] {
  return (refusals.get(fileKey(s.convict.personalFileNo)) ?? [])
    .filter((r) => r.caseId !== s.id && r.on <= s.request.requestDate)
    .map((r) => r.on);
}

function deadlinesOf(s: CaseSummary, today: IsoDate) {
  return caseDeadlines({ state: s.state, ...s.request, ...s.facts }, today);
}

export function flagsOf(s: CaseSummary, refusals: RefusalIndex) {
  return requestFlags(s.request, priorRefusals(s, refusals));
}

export function toListItem(c: StoredCase, refusals: RefusalIndex, today: IsoDate): CaseListItem {
  const s = c.summary;
  if (!s) {
    return {
      id: c.id,
      damaged: c.damaged ?? 'nežinoma priežastis',
      firstName: '',
      lastName: '',
      personalFileNo: '',
      servingInstitution: '',
      requestDate: null,
      possibleTransferDate: null,
      state: null,
      flagged: false,
      updatedAt: '',
    };
  }
  const next = nextDeadline(deadlinesOf(s, today));
  return {
    id: s.id,
    ...(c.damaged !== undefined ? { damaged: c.damaged } : {}),
    firstName: s.convict.firstName,
    lastName: s.convict.lastName,
    personalFileNo: s.convict.personalFileNo,
    servingInstitution: s.request.servingInstitution.name,
    requestDate: s.request.requestDate,
    possibleTransferDate: s.request.possibleTransferDate,
    state: s.state,
    ...(next ? { nextDeadline: next } : {}),
    flagged: flagsOf(s, refusals).length > 0,
    updatedAt: s.updatedAt,
  };
}

export function toCaseView(record: CaseRecord, refusals: RefusalIndex, today: IsoDate): CaseView {
  return {
    record,
    deadlines: deadlinesOf(record, today),
    flags: flagsOf(record, refusals),
    nextStates: nextStates(record.state),
    servesInHalfwayHouseInstitution: record.request.servingInstitution.id === record.request.halfwayHouse.id,
  };
}
