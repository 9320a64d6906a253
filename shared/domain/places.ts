/**
 * The halfway house's places and the list of convicts proposed for transfer (V-77 p. 4, 12–14, 20),
 * derived from the cases alone: nothing here is stored twice. A convict occupies a place from the
 * arrival (p. 24) until the day they leave (on parole, at the end of the sentence, by a transfer
 * elsewhere, or returned, p. 44–46): on that day the place is free again. A place is held for a
 * convict whose transfer is ordered (p. 13, 17) or submitted to the Prison Department (p. 14) until
 * they arrive, so that two acts never promise one place.
 */
import { compareIso, type IsoDate } from './calendar';
import type { CaseState } from './caseStates';
import type { DecisionId } from './decisions';
import { placeReportDueDate } from './deadlines';

/** A dated change of the number of places; the base number applies before the first. */
export interface CapacityChangeFacts {
  readonly from: IsoDate;
  readonly places: number;
}

/** What the places and the list need of a case (its index summary has all of it). */
export interface PlaceCase {
  readonly id: string;
  readonly state: CaseState;
  readonly requestDate: IsoDate;
  readonly firstName: string;
  readonly lastName: string;
  readonly facts: {
    readonly decision?: DecisionId;
    readonly listedOn?: IsoDate;
    readonly arrival?: { readonly on: IsoDate };
    readonly departure?: { readonly on: IsoDate; readonly how: string };
    readonly placeReportedOn?: IsoDate;
  };
}

/** The number of places on `date`: the latest change dated on or before it, else the base. */
export function capacityOn(base: number, changes: readonly CapacityChangeFacts[], date: IsoDate): number {
  let best: CapacityChangeFacts | undefined;
  for (const c of changes) {
    if (compareIso(c.from, date) <= 0 && (best === undefined || compareIso(c.from, best.from) >= 0)) best = c;
  }
  return best === undefined ? base : best.places;
}

/** States in which a convict is on the p. 12 list: proposed (10.1, 10.3) and not yet transferred, refused or removed. */
export const LIST_STATES: readonly CaseState[] = ['listed', 'submitted_to_department', 'transfer_ordered'];
/** States that hold a place until the arrival (p. 13, 14, 17). */
export const HOLDING_STATES: readonly CaseState[] = ['submitted_to_department', 'transfer_ordered'];

/** The states in which a case occupies (transferred) or holds (p. 13, 14, 17) a place. */
export const PLACE_STATES: readonly CaseState[] = ['transferred', ...HOLDING_STATES];

/**
 * V-77 p. 4: whether a move from `from` to `to` that is no step of the procedure (a reopening by an
 * upheld appeal, a correction) makes the case occupy or hold a place it did not: an annulled return
 * puts the convict back in the halfway house, an annulled refusal of the Prison Department makes the
 * submission hold its place again, a corrected departure or withdrawal gives the place back.
 */
export function takesPlace(from: CaseState, to: CaseState): boolean {
  return PLACE_STATES.includes(to) && !PLACE_STATES.includes(from);
}

/** Whether the case occupies a place on `date`: arrived on or before it and not yet left. */
export function occupiesOn(c: PlaceCase, date: IsoDate): boolean {
  const arrival = c.facts.arrival;
  // A convict recorded as transferred before arrivals were kept (issue 14) occupies a place from a day not recorded.
  if (arrival === undefined) return c.state === 'transferred';
  if (compareIso(arrival.on, date) > 0) return false;
  const departure = c.facts.departure;
  return departure === undefined || compareIso(departure.on, date) > 0;
}

export interface Occupancy {
  on: IsoDate;
  capacity: number;
  /** Cases occupying a place on the day. */
  occupied: string[];
  /** Cases holding a place until they arrive. */
  held: string[];
  /** Places neither occupied nor held (never below 0; `over` counts the excess). */
  free: number;
  /** How many more convicts occupy or hold places than there are (after a capacity cut): 0 normally. */
  over: number;
}

