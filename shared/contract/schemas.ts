import { z } from 'zod';
import { CASE_STATES, OWN_INSTITUTION_ID } from '../domain/caseStates';
import { addCalendarMonths, compareIso, isIsoDate } from '../domain/calendar';
import { dossierItemId, dossierRecord, dossierView } from './dossierSchemas';
import { isoDate, longText, oneLine, optionalLongText, optionalText, ref, storedForm, text } from './fieldSchemas';
import { registerSettings } from './documentSchemas';
import { signingSettings } from './verificationSchemas';

export { isoDate };

export const caseState = z.enum(CASE_STATES);

/** The commission's decision, V-77 p. 10.1–10.4. */
export const decisionId = z.enum(['10.1', '10.2', '10.3', '10.4']);

/** A text in both languages of the UI (e.g. why a case file could not be read). */
export const bilingual = z.object({ lt: z.string(), en: z.string() });

// ---- Settings: the institution and where cases come from ----

export const DEFAULT_IDLE_MINUTES = 10;

/** The id by which a case refers to the institution the app is set up for. */
export { OWN_INSTITUTION_ID };

export const institutionId = ref(64);

export const otherInstitution = z.object({
  id: institutionId,
  name: text(200),
  /** The halfway house this institution runs, if any (a request may name it, V-77 p. 5). */
  halfwayHouseName: optionalText(200).default(''),
});

/** A dated change of the halfway house's number of places (V-77 p. 4). */
export const capacityChange = z.object({
  from: isoDate,
  places: z.number({ error: 'placesCount' }).int({ error: 'placesCount' }).min(0, { error: 'placesCount' }).max(1000, { error: 'placesCount' }),
  /** Written in a textarea (places.changeCapacity): may run over several lines. */
  note: optionalLongText(500).default(''),
});
export type CapacityChange = z.infer<typeof capacityChange>;

/**
 * A term for filing an appeal, a legal parameter (V-77 p. 51): in calendar days or months from the
 * day the act was served, with the provision that sets it. A term not set is shown as such, never guessed.
 */
export const appealTerm = z.object({
  days: z.number().int().min(1).max(365).optional(),
  months: z.number().int().min(1).max(24).optional(),
  citation: optionalText(300).default(''),
});
export type AppealTerm = z.infer<typeof appealTerm>;

/**
 * V-77 p. 44: a convict is returned from the halfway house on the grounds of BVK art. 69 part 3. Each
 * ground as the administrator writes it, with the provision it comes from: a legal parameter, never
 * a text the app guesses (there are no defaults).
 */
export const returnGround = z.object({
  id: oneLine(z.string().trim()).min(1, { error: 'required' }).max(64, { error: 'tooLong' }),
  /** Written in a textarea: may run over several lines. */
  text: longText(1000),
  citation: text(300),
});
export type ReturnGround = z.infer<typeof returnGround>;

const settingsFields = z.object({
  institution: z.object({
    name: text(200),
    runsHalfwayHouse: z.boolean(),
    halfwayHouseName: optionalText(200).default(''),
    places: z.number({ error: 'placesCount' }).int({ error: 'placesCount' }).min(0, { error: 'placesCount' }).max(1000, { error: 'placesCount' }),
    /**
     * Issue 14: the halfway house's capacity over time (V-77 p. 4): each change dated. Before the
     * first change (and with none) the capacity is `places`; a change takes effect on its date.
     */
    capacityChanges: z.array(capacityChange).max(500).optional(),
  }),
  /** Issue 14: the legal parameters of the appeals (V-77 p. 50–51): each term with its citation. */
  appealTerms: z.object({ department: appealTerm.optional(), court: appealTerm.optional() }).optional(),
  otherInstitutions: z.array(otherInstitution).max(200),
  /** Issue 14, V-77 p. 44: the catalogue of the return grounds (BVK art. 69 part 3), as the administrator sets it. */
  returnGrounds: z.array(returnGround).max(50).optional(),
  /** The app locks itself after this many idle minutes (default DEFAULT_IDLE_MINUTES). */
  /** The largest document a dossier accepts, in MB (default 50, V-77 p. 6 material). */
  documents: z.object({ maxMegabytes: z.number({ error: 'maxMegabytes' }).int({ error: 'maxMegabytes' }).min(1, { error: 'maxMegabytes' }).max(500, { error: 'maxMegabytes' }) }).optional(),
  /** The document register and the signature block (issue 6); documents cannot be issued without it. */
  register: registerSettings.optional(),
  /** Smart card, timestamp service and trusted roots for signing and verifying. */
  signing: signingSettings.optional(),
  security: z.object({ idleMinutes: z.number({ error: 'idleMinutes' }).int({ error: 'idleMinutes' }).min(1, { error: 'idleMinutes' }).max(240, { error: 'idleMinutes' }) }).optional(),
});

