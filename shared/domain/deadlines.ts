import { addCalendarMonths, addWorkingDays, compareIso, daysBetween, type IsoDate } from './calendar';
import type { CaseState } from './caseStates';
import { DomainError } from './errors';
import { nextReviewDue, releaseMilestones } from './halfwayHouseLife';

/**
 * The terms of V-77, each a function of the facts recorded on a case. Working-day terms start the
 * day after the event and skip weekends and public holidays (calendar.ts).
 */

/** V-77 p. 5: a request may be filed no earlier than 2 months before the possible transfer day. */
export function earliestRequestDate(possibleTransferDate: IsoDate): IsoDate {
  return addCalendarMonths(possibleTransferDate, -2);
}

/** V-77 p. 7: the extension for objective reasons is at most 10 working days. */
const MAX_DOSSIER_EXTENSION_DAYS = 10;

/**
 * V-77 p. 7: the dossier reaches the halfway-house institution's director within 20 working days of
 * the request, extended by up to 10 working days when the documents could not be collected in time.
 */
export function dossierDueDate(requestDate: IsoDate, extensionDays = 0): IsoDate {
  if (!Number.isInteger(extensionDays) || extensionDays < 0 || extensionDays > MAX_DOSSIER_EXTENSION_DAYS) {
    throw new DomainError('EXTENSION_TOO_LONG', { extensionDays, max: MAX_DOSSIER_EXTENSION_DAYS });
  }
  return addWorkingDays(requestDate, 20 + extensionDays);
}

/** V-77 p. 9: the commission meets no later than 10 working days after the dossier was received. */
export function meetingDueDate(dossierReceivedOn: IsoDate): IsoDate {
  return addWorkingDays(dossierReceivedOn, 10);
}

/** V-77 p. 19: after a refusal, a new request no earlier than 3 months after the refusal. */
export function earliestReapplicationDate(refusedOn: IsoDate): IsoDate {
  return addCalendarMonths(refusedOn, 3);
}

/** V-77 p. 20: a new free place is reported to the director no later than 2 working days after. */
export function placeReportDueDate(placeFreedOn: IsoDate): IsoDate {
  return addWorkingDays(placeFreedOn, 2);
}

/**
 * V-77 p. 51: whether an appeal was filed after the last day of its term (`dueBy`, when the term is
 * set). The term runs from the day the act was served, which the app only assumes (the act's date
 * for our director's acts, the day received for another's): a warning to show, never a fact to record.
 */
export function appealFiledLate(appeal: { readonly filedOn: IsoDate; readonly dueBy?: IsoDate | undefined }): boolean {
  return appeal.dueBy !== undefined && compareIso(appeal.filedOn, appeal.dueBy) > 0;
}

export interface CaseFacts {
  state: CaseState;
  /** The day the request was received (prašymo gavimo diena): the p. 7 term runs from it. */
  requestDate: IsoDate;
  possibleTransferDate: IsoDate;
  /** The day the p. 6 dossier was received: the p. 9 term runs from it. */
  dossierReceivedOn?: IsoDate;
  /** The p. 7 extension, in working days (0–10). */
  dossierExtensionDays?: number;
  /** The day the decision not to satisfy the request was taken: the p. 19 term runs from it. */
  refusedOn?: IsoDate;
  /** The day the convict left the halfway house, freeing a place: the p. 20 term runs from it. */
  departure?: { on: IsoDate };
  /** The day the director was told of that free place (p. 20): the term is met. */
  placeReportedOn?: IsoDate;
  /** For a convict in the halfway house (p. 24, 28–32): the arrival, the intensive plan, the latest monthly review. */
  arrival?: { on: IsoDate };
  intensivePlanOn?: IsoDate;
  lastReviewOn?: IsoDate;
  /** The possible parole date (6.6): the release milestones count back from it (seed 001). */
  possibleParoleDate?: IsoDate;
  /** The day the institution's social worker took up the release preparation. */
  socialWorkerFrom?: IsoDate;
  /** The notice of the release sent to the municipality; the list sent to the probation service. */
  municipalityNoticeOn?: IsoDate;
  probationListOn?: IsoDate;
}

export type DeadlineRule = 'p7' | 'p9' | 'p19' | 'p20' | 'p32' | 'socialWorker' | 'municipality' | 'probation';

export interface Deadline {
  rule: DeadlineRule;
  /** The V-77 point, e.g. '7'; empty for a term of the social integration model (seed 001), not of V-77. */
  point: string;
  /** 'due': to be done by `date`; 'not_before': may not happen before `date`. */
  kind: 'due' | 'not_before';
  date: IsoDate;
  /** Short label. */
  lt: string;
  en: string;
  /** Calendar days from today to `date`, negative when it is past. */
  daysLeft: number;
  /** Only a 'due' deadline can be overdue: its date is before today. */
  overdue: boolean;
}

