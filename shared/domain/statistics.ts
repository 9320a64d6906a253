/**
 * Issue 17: the statistics of a period for the reports to the Prison Department, counted from the
 * case index alone (each case's summary: the request date, the facts, the steps in force), never
 * from the case files: a year of 10,000 cases is counted within 150 ms.
 *
 * The period runs from `from` to `to`, both days included. An event counts in the period when the
 * day it happened (a step's `on`, not the day it was recorded) falls in it. A correction removes the
 * step it undid, so a step corrected away is never counted; a reopening after an upheld appeal
 * (V-77 p. 51) is counted as a reopening, and the act it annulled stays counted in the period it
 * took effect (it did take effect then). Where the index cannot say, a figure counts the case as
 * unknown rather than guess.
 *
 * Dates are ISO strings (YYYY-MM-DD), compared as strings: their order is the calendar's.
 */
import { DomainError } from './errors';
import { addDays, daysBetween, isIsoDate, type IsoDate } from './calendar';
import type { CaseStep } from './caseProgress';
import { REOPENINGS, type CaseState } from './caseStates';
import type { DecisionId } from './decisions';
import { dossierDueDate, meetingDueDate } from './deadlines';
import { capacityOn, HOLDING_STATES, LIST_STATES, type CapacityChangeFacts } from './places';

