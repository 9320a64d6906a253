import { z } from 'zod';
import { longText, oneLine, optionalLongText, ref, text } from './fieldSchemas';
import { LIFE_ENTRY_KINDS, STEP_NOTE_MAX, capacityChange, caseState, decisionId, isoDate, receivedActKind, savedSettings } from './schemas';

/**
 * Issue 14: what follows the commission's decision (V-77 p. 4, 12–25, 44–51): the places and the
 * list, the received acts, the arrival and the departure, appeals and corrections.
 */

/** A reason or note the user writes for a step of this part of the procedure (a textarea: may run over several lines). */
export const stepReason = longText(STEP_NOTE_MAX);
const optionalNote = optionalLongText(STEP_NOTE_MAX).optional();
const caseRef = { id: ref(), revision: z.number().int() };

/** A received document: its kind, number and date as written on it, when it came, who issued it, and its copy (staged first with dossier.stage). */
export const receivedActInput = z.object({
  ...caseRef,
  kind: receivedActKind.exclude(['appealOutcome']),
  number: text(100),
  date: isoDate,
  receivedOn: isoDate,
  issuer: text(300),
  /** For 'otherOutcome': whether the other institution granted the request. */
  granted: z.boolean().optional(),
  note: optionalNote,
  stagedId: ref(),
});

/** V-77 p. 25: what the employee who receives the convict must do; each is confirmed. */
export const ARRIVAL_CHECKS = ['identity', 'search', 'rules', 'room'] as const;
export const arrivalInput = z.object({
  ...caseRef,
  on: isoDate,
  time: oneLine(z.string()).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time' }),
  checks: z.object({ identity: z.boolean(), search: z.boolean(), rules: z.boolean(), room: z.boolean() }),
  room: text(50),
  bed: text(50),
});

export const departureInput = z.object({
  ...caseRef,
  on: isoDate,
  how: z.enum(['parole', 'sentence_end', 'transfer_elsewhere']),
  note: optionalNote,
});

/**
 * V-77 p. 21–23, route 'sends': our convict sets off to the other institution's halfway house that
 * granted the request: the day of the journey (p. 22) and the day the personal file was sent (p. 23).
 */
export const transferOutInput = z.object({
  ...caseRef,
  departedOn: isoDate,
  personalFileSentOn: isoDate,
  note: optionalNote,
});

export const appealInput = z.object({
  ...caseRef,
  /** The contested act: one of the case view's `appealable` refs. */
  against: ref(),
  filedOn: isoDate,
  note: optionalNote,
});

export const appealOutcomeInput = z.object({
  ...caseRef,
  appealId: ref(),
  result: z.enum(['upheld', 'dismissed']),
  /** The decision on the appeal as received: number, date, copy. */
  number: text(100),
  date: isoDate,
  receivedOn: isoDate,
  note: stepReason,
  stagedId: ref(),
});

/**
 * A record of life in the halfway house (V-77 p. 28–35) or of the release preparation (seed 001).
 * The intensive preparation plan carries the day the director approved it (p. 31); a review and a
 * non-compliance note carry what was found (p. 32, 35).
 */
export const lifeInput = z
  .object({
    ...caseRef,
    kind: z.enum(LIFE_ENTRY_KINDS),
    on: isoDate,
    approvedOn: isoDate.optional(),
    note: optionalLongText(STEP_NOTE_MAX).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'intensivePlan' && v.approvedOn === undefined) ctx.addIssue({ code: 'custom', path: ['approvedOn'], message: 'required' });
    if ((v.kind === 'review' || v.kind === 'nonCompliance') && v.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  });

export const correctionInput = z.object({ ...caseRef, reason: stepReason });

export const placeReportInput = z.object({ ...caseRef, on: isoDate });

/** One convict on the p. 12 list, as the list view shows them. */
export const listEntryView = z.object({
  caseId: z.string(),
  position: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  requestDate: isoDate,
  decision: decisionId,
  state: caseState,
  listedOn: isoDate.optional(),
  waiting: z.boolean(),
});

export const freedPlaceView = z.object({
  caseId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  on: isoDate,
  how: z.string(),
  reportDue: isoDate,
  reportedOn: isoDate.optional(),
  overdue: z.boolean(),
});

/** The places, the list and the freed places, as of today (V-77 p. 4, 12, 20). */
export const placesView = z.object({
  today: isoDate,
  halfwayHouse: z.string(),
  capacity: z.number().int(),
  capacityChanges: z.array(capacityChange),
  /** `arrivedOn` absent for a convict transferred before arrivals were kept. */
  occupied: z.array(z.object({ caseId: z.string(), firstName: z.string(), lastName: z.string(), arrivedOn: isoDate.optional() })),
  held: z.array(z.object({ caseId: z.string(), firstName: z.string(), lastName: z.string(), state: caseState })),
  free: z.number().int(),
  over: z.number().int(),
  list: z.array(listEntryView),
  /** The first waiting convict: the next free place is proposed for them (p. 20). */
  next: listEntryView.optional(),
  freed: z.array(freedPlaceView),
  /** Steps that passed over someone earlier on the list this year (p. 12), as kept on the cases' timelines. */
  passOvers: z.array(z.object({ caseId: z.string(), on: isoDate, passed: z.array(z.string()), reason: z.string() })),
  settingsRevision: z.number().int(),
});
export type PlacesView = z.infer<typeof placesView>;

export const capacityInput = z.object({
  /** The settings' revision the change is based on (STALE_REVISION otherwise). */
  revision: z.number().int(),
  from: isoDate,
  places: capacityChange.shape.places,
  note: optionalLongText(500).default(''),
});

export { savedSettings };
