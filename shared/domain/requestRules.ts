import { compareIso, formatEnDate, formatLtDate, type IsoDate } from './calendar';
import { earliestReapplicationDate, earliestRequestDate } from './deadlines';

/**
 * Rules a request is checked against when it is registered. A flag does not refuse the request:
 * the request is still registered, and the secretary sees the rule and the earliest allowed date.
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
      `Earliest allowed date: ${formatEnDate(earliest)}.`,
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
      `The request was filed less than 3 months after the previous request was refused (${formatEnDate(latestRefusal)}) ` +
      `(V-77 p. 19). Earliest allowed date: ${formatEnDate(earliest)}.`,
  };
}

/** The rules a request breaks, given the dates of earlier refusals of the same convict's requests. */
export function requestFlags(request: RequestDates, refusalDates: readonly IsoDate[]): RequestFlag[] {
  return [tooEarlyForTransfer(request), tooEarlyAfterRefusal(request.requestDate, refusalDates)].filter(
    (flag): flag is RequestFlag => flag !== undefined,
  );
}