function checkSettings(s: z.output<typeof settingsFields>, ctx: z.RefinementCtx): void {
  if (s.institution.runsHalfwayHouse) {
    if (!s.institution.halfwayHouseName) ctx.addIssue({ code: 'custom', path: ['institution', 'halfwayHouseName'], message: 'halfwayHouseName' });
    if (s.institution.places < 1) ctx.addIssue({ code: 'custom', path: ['institution', 'places'], message: 'placesCount' });
  }
  const names = new Set<string>([s.institution.name.toLocaleLowerCase('lt')]);
  const ids = new Set<string>([OWN_INSTITUTION_ID]);
  s.otherInstitutions.forEach((o, i) => {
    const key = o.name.toLocaleLowerCase('lt');
    if (names.has(key)) ctx.addIssue({ code: 'custom', path: ['otherInstitutions', i, 'name'], message: 'duplicateInstitution' });
    if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: ['otherInstitutions', i, 'id'], message: 'invalid' });
    names.add(key);
    ids.add(o.id);
  });
  // A return submission names its grounds by id: each id once.
  const groundIds = new Set<string>();
  (s.returnGrounds ?? []).forEach((g, i) => {
    if (groundIds.has(g.id)) ctx.addIssue({ code: 'custom', path: ['returnGrounds', i, 'id'], message: 'invalid' });
    groundIds.add(g.id);
  });
}

/** The institution's settings as the settings form describes them. */
export const settings = settingsFields.superRefine(checkSettings);
export type Settings = z.infer<typeof settings>;

/**
 * Issue 13: the settings as stored, with their revision (one more at every save; 0 for none yet, and
 * for a file written before revisions). `settings.save` is given the revision its values were based on
 * and refused with STALE_REVISION when someone has saved since: no silent overwrite.
 */
export const settingsInput = settingsFields.extend({ revision: z.number().int().min(0) }).superRefine(checkSettings);

/**
 * The settings as read back from settings.json and given out: the texts as they were stored (issue
 * 16 checks them on the way in, settingsInput), so that a file saved before opens as it was.
 */
export const savedSettings = storedForm(settingsInput);
export type SavedSettings = z.infer<typeof savedSettings>;

/**
 * The fields in which two versions of the settings differ, as paths ('institution.name',
 * 'security.idleMinutes', 'register.director.personalCode'); a list (other institutions, deputies)
 * counts as one field. The revision is not a field. A section absent on one side is compared as empty.
 */
export function settingsChanges(before: Settings | null, after: Settings | null): string[] {
  const changed: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if ((isRecord(a) || a === undefined) && (isRecord(b) || b === undefined) && (a !== undefined || b !== undefined)) {
      const left = a ?? {};
      const right = b ?? {};
      for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
        if (path === '' && key === 'revision') continue;
        walk(left[key], right[key], path === '' ? key : `${path}.${key}`);
      }
    } else if (!sameValue(a, b)) {
      changed.push(path);
    }
  };
  walk(before ?? {}, after ?? {}, '');
  return changed;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values, whatever the order of an object's keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

// ---- The request (V-77 p. 5) ----

export const requestInput = z
  .object({
    firstName: text(100),
    lastName: text(100),
    personalFileNo: text(40),
    birthDate: isoDate,
    servingInstitutionId: ref(64),
    halfwayHouseInstitutionId: ref(64),
    requestDate: isoDate,
    possibleTransferDate: isoDate,
    possibleParoleDate: isoDate,
    sentenceEnd: isoDate,
  })
  .superRefine((r, ctx) => {
    // Each pair is compared only when both of its dates are real; a bad date reports itself.
    const valid = (...ds: string[]) => ds.every((d) => typeof d === 'string' && isIsoDate(d));
    if (valid(r.birthDate, r.requestDate) && compareIso(addCalendarMonths(r.birthDate, 14 * 12), r.requestDate) > 0)
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'birthBeforeRequest' });
    if (valid(r.possibleTransferDate, r.possibleParoleDate) && compareIso(r.possibleParoleDate, r.possibleTransferDate) < 0)
      ctx.addIssue({ code: 'custom', path: ['possibleParoleDate'], message: 'paroleAfterTransfer' });
    if (valid(r.possibleParoleDate, r.sentenceEnd) && compareIso(r.sentenceEnd, r.possibleParoleDate) < 0)
      ctx.addIssue({ code: 'custom', path: ['sentenceEnd'], message: 'endAfterParole' });
    // V-77 p. 5, 7–8: a request is handled here if the convict serves here or asks for this halfway house.
    if (r.servingInstitutionId && r.halfwayHouseInstitutionId && r.servingInstitutionId !== OWN_INSTITUTION_ID && r.halfwayHouseInstitutionId !== OWN_INSTITUTION_ID)
      ctx.addIssue({ code: 'custom', path: ['halfwayHouseInstitutionId'], message: 'notOurCase' });
  });
