/**
 * Life in the halfway house (V-77 ch. IV, p. 28–35) and the preparation for release in the social
 * integration model (seed 001: the institution's social worker from at least 12 months before the
 * possible parole date, the notice to the municipality at least 6 months before, the probation
 * service's preparatory work from 1 month before, when it receives the list of those to be paroled).
 */
import { addCalendarMonths, compareIso, type IsoDate } from './calendar';

/** V-77 p. 32: the intensive preparation plan is reviewed with the convict at least once a month. */
export const REVIEW_EVERY_MONTHS = 1;

/** What the terms of a convict in the halfway house are computed from. */
export interface LifeFacts {
  /** V-77 p. 24: the arrival. */
  arrivedOn: IsoDate;
  /** V-77 p. 28, 31: the intensive preparation plan drawn up (and approved by the director). */
  intensivePlanOn?: IsoDate;
  /** V-77 p. 32: the latest monthly review. */
  lastReviewOn?: IsoDate;
}

/**
 * V-77 p. 32: the next review is due a calendar month after the latest one; before the first, a
 * month after the plan was drawn up (or, with no plan yet, after the arrival, p. 28).
 */
export function nextReviewDue(facts: LifeFacts): IsoDate {
  const basis = latest(facts.lastReviewOn, facts.intensivePlanOn) ?? facts.arrivedOn;
  return addCalendarMonths(basis, REVIEW_EVERY_MONTHS);
}

function latest(a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareIso(a, b) >= 0 ? a : b;
}

/** The milestones of the preparation for release, counted back from the possible parole date (seed 001). */
export interface ReleaseMilestones {
  /** The institution's social worker works with the convict from at least 12 months before. */
  socialWorkerFrom: IsoDate;
  /** The notice of the release is sent to the municipality at least 6 months before; it assigns a social worker or an NGO. */
  municipalityNoticeBy: IsoDate;
  /** The probation service receives the list of convicts to be paroled no later than 1 month before and starts its preparatory work. */
  probationListBy: IsoDate;
}

export function releaseMilestones(possibleParoleDate: IsoDate): ReleaseMilestones {
  return {
    socialWorkerFrom: addCalendarMonths(possibleParoleDate, -12),
    municipalityNoticeBy: addCalendarMonths(possibleParoleDate, -6),
    probationListBy: addCalendarMonths(possibleParoleDate, -1),
  };
}
