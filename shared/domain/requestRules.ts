import { compareIso, formatLtDate, type IsoDate } from './calendar';
import type { CaseState } from './caseStates';
import { earliestReapplicationDate, earliestRequestDate } from './deadlines';
import { CASE_STATE_LABELS } from './stateLabels';

/**
 * Rules a request is checked against when it is registered. A flag does not refuse the request:
 * the request is still registered, and the secretary sees the rule and the earliest allowed date.
 * Dates in the texts are written one way per language: '2026 m. sausio 1 d.' and ISO (issue 17).
 */
export interface RequestFlag {
  rule: 'p5' | 'p19';
  /** The V-77 point, e.g. '5'. */
  point: string;
  earliestAllowed: IsoDate;
  lt: string;
  en: string;
}

export interface RequestDates {
  requestDate: IsoDate;
  possibleTransferDate: IsoDate;
}

/** V-77 p. 5: not earlier than 2 months before the day the convict may be transferred. */
function tooEarlyForTransfer(request: RequestDates): RequestFlag | undefined {
  const earliest = earliestRequestDate(request.possibleTransferDate);
  if (compareIso(request.requestDate, earliest) >= 0) return undefined;
  return {
    rule: 'p5',
    point: '5',
    earliestAllowed: earliest,
    lt:
      'Prašymas pateiktas anksčiau nei likus 2 mėnesiams iki galimo perkėlimo dienos (V-77 5 p.). ' +
      `Anksčiausia leistina data – ${formatLtDate(earliest)}`,
    en:
      'The request was filed more than 2 months before the possible transfer day (V-77 p. 5). ' +
      `Earliest allowed date: ${earliest}.`,
  };
}

/** V-77 p. 19: after a refusal, not earlier than 3 months from the day of the refusal. */
function tooEarlyAfterRefusal(requestDate: IsoDate, refusalDates: readonly IsoDate[]): RequestFlag | undefined {
  const latestRefusal = refusalDates.reduce<IsoDate | undefined>(
    (latest, d) => (latest !== undefined && compareIso(latest, d) >= 0 ? latest : d),
    undefined,
  );
  if (latestRefusal === undefined) return undefined;
  const earliest = earliestReapplicationDate(latestRefusal);
  if (compareIso(requestDate, earliest) >= 0) return undefined;
  return {
    rule: 'p19',
    point: '19',
    earliestAllowed: earliest,
    lt:
      `Prašymas pateiktas nepraėjus 3 mėnesiams nuo sprendimo netenkinti ankstesnio prašymo (${formatLtDate(latestRefusal)}) ` +
      `(V-77 19 p.). Anksčiausia leistina data – ${formatLtDate(earliest)}`,
    en:
      `The request was filed less than 3 months after the previous request was refused (${latestRefusal}) ` +
      `(V-77 p. 19). Earliest allowed date: ${earliest}.`,
  };
}

/** The rules a request breaks, given the dates of earlier refusals of the same convict's requests. */
export function requestFlags(request: RequestDates, refusalDates: readonly IsoDate[]): RequestFlag[] {
  return [tooEarlyForTransfer(request), tooEarlyAfterRefusal(request.requestDate, refusalDates)].filter(
    (flag): flag is RequestFlag => flag !== undefined,
  );
}

/** The open case of the same convict that a new request would duplicate (issue 17: flagged while the request is typed). */
export interface DuplicateFlag {
  rule: 'duplicate';
  caseId: string;
  personalFileNo: string;
  firstName: string;
  lastName: string;
  requestDate: IsoDate;
  state: CaseState;
  lt: string;
  en: string;
}

export interface OpenCase {
  id: string;
  convict: { firstName: string; lastName: string; personalFileNo: string };
  request: { requestDate: IsoDate };
  state: CaseState;
}

/**
 * A convict's request is handled one at a time: while another case of the same personal file is
 * open, a new request is not registered (the back end refuses it with CASE_DUPLICATE); the form
 * says so as soon as the personal file number is typed.
 */
export function duplicateFlag(open: OpenCase): DuplicateFlag {
  const { firstName, lastName, personalFileNo } = open.convict;
  const { requestDate } = open.request;
  const state = CASE_STATE_LABELS[open.state];
  return {
    rule: 'duplicate',
    caseId: open.id,
    personalFileNo,
    firstName,
    lastName,
    requestDate,
    state: open.state,
    lt:
      `Šio nuteistojo (asmens byla ${personalFileNo}) prašymas jau nagrinėjamas: ${firstName} ${lastName}, ` +
      `prašymas ${formatLtDate(requestDate)}, būsena „${state.lt}“. Naujas prašymas registruojamas, kai ankstesnis baigtas.`,
    en:
      `A request of this convict (personal file ${personalFileNo}) is already under way: ${firstName} ${lastName}, ` +
      `request of ${requestDate}, state “${state.en}”. A new request is registered once the earlier one has ended.`,
  };
}