export type RequestInput = z.infer<typeof requestInput>;

/** The longest note or reason a step may carry. */
export const STEP_NOTE_MAX = 2000;

const institutionRef = z.object({ id: z.string(), name: z.string() });

export const caseFacts = z.object({
  /** V-77 p. 7, p. 9: the day the dossier reached the halfway-house institution's director. */
  dossierReceivedOn: isoDate.optional(),
  /** V-77 p. 7: extension of the dossier term, in working days (0–10). */
  dossierExtensionDays: z.number().int().min(0).max(10).optional(),
  /** V-77 p. 7: the objective reason for the extension (required with it). */
  dossierExtensionReason: z.string().optional(),
  /** V-77 p. 10: the commission's decision; what may follow depends on it (p. 12–16). */
  decision: decisionId.optional(),
  /** V-77 p. 19: the day the decision not to satisfy the request was taken. */
  refusedOn: isoDate.optional(),
  /** V-77 p. 9–10: the meeting whose agenda the case is on, or where it was decided. */
  meetingId: z.string().optional(),
  /** V-77 p. 20: the day a place became free in the halfway house for this listed convict (before issue 14; no longer set). */
  placeFreedOn: isoDate.optional(),
  /** V-77 p. 7: the dossier was sent to the other institution's director (route 'sends'): when, to whom, which items. */
  dossierSent: z
    .object({ on: isoDate, to: z.string(), items: z.array(z.string()), /** Issue 15: the package that carried it. */ package: z.object({ sha256: z.string(), name: z.string() }).optional() })
    .optional(),
  /** V-77 p. 12: the day the convict was entered on the list. */
  listedOn: isoDate.optional(),
  /** V-77 p. 24–25: the arrival in the halfway house: from this day the convict occupies a place. */
  arrival: z
    .object({
      on: isoDate,
      /** HH:MM; p. 22 wants arrival by 15:00 on a working day. */
      time: z.string(),
      room: z.string(),
      bed: z.string(),
    })
    .optional(),
  /** V-77 p. 4, 44–46: the day the convict left the halfway house and how; the place frees that day. */
  departure: z.object({ on: isoDate, how: z.enum(['parole', 'sentence_end', 'transfer_elsewhere', 'return']) }).optional(),
  /** V-77 p. 20: the day the director was told that the place this case freed is free. */
  placeReportedOn: isoDate.optional(),
  /** V-77 p. 28, 31: the intensive preparation plan's date (the p. 32 reviews count from it). */
  intensivePlanOn: isoDate.optional(),
  /** V-77 p. 32: the latest monthly review of the intensive preparation plan. */
  lastReviewOn: isoDate.optional(),
  /** Seed 001: the day the institution's social worker took up the release preparation (at least 12 months before the possible parole date). */
  socialWorkerFrom: isoDate.optional(),
  /** Seed 001: the notice of the release sent to the municipality (at least 6 months before the possible parole date). */
  municipalityNoticeOn: isoDate.optional(),
  /** Seed 001: the list of convicts to be paroled sent to the probation service (no later than 1 month before). */
  probationListOn: isoDate.optional(),
  /**
   * V-77 p. 21–23, route 'sends' after the other institution granted the request: the day our convict
   * set off to its halfway house (p. 22) and the day the personal file was sent (p. 23: the same day).
   */
  transferOut: z.object({ departedOn: isoDate, personalFileSentOn: isoDate }).optional(),
});

/**
 * Issue 14: a record of the convict's life in the halfway house (V-77 p. 28–35) and of the release
 * preparation (seed 001): the two plans (the intensive one approved by the director, p. 31), the
 * monthly reviews (p. 32), non-compliance notes (p. 35, the evidence a return submission cites,
 * p. 45), the notice to the municipality and the list sent to the probation service.
 */
