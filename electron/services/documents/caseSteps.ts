/**
 * Issue 14: the director's acts move the case and guard the places (V-77 p. 12–16, 46).
 *
 * - A fully signed act of DOCUMENT_STEPS takes its step by itself when the case is where the act
 *   finds it: the order (p. 13) → transfer ordered, the motivated decision not to transfer (p. 15)
 *   → refused, the submission (p. 14) → submitted to the Prison Department, the p. 16 letter →
 *   refused, the decision to return (p. 46) → returned (the place frees). A replaced act, or one that
 *   already took its step, never moves the case; a case that moved meanwhile is left as it is.
 * - The order and the submission promise a place (p. 4, 13, 14): issuing one, and the signature that
 *   completes one, are refused when no place is free (NO_FREE_PLACE).
 * - The list is kept in request-date order (p. 12): an act for a convict beyond the first waiting
 *   ones passes over those before them and needs a written reason, which the case's timeline keeps
 *   in the same change as the act's issue; the signature that completes the act checks the order
 *   again, since someone with an earlier request may have been listed meanwhile.
 * - An act annulled by an upheld appeal (V-77 p. 51, shared/domain/documents/annulment) is no longer
 *   in force: it takes no step, excludes no other act and is cited by none.
 */
import type { DocumentRequest, GeneratedDocument } from '../../../shared/contract/documentSchemas';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { compareIso, type IsoDate } from '../../../shared/domain/calendar';
import { applyCaseStep, canTransition, caseRouteOf, CASE_STATE_LABELS, DOCUMENT_STEPS } from '../../../shared/domain/caseStates';
import { annulled as markAnnulled, annulmentOf, inForce } from '../../../shared/domain/documents/annulment';
import { DomainError } from '../../../shared/domain/errors';
import { ACT_NAMES } from '../../../shared/domain/errorTexts/afterDecision';
import type { ListEntry } from '../../../shared/domain/places';
import type { Call, ServiceContext, Stores } from '../context';
import { departedFacts } from '../cases/afterDecision';
import { caseChanges, stampOf } from '../cases/caseChanges';
import { passedOverBy, placeState, requireFreePlace } from '../cases/placeAccounting';
import { lastStepOn } from '../cases/views';

type DocumentStep = (typeof DOCUMENT_STEPS)[number];

/** The acts that promise a place in the halfway house (V-77 p. 13, 14). */
const PLACE_KINDS: readonly string[] = ['order', 'submission'];

/**
 * The act marked annulled by the upheld appeal `appealId` (V-77 p. 51), for the appeal's decision to
 * write in its own change (cases.decideAppeal). The same as shared/domain/documents/annulment's,
 * which the cases' service imports (the layer table keeps cases/ from importing documents/).
 */
export function annulled(doc: GeneratedDocument, appealId: string): GeneratedDocument {
  return markAnnulled(doc, appealId);
}

/** The case of a document about one case, or undefined (several cases, or a case that cannot be read). */
export function caseOfDocument(ctx: Pick<ServiceContext, 'cases'>, doc: Pick<GeneratedDocument, 'caseIds'>): CaseRecord | undefined {
  if (doc.caseIds.length !== 1) return undefined;
  try {
    return ctx.cases.get(doc.caseIds[0]!);
  } catch {
    return undefined;
  }
}

/** The appeal that put the act out of force (V-77 p. 51), read with its case; undefined while it stands. */
export function annulmentOfDocument(ctx: Pick<ServiceContext, 'cases'>, doc: GeneratedDocument, record: CaseRecord | undefined = caseOfDocument(ctx, doc)): string | undefined {
  return annulmentOf(doc, record);
}

/** Whether this act already took a step on the case (a reopened case is not moved again by the same act). */
function tookStep(record: CaseRecord, documentId: string): boolean {
  return record.timeline.some((e) => e.kind === 'state' && e.documentId === documentId);
}