export function occupancyOn(cases: readonly PlaceCase[], capacity: number, date: IsoDate): Occupancy {
  const occupied: string[] = [];
  const held: string[] = [];
  for (const c of cases) {
    if (occupiesOn(c, date)) occupied.push(c.id);
    else if (HOLDING_STATES.includes(c.state) && c.facts.arrival === undefined) held.push(c.id);
  }
  const left = capacity - occupied.length - held.length;
  return { on: date, capacity, occupied, held, free: Math.max(0, left), over: Math.max(0, -left) };
}

export interface ListEntry {
  caseId: string;
  /** 1-based place on the list, by request date (p. 12). */
  position: number;
  firstName: string;
  lastName: string;
  requestDate: IsoDate;
  decision: DecisionId;
  state: CaseState;
  listedOn?: IsoDate;
  /** Still waiting for a place (listed, no act yet): the next free place goes to the first of these. */
  waiting: boolean;
}

function compareListed(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compareIso(a, b);
}

/** The p. 12 list: everyone proposed (10.1, 10.3) and not yet transferred, refused or removed, by request date. */
export function transferList(cases: readonly PlaceCase[]): ListEntry[] {
  const on = cases.filter((c) => LIST_STATES.includes(c.state) && (c.facts.decision === '10.1' || c.facts.decision === '10.3'));
  // On the same request date, by the day of the commission's decision (as the printed list orders them), then by id.
  on.sort((a, b) => compareIso(a.requestDate, b.requestDate) || compareListed(a.facts.listedOn, b.facts.listedOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return on.map((c, i) => ({
    caseId: c.id,
    position: i + 1,
    firstName: c.firstName,
    lastName: c.lastName,
    requestDate: c.requestDate,
    decision: c.facts.decision as DecisionId,
    state: c.state,
    ...(c.facts.listedOn !== undefined ? { listedOn: c.facts.listedOn } : {}),
    waiting: c.state === 'listed',
  }));
}

/**
 * The convicts an act for `caseId` would pass over (V-77 p. 12: the list is kept in order): the free
 * places go to the waiting convicts in list order, so an act for one beyond the first `free` of them
 * passes over those before it. Empty when the act keeps the order (or the case is not waiting).
 */
export function passedOver(list: readonly ListEntry[], caseId: string, free: number): ListEntry[] {
  const waiting = list.filter((e) => e.waiting);
  const at = waiting.findIndex((e) => e.caseId === caseId);
  if (at < 0 || at < free) return [];
  return waiting.slice(0, at);
}

/** The next convict on the list for a free place (p. 20: proposed when a place frees). */
export function nextOnList(list: readonly ListEntry[]): ListEntry | undefined {
  return list.find((e) => e.waiting);
}

export interface FreedPlace {
  /** The case whose departure freed the place. */
  caseId: string;
  firstName: string;
  lastName: string;
  on: IsoDate;
  how: string;
  /** V-77 p. 20: the director is told within 2 working days. */
  reportDue: IsoDate;
  reportedOn?: IsoDate;
}

/**
 * The places freed by departures (p. 4, 44–46), newest first, each with its p. 20 term. Only a
 * convict in the halfway house departs, so a departure frees a place even when the arrival is not
 * recorded (a convict transferred before arrivals were kept).
 */
export function freedPlaces(cases: readonly PlaceCase[]): FreedPlace[] {
  const out: FreedPlace[] = [];
  for (const c of cases) {
    const d = c.facts.departure;
    if (d === undefined) continue;
    out.push({
      caseId: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      on: d.on,
      how: d.how,
      reportDue: placeReportDueDate(d.on),
      ...(c.facts.placeReportedOn !== undefined ? { reportedOn: c.facts.placeReportedOn } : {}),
    });
  }
  return out.sort((a, b) => compareIso(b.on, a.on) || (a.caseId < b.caseId ? -1 : 1));
}