export const LIFE_ENTRY_KINDS = ['rehabilitationPlan', 'intensivePlan', 'review', 'nonCompliance', 'socialWorker', 'municipalityNotice', 'probationList'] as const;
export const lifeEntry = z.object({
  id: z.string(),
  kind: z.enum(LIFE_ENTRY_KINDS),
  on: isoDate,
  /** For the intensive plan: the day the director (or the official authorised) approved it (p. 31). */
  approvedOn: isoDate.optional(),
  note: z.string(),
  at: z.string(),
  by: z.string().optional(),
});
export type LifeEntry = z.infer<typeof lifeEntry>;

export const timelineEntry = z.object({
  at: z.string(),
  /** Who made the change (a user's id; absent for the system and for entries from before it was kept). */
  by: z.string().optional(),
  kind: z.enum(['registered', 'state', 'edited', 'dossier', 'extended', 'removed', 'corrected', 'reopened', 'act', 'appeal', 'passedOver', 'placeReported', 'life', 'transferOut', 'imported']),
  /** The date the event happened (a state change may be recorded after the fact). */
  on: isoDate.optional(),
  from: caseState.optional(),
  to: caseState.optional(),
  note: z.string().optional(),
  decision: decisionId.optional(),
  changed: z.array(z.string()).optional(),
  /** For 'dossier': the item that changed. */
  item: dossierItemId.optional(),
  /** For 'extended': the p. 7 extension in working days. */
  days: z.number().int().optional(),
  /** The signed document that took a step (p. 13–16, 46), or that passed over others on the list (p. 12). */
  documentId: z.string().optional(),
  /** The received act recorded ('act') or that took the step. */
  actId: z.string().optional(),
  /** The appeal filed or decided ('appeal'), or whose upholding reopened the case ('reopened'). */
  appealId: z.string().optional(),
  /** For 'life': the life entry recorded. */
  lifeId: z.string().optional(),
  /** For 'passedOver': the cases earlier on the list that the step passed over (V-77 p. 12). */
  passed: z.array(z.string()).optional(),
});

/** The kinds of documents received from elsewhere (issue 14). */
export const RECEIVED_ACT_KINDS = ['otherOutcome', 'departmentResolution', 'departmentRefusal', 'p47Notice', 'appealOutcome'] as const;
export const receivedActKind = z.enum(RECEIVED_ACT_KINDS);
export type ReceivedActKind = z.infer<typeof receivedActKind>;

/** A document received from another institution, the Prison Department or a court, with its copy (p. 49: for the personal file). */
export const receivedAct = z.object({
  id: z.string(),
  kind: receivedActKind,
  /** Its registration number and date, as written on it. */
  number: z.string(),
  date: isoDate,
  /** The day it was received here. */
  receivedOn: isoDate,
  /** Who issued it (the other institution, the Prison Department, the court). */
  issuer: z.string(),
  /** For 'otherOutcome': whether the request was granted there. */
  granted: z.boolean().optional(),
  note: z.string().optional(),
  file: z.object({ name: z.string(), sha256: z.string(), size: z.number().int(), mediaType: z.string() }),
  at: z.string(),
  by: z.string().optional(),
});
export type ReceivedAct = z.infer<typeof receivedAct>;

/**
 * An appeal against an act on the case (V-77 p. 51): against our director's decision (to grant,
 * refuse or return) to the Prison Department director (BVK art. 183), or against the Prison
 * Department director's decision to the regional administrative court.
 */
export const appeal = z.object({
  id: z.string(),
  /** The contested act: a generated document's id or a received act's id, and its kind. */
  against: z.object({ ref: z.string(), kind: z.string(), number: z.string(), date: isoDate }),
  body: z.enum(['department', 'court']),
  filedOn: isoDate,
  /** The last day of the term, when the term is set (a legal parameter). */
  dueBy: isoDate.optional(),
  note: z.string().optional(),
  outcome: z.object({ result: z.enum(['upheld', 'dismissed']), on: isoDate, actId: z.string(), reopenedTo: caseState.optional() }).optional(),
  at: z.string(),
  by: z.string().optional(),
});
export type Appeal = z.infer<typeof appeal>;

/** A case as stored: one file per case. */
export const caseRecord = z.object({
  id: z.string(),
  revision: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  convict: z.object({ firstName: z.string(), lastName: z.string(), personalFileNo: z.string(), birthDate: isoDate }),
  request: z.object({
    requestDate: isoDate,
    servingInstitution: institutionRef,
    halfwayHouse: institutionRef,
    possibleTransferDate: isoDate,
    possibleParoleDate: isoDate,
    sentenceEnd: isoDate,
  }),
  state: caseState,
  facts: caseFacts,
  /** V-77 p. 6: the dossier items with their documents and facts (absent until anything is loaded). */
  dossier: dossierRecord.optional(),
  /** Issue 14: documents received from elsewhere (p. 8, 17, 18, 47, 51), each with its copy. */
  acts: z.array(receivedAct).optional(),
  /** Issue 14: appeals against the acts on the case (p. 50–51). */
  appeals: z.array(appeal).optional(),
  /** Issue 14: the plans, reviews, non-compliance notes and release preparation in the halfway house (p. 28–35). */
  life: z.array(lifeEntry).optional(),
  timeline: z.array(timelineEntry),
});
export type CaseRecord = z.infer<typeof caseRecord>;