/**
 * The step a fully signed act takes now, with the case it moves: none for a replaced or annulled act
 * (V-77 p. 51), an act that took its step already, or a case no longer in the state the act finds it
 * in (moved meanwhile). A case that cannot be read refuses (CASE_DAMAGED): it is checked before the
 * signature is kept.
 */
export function pendingStep(ctx: Pick<ServiceContext, 'cases'>, doc: GeneratedDocument): { record: CaseRecord; step: DocumentStep } | undefined {
  if (doc.replacedBy !== undefined || doc.annulledBy !== undefined || doc.caseIds.length !== 1) return undefined;
  const step = DOCUMENT_STEPS.find((s) => s.kind === doc.kind);
  if (!step) return undefined;
  const record = ctx.cases.get(doc.caseIds[0]!);
  if (!inForce(doc, record)) return undefined;
  if (record.state !== step.from || tookStep(record, doc.id)) return undefined;
  if (!canTransition(record.state, step.to, record.facts.decision, caseRouteOf(record.request))) return undefined;
  return { record, step };
}

/** What the timeline says of the step: the act, its date and number, and the reasons written in it. */
function noteOf(doc: GeneratedDocument): string {
  const name = ACT_NAMES[doc.kind]?.lt ?? doc.documentType;
  const reason = 'reason' in doc.request ? doc.request.reason : '';
  return `${name}, ${doc.date} Nr. ${doc.registrationNumber}${reason ? `: ${reason}` : ''}`;
}

/**
 * Take the step of a fully signed act (V-77 p. 13–16, 46), inside the signature's own change (see
 * documents.sign): dated by the act, but never before the case's latest step. The refusal's date is
 * the act's (p. 19 runs from it; the p. 16 letter prints the same date); a return frees the place
 * that day, with the facts every departure sets (cases/afterDecision departedFacts). Nothing happens
 * when no step is pending.
 */
export function takeDocumentStep(ctx: ServiceContext, doc: GeneratedDocument, call: Call): CaseRecord | undefined {
  const pending = pendingStep(ctx, doc);
  if (!pending) return undefined;
  const { record, step } = pending;
  const notBefore = lastStepOn(record);
  const on: IsoDate = compareIso(doc.date, notBefore) < 0 ? notBefore : doc.date;
  const facts = step.to === 'returned' ? departedFacts(record, on, 'return') : { ...record.facts };
  if (step.to === 'refused') facts.refusedOn = doc.date;
  const at = ctx.now().toISOString();
  const next = applyCaseStep({ ...record, facts, revision: record.revision + 1 }, { to: step.to, on, note: noteOf(doc), documentId: doc.id }, stampOf(call, at));
  return caseChanges(ctx).save(next, 'caseStep', call, {
    before: record,
    summary: `Byla ${record.id}: būsena „${CASE_STATE_LABELS[record.state].lt}“ → „${CASE_STATE_LABELS[step.to].lt}“ pasirašius dokumentą ${doc.registrationNumber} (V-77 ${step.point} p.)`,
  });
}

/**
 * V-77 p. 4, 13, 14: a place must be free today for the act's convict, unless they already hold or
 * occupy one (a correction of an order already signed): the places' one rule (NO_FREE_PLACE naming
 * the occupancy).
 */
function requirePlaceFor(ctx: ServiceContext, caseId: string): void {
  requireFreePlace(ctx, ctx.today(), caseId, 'document');
}

/** The case of an order or a submission, for the guards of the places (other requests have none). */
function placeCaseOf(request: DocumentRequest): string | undefined {
  return PLACE_KINDS.includes(request.kind) && 'caseId' in request ? request.caseId : undefined;
}

/** What issuing an act changes on the list: the convicts it passes over, with the reason written for it. */
export interface PassOver {
  caseId: string;
  passed: ListEntry[];
  reason: string;
}

/**
 * The guards at issue (V-77 p. 4, 12–14): a free place for an order or a submission, and a written
 * reason when it passes over anyone earlier on the list (PASS_OVER_REASON_REQUIRED names them).
 * Returns the pass-over to record once the act is issued.
 */
