import type { CaseListItem, CaseRecord, CaseView } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/calendar';
import { caseRouteOf, correctableStep, isMeetingStep, nextStates, stepMeans, type StepMeans } from '../../../shared/domain/caseStates';
import { possibleDecisions } from '../../../shared/domain/decisions';
import { caseDeadlines, nextDeadline } from '../../../shared/domain/deadlines';
import { personalFileKey } from '../../../shared/domain/personalFile';
import { requestFlags } from '../../../shared/domain/requestRules';
import type { CaseSummary, StoredCase } from '../store/caseStore';
import { dossierViewOf } from './dossierViews';

/**
 * Dates of the convict's refusals on other cases, decided on or before `requestDate` (V-77 p. 19):
 * whatever the state the case is in now (a refusal by another institution leaves our case "dossier
 * sent", p. 8); an annulled refusal is no longer on its case (reopening removes it, p. 51).
 */
export function refusalDates(convictCases: readonly CaseSummary[], requestDate: IsoDate, exceptId?: string): IsoDate[] {
  return convictCases
    .filter((c) => c.id !== exceptId && c.facts.refusedOn !== undefined && c.facts.refusedOn <= requestDate)
    .map((c) => c.facts.refusedOn!);
}

/** Cases with a refusal (V-77 p. 19) grouped by convict, built once for a whole list. */
export function refusedByConvict(cases: readonly StoredCase[]): Map<string, CaseSummary[]> {
  const index = new Map<string, CaseSummary[]>();
  for (const { summary: s } of cases) {
    if (!s || s.facts.refusedOn === undefined) continue;
    const key = personalFileKey(s.convict.personalFileNo);
    const known = index.get(key);
    if (known) known.push(s);
    else index.set(key, [s]);
  }
  return index;
}

/**
 * The terms of a case (V-77 p. 7, 9, 19, 20, 32; seed 001). An index summary written before issue 14
 * lacks the possible parole date, from which the release milestones count back: until the case is
 * written again, the list does not show them (the case page does).
 */
export function deadlinesOf({ state, request, facts }: Pick<CaseSummary, 'state' | 'request' | 'facts'>, today: IsoDate) {
  return caseDeadlines(
    {
      state,
      requestDate: request.requestDate,
      possibleTransferDate: request.possibleTransferDate,
      dossierReceivedOn: facts.dossierReceivedOn,
      dossierExtensionDays: facts.dossierExtensionDays,
      refusedOn: facts.refusedOn,
      ...(facts.departure !== undefined ? { departure: facts.departure } : {}),
      ...(facts.placeReportedOn !== undefined ? { placeReportedOn: facts.placeReportedOn } : {}),
      ...(facts.arrival !== undefined ? { arrival: facts.arrival } : {}),
      ...(facts.intensivePlanOn !== undefined ? { intensivePlanOn: facts.intensivePlanOn } : {}),
      ...(facts.lastReviewOn !== undefined ? { lastReviewOn: facts.lastReviewOn } : {}),
      ...(request.possibleParoleDate !== undefined ? { possibleParoleDate: request.possibleParoleDate } : {}),
      ...(facts.socialWorkerFrom !== undefined ? { socialWorkerFrom: facts.socialWorkerFrom } : {}),
      ...(facts.municipalityNoticeOn !== undefined ? { municipalityNoticeOn: facts.municipalityNoticeOn } : {}),
      ...(facts.probationListOn !== undefined ? { probationListOn: facts.probationListOn } : {}),
    },
    today,
  );
}

function flagsOf(s: Pick<CaseSummary, 'id' | 'request'>, convictCases: readonly CaseSummary[]) {
  return requestFlags(s.request, convictCases.length === 0 ? NO_DATES : refusalDates(convictCases, s.request.requestDate, s.id));
}

const NO_DATES: readonly IsoDate[] = [];
const NO_CASES: readonly CaseSummary[] = [];