type DeadlineDraft = Pick<Deadline, 'rule' | 'kind' | 'date' | 'lt' | 'en'> & { point?: string };

const P7_STATES: readonly CaseState[] = ['request_received', 'dossier_collecting'];
const P9_STATES: readonly CaseState[] = ['dossier_received', 'ready_for_commission', 'scheduled'];

function draftsFor(facts: CaseFacts): DeadlineDraft[] {
  const drafts: DeadlineDraft[] = [];
  // V-77 p. 7
  if (P7_STATES.includes(facts.state)) {
    const date = dossierDueDate(facts.requestDate, facts.dossierExtensionDays ?? 0);
    drafts.push({ rule: 'p7', kind: 'due', date, lt: 'Medžiaga turi būti gauta', en: 'Dossier due' });
  }
  // V-77 p. 9
  if (P9_STATES.includes(facts.state) && facts.dossierReceivedOn !== undefined) {
    const date = meetingDueDate(facts.dossierReceivedOn);
    drafts.push({ rule: 'p9', kind: 'due', date, lt: 'Komisijos posėdis ne vėliau kaip', en: 'Commission meeting due' });
  }
  // V-77 p. 20: the place this convict freed is reported to the director.
  if ((facts.state === 'left' || facts.state === 'returned') && facts.departure !== undefined && facts.placeReportedOn === undefined) {
    const date = placeReportDueDate(facts.departure.on);
    drafts.push({ rule: 'p20', kind: 'due', date, lt: 'Pranešti direktoriui apie laisvą vietą', en: 'Report the free place' });
  }
  if (facts.state === 'transferred' && facts.arrival !== undefined) {
    // V-77 p. 32: the intensive preparation plan is reviewed at least once a month.
    const review = nextReviewDue({ arrivedOn: facts.arrival.on, ...(facts.intensivePlanOn ? { intensivePlanOn: facts.intensivePlanOn } : {}), ...(facts.lastReviewOn ? { lastReviewOn: facts.lastReviewOn } : {}) });
    drafts.push({ rule: 'p32', kind: 'due', date: review, lt: 'Mėnesinė plano peržiūra', en: 'Monthly plan review' });
    // Seed 001: the release is prepared by the institution's social worker (from 12 months before), with the municipality (6 months before) and the probation service (1 month before).
    if (facts.possibleParoleDate !== undefined) {
      const m = releaseMilestones(facts.possibleParoleDate);
      if (facts.socialWorkerFrom === undefined) {
        drafts.push({ rule: 'socialWorker', point: '', kind: 'due', date: m.socialWorkerFrom, lt: 'Socialinis darbuotojas rengia paleidimui', en: 'Social worker prepares the release' });
      }
      if (facts.municipalityNoticeOn === undefined) {
        drafts.push({ rule: 'municipality', point: '', kind: 'due', date: m.municipalityNoticeBy, lt: 'Pranešti savivaldybei apie paleidimą', en: 'Notify the municipality of the release' });
      }
      if (facts.probationListOn === undefined) {
        drafts.push({ rule: 'probation', point: '', kind: 'due', date: m.probationListBy, lt: 'Pateikti probacijos tarnybai sąrašą', en: 'Send the list to the probation service' });
      }
    }
  }
  // V-77 p. 19: also after the other institution refused our convict's request (route 'sends', p. 8).
  if ((facts.state === 'refused' || facts.state === 'dossier_sent') && facts.refusedOn !== undefined) {
    const date = earliestReapplicationDate(facts.refusedOn);
    drafts.push({ rule: 'p19', kind: 'not_before', date, lt: 'Pakartotinis prašymas ne anksčiau kaip', en: 'Re-application not before' });
  }
  return drafts;
}

/** The terms that run for a case in its present state, as seen on `today`. */
export function caseDeadlines(facts: CaseFacts, today: IsoDate): Deadline[] {
  const drafts = draftsFor(facts);
  const deadlines: Deadline[] = [];
  for (const draft of drafts) {
    deadlines.push({
      rule: draft.rule,
      point: draft.point ?? draft.rule.slice(1),
      kind: draft.kind,
      date: draft.date,
      lt: draft.lt,
      en: draft.en,
      daysLeft: daysBetween(today, draft.date),
      overdue: draft.kind === 'due' && compareIso(draft.date, today) < 0,
    });
  }
  return deadlines;
}

/** The earliest term that something must be done by; 'not_before' dates are not deadlines to meet. */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  let earliest: Deadline | undefined;
  for (const d of deadlines) {
    if (d.kind === 'due' && (earliest === undefined || compareIso(d.date, earliest.date) < 0)) earliest = d;
  }
  return earliest;
}