/** Days between two events of the cases counted: how many, the median, the quartiles and the extremes (null when none). */
export interface DaySpread {
  count: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/** One day of the places' history: the number of places, those occupied and held, the p. 12 list's length. */
export interface OccupancyPoint {
  on: IsoDate;
  capacity: number;
  occupied: number;
  held: number;
  queue: number;
}

/** The statistics of a period; each figure is defined where it is counted (periodStatistics, countStep). */
export interface StatisticsView {
  from: IsoDate;
  to: IsoDate;
  /** Case files that could not be read: none of their figures is counted. */
  unreadable: number;
  /** V-77 p. 5: requests received in the period. */
  requests: number;
  /** V-77 p. 10: decisions adopted in the period, by kind; `unknown`: adopted, then annulled by an upheld appeal (p. 51), whose kind the index no longer keeps. */
  decisions: Record<DecisionId | 'unknown', number>;
  /** The director's acts that took effect (signed) in the period: p. 13 order, p. 15 decision not to transfer, p. 14 submission, p. 16 letter. */
  director: { ordered: number; declined: number; submitted: number; letters: number };
  /** The Prison Department director's acts recorded in the period: p. 17 resolution to transfer, p. 18 refusal. */
  department: { resolutions: number; refusals: number };
  /** V-77 p. 51: cases reopened by an upheld appeal in the period. */
  reopened: number;
  /** In the period: arrivals in the halfway house (p. 24), returns (p. 46), departures (p. 4), withdrawals, cases found ineligible (p. 6, 47). */
  arrived: number;
  returned: number;
  left: number;
  withdrawn: number;
  ineligible: number;
  /** Calendar days from the request to the decision, for the decisions of the period. */
  decisionDays: DaySpread;
  /** V-77 p. 7: dossiers received (or sent) in the period within their term and after it; `overdue`: still awaited at the period's end with the term passed. */
  p7: { kept: number; late: number; overdue: number };
  /** V-77 p. 9: decisions of the period taken within 10 working days of the dossier's receipt, and after; `unknown`: no receipt recorded. */
  p9: { kept: number; late: number; unknown: number };
  /** V-77 p. 12: calendar days on the list until the arrival, for the arrivals of the period. */
  waitingDays: DaySpread;
  /** The places and the list over the period (daily for up to 92 days, else at each month's end), the last point being `to`. */
  occupancy: OccupancyPoint[];
}

/** The longest period one call counts: ten years (a longer one is a mistake, and slow to draw). */
export const STATISTICS_MAX_DAYS = 3660;

/** A period of real dates that ends on or after its first day and spans at most STATISTICS_MAX_DAYS. */
export function isStatisticsPeriod(q: Period): boolean {
  return isIsoDate(q.from) && isIsoDate(q.to) && q.from <= q.to && daysBetween(q.from, q.to) <= STATISTICS_MAX_DAYS;
}

/** What the statistics read of a case: its index summary has all of it. */
export interface StatisticsCase {
  readonly request: { readonly requestDate: IsoDate };
  readonly facts: {
    readonly decision?: DecisionId | undefined;
    readonly dossierExtensionDays?: number | undefined;
    readonly arrival?: { readonly on: IsoDate } | undefined;
    readonly departure?: { readonly on: IsoDate } | undefined;
  };
  readonly progress: { readonly steps: readonly CaseStep[] };
}

/** The halfway house's places as the settings keep them (V-77 p. 4): none when the institution runs no halfway house. */
export interface CapacityFacts {
  readonly runsHalfwayHouse: boolean;
  readonly places: number;
  readonly capacityChanges?: readonly CapacityChangeFacts[] | undefined;
}

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A period of up to this many days is drawn day by day; a longer one at each month's end. */
export const DAILY_POINTS_UP_TO = 92;

const within = (day: IsoDate, period: Period): boolean => day >= period.from && day <= period.to;

const isStep = (s: CaseStep, from: CaseState, to: CaseState): boolean => s.from === from && s.to === to;

/** V-77 p. 51: whether a step is the reopening of a case by an upheld appeal (no step of the procedure goes that way). */
function isReopening(s: CaseStep): boolean {
  return REOPENINGS.some((r) => r.from === s.from && r.to === s.to);
}

/** A value rounded to one decimal place, as the report prints it. */
function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The q-quantile of sorted values, interpolated between neighbours (Hyndman–Fan type 7, as spreadsheets' QUARTILE). */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return oneDecimal(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo));
}

/** How many values, their median, quartiles and extremes; null figures when there are none. */
export function daySpreadOf(values: readonly number[]): DaySpread {
  if (values.length === 0) return { count: 0, median: null, q1: null, q3: null, min: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** The share kept of the terms counted, in per cent with one decimal; null when none was counted. */
export function keptShare(term: { readonly kept: number; readonly late: number }): number | null {
  const all = term.kept + term.late;
  return all === 0 ? null : oneDecimal((term.kept / all) * 100);
}

/**
 * The days the places and the list are drawn for: every day of a period of up to 92 days, else the
 * last day of each month in it; the period's last day always ends the series.
 */
export function samplingDays(period: Period): IsoDate[] {
  const days: IsoDate[] = [];
  if (daysBetween(period.from, period.to) < DAILY_POINTS_UP_TO) {
    for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push(d);
    return days;
  }
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  for (;;) {
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const monthEnd = addDays(next, -1);
    if (monthEnd >= period.to) break;
    days.push(monthEnd);
    year = Number(next.slice(0, 4));
    month = Number(next.slice(5, 7));
  }
  days.push(period.to);
  return days;
}

/** The state a case was in at the end of `day` by its steps in force; undefined before its request. */
function stateOn(c: StatisticsCase, day: IsoDate): CaseState | undefined {
  if (c.request.requestDate > day) return undefined;
  let state: CaseState = 'request_received';
  for (const s of c.progress.steps) if (s.on <= day) state = s.to;
  return state;
}

/** The p. 9 term's start for a decision: the dossier's receipt (p. 7) or the reopening that sent the case back to the commission (p. 51), the latest before it. */
function p9StartBefore(steps: readonly CaseStep[], decidedAt: number): IsoDate | undefined {
  for (let i = decidedAt - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.to === 'dossier_received' || (s.to === 'ready_for_commission' && isReopening(s))) return s.on;
  }
  return undefined;
}

type Counts = Omit<StatisticsView, 'from' | 'to' | 'unreadable' | 'decisionDays' | 'waitingDays' | 'occupancy'>;

function emptyCounts(): Counts {
  return {
    requests: 0,
    decisions: { '10.1': 0, '10.2': 0, '10.3': 0, '10.4': 0, unknown: 0 },
    director: { ordered: 0, declined: 0, submitted: 0, letters: 0 },
    department: { resolutions: 0, refusals: 0 },
    reopened: 0,
    arrived: 0,
    returned: 0,
    left: 0,
    withdrawn: 0,
    ineligible: 0,
    p7: { kept: 0, late: 0, overdue: 0 },
    p9: { kept: 0, late: 0, unknown: 0 },
  };
}

/** The steps of the period that are acts of the procedure, counted by who took them. */
function countStep(out: Counts, s: CaseStep): void {
  if (isReopening(s)) {
    out.reopened++; // V-77 p. 51
    return;
  }
  if (isStep(s, 'listed', 'transfer_ordered')) out.director.ordered++; // p. 13
  else if (isStep(s, 'listed', 'refused')) out.director.declined++; // p. 15
  else if (isStep(s, 'listed', 'submitted_to_department')) out.director.submitted++; // p. 14
  else if (isStep(s, 'decided', 'refused')) out.director.letters++; // p. 16
  else if (isStep(s, 'submitted_to_department', 'transfer_ordered')) out.department.resolutions++; // p. 17
  else if (isStep(s, 'submitted_to_department', 'refused')) out.department.refusals++; // p. 18
  else if (isStep(s, 'transfer_ordered', 'transferred')) out.arrived++; // p. 24
  else if (isStep(s, 'transferred', 'returned')) out.returned++; // p. 46
  else if (isStep(s, 'transferred', 'left')) out.left++; // p. 4
  else if (s.to === 'withdrawn') out.withdrawn++;
  else if (s.to === 'ineligible') out.ineligible++; // p. 6, 47
}

/**
 * The statistics of `period` over `cases` (each readable case's index summary), with `unreadable`
 * case files, and the places by `capacity`. Every figure is defined in statisticsSchemas and here.
 */
export function periodStatistics(cases: readonly StatisticsCase[], unreadable: number, capacity: CapacityFacts, period: Period): StatisticsView {
  const out = emptyCounts();
  const decisionDays: number[] = [];
  const waitingDays: number[] = [];
  const days = samplingDays(period);
  const points: OccupancyPoint[] = days.map((on) => ({
    on,
    capacity: capacity.runsHalfwayHouse ? capacityOn(capacity.places, capacity.capacityChanges ?? [], on) : 0,
    occupied: 0,
    held: 0,
    queue: 0,
  }));

  for (const c of cases) {
    const { requestDate } = c.request;
    const steps = c.progress.steps;
    // V-77 p. 5: the requests received in the period, by the request's date.
    if (within(requestDate, period)) out.requests++;

    // V-77 p. 7: the first time the dossier reached the halfway-house institution's director (or, for
    // another institution's halfway house, was sent to it), measured against the term the case page
    // shows: 20 working days from the request, with the extension recorded (deadlines.dossierDueDate).
    const dossier = steps.find((s) => s.to === 'dossier_received' || s.to === 'dossier_sent');
    const p7Due = dossierDueDate(requestDate, c.facts.dossierExtensionDays ?? 0);
    if (dossier !== undefined && within(dossier.on, period)) {
      if (dossier.on <= p7Due) out.p7.kept++;
      else out.p7.late++;
    } else if ((dossier === undefined || dossier.on > period.to) && p7Due < period.to) {
      // Still awaited at the period's end with the term passed (the case was not withdrawn or found ineligible by then).
      const atEnd = stateOn(c, period.to);
      if (atEnd === 'request_received' || atEnd === 'dossier_collecting') out.p7.overdue++;
    }

    const lastDecided = steps.findLastIndex((s) => s.to === 'decided');
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if (!within(s.on, period)) continue;
      if (s.to === 'decided') {
        // V-77 p. 10: a decision of the period, by its kind when it is the case's decision in force.
        const kind = s.decision ?? (i === lastDecided ? c.facts.decision : undefined);
        out.decisions[kind ?? 'unknown']++;
        decisionDays.push(daysBetween(requestDate, s.on));
        // V-77 p. 9: decided within 10 working days of the dossier's receipt (deadlines.meetingDueDate).
        const start = p9StartBefore(steps, i);
        if (start === undefined) out.p9.unknown++;
        else if (s.on <= meetingDueDate(start)) out.p9.kept++;
        else out.p9.late++;
      } else {
        countStep(out, s);
      }
      if (s.to === 'transferred' && s.from === 'transfer_ordered') {
        // V-77 p. 12, 24: the days on the list, from the entry on it after the last decision to the
        // arrival (a reopening of an annulled order, p. 51, leaves the convict on the list).
        const listed = steps.slice(0, i).findLast((p) => p.from === 'decided' && p.to === 'listed');
        if (listed !== undefined) waitingDays.push(daysBetween(listed.on, s.on));
      }
    }

    // V-77 p. 4, 12: the places and the list on each day drawn.
    if (steps.length === 0 || requestDate > period.to) continue;
    for (const point of points) {
      // By the steps in force: from the arrival (p. 24) to the day of leaving or the return (p. 4,
      // 46), when the place frees; an upheld appeal against the return (p. 51) gives it back from its
      // reopening, and the days the convict was away in between are not counted.
      const state = stateOn(c, point.on);
      if (state === undefined) continue;
      if (state === 'transferred') point.occupied++;
      if (LIST_STATES.includes(state)) point.queue++;
      if (HOLDING_STATES.includes(state)) point.held++;
    }
  }

  return { from: period.from, to: period.to, unreadable, ...out, decisionDays: daySpreadOf(decisionDays), waitingDays: daySpreadOf(waitingDays), occupancy: points };
}

/**
 * The statistics of `period` over the case index's entries (a damaged case file has no summary and
 * counts as unreadable) and the institution's places from the settings (none before they are set).
 * One entry point for the statistics page and the report to the Prison Department.
 */
export function statisticsOfIndex(entries: readonly { readonly summary?: StatisticsCase | undefined }[], institution: CapacityFacts | undefined, period: Period, today: IsoDate): StatisticsView {
  // A period reaching past today is counted up to today: a term that has not ended yet is not
  // overdue, and the places of days to come are not known. The view says the day it ends.
  const to = period.to > today ? today : period.to;
  if (period.from > to) throw new DomainError('STATISTICS_PERIOD_FUTURE', { from: period.from, today });
  const cases: StatisticsCase[] = [];
  for (const e of entries) if (e.summary !== undefined) cases.push(e.summary);
  return periodStatistics(cases, entries.length - cases.length, institution ?? { runsHalfwayHouse: false, places: 0 }, { from: period.from, to });
}