export function toListItem(c: StoredCase, refused: ReadonlyMap<string, readonly CaseSummary[]>, today: IsoDate): CaseListItem {
  const s = c.summary;
  if (!s) {
    return {
      id: c.id,
      damaged: c.damaged ?? { lt: 'nežinoma priežastis', en: 'unknown reason' },
      firstName: '',
      lastName: '',
      personalFileNo: '',
      servingInstitution: '',
      requestDate: null,
      possibleTransferDate: null,
      state: null,
      flags: [],
      updatedAt: '',
    };
  }
  // Called for every case of the list (10,000 at a cold start): no spreads or arrays it does not need.
  const next = nextDeadline(deadlinesOf(s, today));
  const convictCases = refused.size === 0 ? NO_CASES : (refused.get(personalFileKey(s.convict.personalFileNo)) ?? NO_CASES);
  const flags = flagsOf(s, convictCases);
  const item: CaseListItem = {
    id: s.id,
    firstName: s.convict.firstName,
    lastName: s.convict.lastName,
    personalFileNo: s.convict.personalFileNo,
    servingInstitution: s.request.servingInstitution.name,
    requestDate: s.request.requestDate,
    possibleTransferDate: s.request.possibleTransferDate,
    state: s.state,
    flags: flags.length === 0 ? [] : flags.map((f) => f.rule),
    updatedAt: s.updatedAt,
  };
  if (c.damaged !== undefined) item.damaged = c.damaged;
  if (next) item.nextDeadline = next;
  return item;
}

/** Whether the convict serves in the institution that runs the requested halfway house (V-77 p. 10). */
export function servesInHalfwayHouseInstitution(record: CaseRecord): boolean {
  return record.request.servingInstitution.id === record.request.halfwayHouse.id;
}

/** The date of the first step after registration, if any. */
export function firstStepOn(record: CaseRecord): IsoDate | undefined {
  return record.timeline.find((e) => e.kind === 'state' && e.on !== undefined)?.on;
}

/**
 * The date of the latest step in force (or of the request): the next step cannot be dated earlier.
 * A correction undoes the step before it, so the floor goes back to the step before the undone one
 * (the true step may then be recorded at its real date), never to the day the correction was made.
 * A reopening is a step, dated the day the appeal's decision was received (V-77 p. 51).
 */
export function lastStepOn(record: CaseRecord): IsoDate {
  const dates: (IsoDate | undefined)[] = [];
  for (const e of record.timeline) {
    if (e.kind === 'corrected') dates.pop();
    else if (e.kind === 'state' || e.kind === 'reopened') dates.push(e.on);
  }
  return dates.findLast((d) => d !== undefined) ?? record.request.requestDate;
}

/**
 * The steps the procedure allows from here; the step to the commission only with a complete
 * dossier (V-77 p. 8): a received dossier that completes goes there by itself. The agenda and the
 * decision are the meetings' (V-77 p. 9–10).
 */
/** The steps the step form offers: those taken by hand, and the listing of a case decided before the app listed cases itself. */
const BY_HAND: readonly StepMeans[] = ['hand', 'system'];

function offeredSteps(record: CaseRecord, dossierComplete: boolean) {
  return nextStates(record.state, record.facts.decision, caseRouteOf(record.request)).filter(
    (s) => (s !== 'ready_for_commission' || dossierComplete) && !isMeetingStep(record.state, s) && BY_HAND.includes(stepMeans(record.state, s)),
  );
}

export function toCaseView(record: CaseRecord, convictCases: readonly CaseSummary[], today: IsoDate, maxDocumentBytes: number, appealable: CaseView['appealable'] = []): CaseView {
  const serves = servesInHalfwayHouseInstitution(record);
  const dossier = dossierViewOf(record, today, maxDocumentBytes);
  const correctable = correctableStep(record);
  return {
    record,
    deadlines: deadlinesOf(record, today),
    flags: flagsOf(record, convictCases),
    nextStates: offeredSteps(record, dossier.complete),
    servesInHalfwayHouseInstitution: serves,
    route: caseRouteOf(record.request),
    ...(correctable ? { correctable } : {}),
    appealable,
    possibleDecisions: possibleDecisions(serves).map((d) => d.id),
    lastStepOn: lastStepOn(record),
    dossier,
  };
}