export function checkIssue(ctx: ServiceContext, request: DocumentRequest): PassOver | undefined {
  const caseId = placeCaseOf(request);
  if (caseId === undefined) return undefined;
  requirePlaceFor(ctx, caseId);
  const passed = passedOverBy(placeState(ctx, ctx.today()), caseId);
  if (passed.length === 0) return undefined;
  const reason = 'passOverReason' in request ? request.passOverReason : undefined;
  if (reason === undefined || reason === '') {
    throw new DomainError('PASS_OVER_REASON_REQUIRED', {
      earlier: passed.map((e) => ({ caseId: e.caseId, firstName: e.firstName, lastName: e.lastName, requestDate: e.requestDate })),
    });
  }
  return { caseId, passed, reason };
}

/**
 * V-77 p. 12: the issued act passes over the earlier convicts: the case's timeline keeps whom, why
 * and by which act (the audit trail names the cases by id only), in one change with the act itself:
 * the case is written with its entry, then `writeDocument` writes the act; should that fail, the
 * case is put back as it was, so that there are both or neither. A correction records its own entry
 * with its own id; the entries of the acts it replaced no longer count (annulment.standingPassOvers).
 */
export function recordPassOver(ctx: ServiceContext, pass: PassOver, doc: GeneratedDocument, call: Call, writeDocument: (stores: Stores) => void): void {
  const record = ctx.cases.get(pass.caseId);
  const at = ctx.now().toISOString();
  const passed = pass.passed.map((e) => e.caseId);
  const entry = { ...stampOf(call, at), kind: 'passedOver' as const, on: ctx.today(), note: pass.reason, documentId: doc.id, passed };
  const next: CaseRecord = { ...record, revision: record.revision + 1, updatedAt: at, timeline: [...record.timeline, entry] };
  const summary = `Byla ${record.id} aplenkė sąraše: ${passed.join(', ')} (dokumentas ${doc.registrationNumber}, V-77 12 p.)`;
  caseChanges(ctx).save(next, 'caseStep', call, { before: record, summary }, (put, stores) => {
    put();
    try {
      writeDocument(stores);
    } catch (e) {
      try {
        stores.cases.put(record, 'caseStep');
      } catch (again) {
        console.error(`Case ${record.id}: the pass-over of a document that was not written could not be taken back`, again);
      }
      throw e;
    }
  });
}

/**
 * V-77 p. 12, at the signature that completes an order or a submission: the list as it is now. Whom
 * the act passes over now must be among those its issue passed over with a written reason (the
 * case's entry for this act); someone else (a convict with an earlier request listed since) refuses
 * the signature (PASS_OVER_REASON_REQUIRED): the reason is given by issuing a correction.
 */
function requireOrderKept(ctx: ServiceContext, record: CaseRecord, doc: GeneratedDocument): void {
  const passed = passedOverBy(placeState(ctx, ctx.today()), record.id);
  if (passed.length === 0) return;
  const covered = new Set(record.timeline.flatMap((e) => (e.kind === 'passedOver' && e.documentId === doc.id ? (e.passed ?? []) : [])));
  if (passed.every((e) => covered.has(e.caseId))) return;
  throw new DomainError('PASS_OVER_REASON_REQUIRED', {
    earlier: passed.map((e) => ({ caseId: e.caseId, firstName: e.firstName, lastName: e.lastName, requestDate: e.requestDate })),
  });
}

/**
 * Before the signature that completes an act is kept: its case can be read (else the step could
 * not follow), and for an order or a submission whose step is pending a place is free, since the
 * step holds it (V-77 p. 13, 14), and the list's order is kept or its passing over was reasoned
 * (p. 12). An act whose case moved meanwhile takes no place.
 */
export function checkCompletingSignature(ctx: ServiceContext, doc: GeneratedDocument): void {
  const pending = pendingStep(ctx, doc);
  if (!pending || !PLACE_KINDS.includes(doc.kind)) return;
  requirePlaceFor(ctx, pending.record.id);
  requireOrderKept(ctx, pending.record, doc);
}