/** The request data of a stored case, as the registration form (and `cases.updateRequest`) takes it. */
export function requestInputOf(record: CaseRecord): RequestInput {
  return {
    firstName: record.convict.firstName,
    lastName: record.convict.lastName,
    personalFileNo: record.convict.personalFileNo,
    birthDate: record.convict.birthDate,
    servingInstitutionId: record.request.servingInstitution.id,
    halfwayHouseInstitutionId: record.request.halfwayHouse.id,
    requestDate: record.request.requestDate,
    possibleTransferDate: record.request.possibleTransferDate,
    possibleParoleDate: record.request.possibleParoleDate,
    sentenceEnd: record.request.sentenceEnd,
  };
}

// ---- Views computed for the UI ----

export const deadlineView = z.object({
  rule: z.enum(['p7', 'p9', 'p19', 'p20', 'p32', 'socialWorker', 'municipality', 'probation']),
  point: z.string(),
  kind: z.enum(['due', 'not_before']),
  date: isoDate,
  lt: z.string(),
  en: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});

/**
 * A V-77 term the request breaks (p. 5, p. 19: it warns, it does not refuse), or — from
 * cases.checkRequest, while the request is typed (issue 17) — the open case of the same convict
 * that registering would be refused for (CASE_DUPLICATE).
 */
export const requestFlag = z.discriminatedUnion('rule', [
  z.object({
    rule: z.enum(['p5', 'p19']),
    point: z.string(),
    earliestAllowed: isoDate,
    lt: z.string(),
    en: z.string(),
  }),
  z.object({
    rule: z.literal('duplicate'),
    caseId: z.string(),
    personalFileNo: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    requestDate: isoDate,
    state: caseState,
    lt: z.string(),
    en: z.string(),
  }),
]);

export const caseListItem = z.object({
  id: z.string(),
  /**
   * Set when the case file could not be read. The other fields then come from the index, or are
   * empty (and the dates and state null) when the index never knew the case.
   */
  damaged: bilingual.optional(),
  firstName: z.string(),
  lastName: z.string(),
  personalFileNo: z.string(),
  servingInstitution: z.string(),
  requestDate: isoDate.nullable(),
  possibleTransferDate: isoDate.nullable(),
  state: caseState.nullable(),
  nextDeadline: deadlineView.optional(),
  /** The V-77 rules the request was filed too early under (p. 5, p. 19); empty when none. */
  flags: z.array(z.enum(['p5', 'p19'])),
  updatedAt: z.string(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseView = z.object({
  record: caseRecord,
  deadlines: z.array(deadlineView),
  flags: z.array(requestFlag),
  nextStates: z.array(caseState),
  /** The decisions open to the commission for this convict (V-77 p. 10): 10.1/10.2 or 10.3/10.4. */
  possibleDecisions: z.array(decisionId),
  /** The date of the latest step (or of the request): a new step cannot be dated earlier. */
  lastStepOn: isoDate,
  /** Whether the convict serves in the institution that runs the requested halfway house (V-77 p. 10). */
  servesInHalfwayHouseInstitution: z.boolean(),
  /** Which commission decides (V-77 p. 5–8): ours for 'own' (10.1/10.2) and 'other' (10.3/10.4); the other institution's for 'sends'. */
  route: z.enum(['own', 'other', 'sends']),
  /** The latest step a correction could undo (a step recorded by hand), if any. */
  correctable: z.object({ from: caseState, to: caseState }).optional(),
  /** The acts on the case an appeal may contest now (p. 51), with the body it goes to and its term. */
  /** The names of the users the timeline names by id (`by`): who made each change, correction and record. */
  people: z.record(z.string(), z.string()).optional(),
  appealable: z.array(z.object({ ref: z.string(), kind: z.string(), number: z.string(), date: isoDate, body: z.enum(['department', 'court']), dueBy: isoDate.optional(), citation: z.string() })),
  /** V-77 p. 6: the checklist, what is missing, and whether the dossier is complete. */
  dossier: dossierView,
});
export type CaseView = z.infer<typeof caseView>;
