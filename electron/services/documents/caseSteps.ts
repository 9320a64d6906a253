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
 * - The director's notices about our convict: the p. 47 notice to the other institution (route
 *   'sends') takes the case to "ineligible" from any state it may be issued in (P47_NOTICE_STATES),
 *   where the procedure has that step; the notice to the municipality (seed 001) is recorded on the
 *   case of a convict in the halfway house as the life record cases.recordLife would write (the
 *   release term is met). Both in the signature's own change, as the other acts' steps.
 */
import { randomUUID } from 'node:crypto';
import type { DocumentRequest, GeneratedDocument } from '../../../shared/contract/documentSchemas';
import type { CaseRecord, LifeEntry } from '../../../shared/contract/schemas';
import { compareIso, type IsoDate } from '../../../shared/domain/calendar';
import { applyCaseStep, canTransition, caseRouteOf, CASE_STATE_LABELS, DOCUMENT_STEPS, type CaseState } from '../../../shared/domain/caseStates';
import { annulled as markAnnulled, annulmentOf, inForce } from '../../../shared/domain/documents/annulment';
import type { DocumentKind } from '../../../shared/domain/documents/documentModel';
import { municipalityNoticeApplies, p47NoticeApplies } from '../../../shared/domain/documents/notices';
import { DomainError } from '../../../shared/domain/errors';
import { ACT_NAMES } from '../../../shared/domain/errorTexts/afterDecision';
import type { ListEntry } from '../../../shared/domain/places';
import type { Call, ServiceContext, Stores } from '../context';
import { departedFacts } from '../cases/afterDecision';
import { caseChanges, stampOf } from '../cases/caseChanges';
import { passedOverBy, placeState, requireFreePlace } from '../cases/placeAccounting';
import { lastStepOn } from '../cases/views';

/** A step a signed act takes: from the state it finds the case in, to the state it puts it in, under the point. */
interface DocumentStep {
  from: CaseState;
  to: CaseState;
  point: string;
}

/** The acts that promise a place in the halfway house (V-77 p. 13, 14). */
const PLACE_KINDS: readonly string[] = ['order', 'submission'];

/** The acts that, fully signed, do something to their case: the steps of DOCUMENT_STEPS, and the director's notices. */
const CASE_ACT_KINDS: readonly DocumentKind[] = [...DOCUMENT_STEPS.map((s) => s.kind), 'p47Notice', 'municipalityNotice'];

/**
 * The generated notices as the timeline names them (the errors' ACT_NAMES gives 'p47Notice' the
 * name of the notice another institution sends us, which cases.recordAct records).
 */
const NOTICE_NAMES: Partial<Record<DocumentKind, string>> = {
  p47Notice: 'direktoriaus pranešimas kitai įstaigai apie aplinkybes (V-77 47 p.)',
  municipalityNotice: 'pranešimas savivaldybei apie paleidimą (socialinės integracijos modelis)',
};

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

/**
 * Whether this act already did what it does to the case: took its step (a reopened case is not moved
 * again by the same act), or, the notice to the municipality, was recorded.
 */
function tookStep(record: CaseRecord, documentId: string): boolean {
  return record.timeline.some((e) => (e.kind === 'state' || e.kind === 'life') && e.documentId === documentId);
}

/** The step the act takes from the case's state, if the act has one from there. */
function stepOf(doc: GeneratedDocument, record: CaseRecord): DocumentStep | undefined {
  if (doc.kind === 'p47Notice') {
    // V-77 p. 47: from whichever state the notice may be issued in, while the request is open here.
    return p47NoticeApplies(record.state, caseRouteOf(record.request), record.facts.decision) ? { from: record.state, to: 'ineligible', point: '47' } : undefined;
  }
  const step = DOCUMENT_STEPS.find((s) => s.kind === doc.kind);
  return step && record.state === step.from ? step : undefined;
}

/**
 * What a fully signed act does to its case now: the step it takes, with the case it moves, or (the
 * notice to the municipality, seed 001) the record it makes on the case of a convict in the halfway
 * house. Nothing for a replaced or annulled act (V-77 p. 51), an act that did it already, or a case
 * no longer where the act finds it (moved meanwhile). A case that cannot be read refuses
 * (CASE_DAMAGED): it is checked before the signature is kept.
 */
export function pendingStep(
  ctx: Pick<ServiceContext, 'cases'>,
  doc: GeneratedDocument,
): { record: CaseRecord; step: DocumentStep } | { record: CaseRecord; notice: 'municipality' } | undefined {
  if (doc.replacedBy !== undefined || doc.annulledBy !== undefined || doc.caseIds.length !== 1) return undefined;
  if (!CASE_ACT_KINDS.includes(doc.kind)) return undefined;
  const record = ctx.cases.get(doc.caseIds[0]!);
  if (!inForce(doc, record) || tookStep(record, doc.id)) return undefined;
  if (doc.kind === 'municipalityNotice') {
    return municipalityNoticeApplies(record.state) && record.facts.arrival !== undefined ? { record, notice: 'municipality' } : undefined;
  }
  const step = stepOf(doc, record);
  if (!step) return undefined;
  if (!canTransition(record.state, step.to, record.facts.decision, caseRouteOf(record.request))) return undefined;
  return { record, step };
}

/** What the timeline says of the step: the act, its date and number, and the reasons written in it. */
function noteOf(doc: GeneratedDocument): string {
  const name = NOTICE_NAMES[doc.kind] ?? ACT_NAMES[doc.kind]?.lt ?? doc.documentType;
  const reason = 'reason' in doc.request ? doc.request.reason : '';
  return `${name}, ${doc.date} Nr. ${doc.registrationNumber}${reason ? `: ${reason}` : ''}`;
}

/**
 * Seed 001: the signed notice to the municipality, recorded on the case as cases.recordLife records
 * one (a 'municipalityNotice' life record and its timeline entry, which names the document): the
 * notice's day becomes the case's `municipalityNoticeOn` unless a later one is kept, and the release
 * term "notify the municipality" is met. Dated by the notice, never before the arrival.
 */
function recordMunicipalityNotice(ctx: ServiceContext, record: CaseRecord, doc: GeneratedDocument, call: Call): CaseRecord {
  const arrivedOn = record.facts.arrival?.on ?? doc.date;
  const on: IsoDate = compareIso(doc.date, arrivedOn) < 0 ? arrivedOn : doc.date;
  const at = ctx.now().toISOString();
  const stamp = stampOf(call, at);
  const by = stamp.by !== undefined ? { by: stamp.by } : {};
  const municipality = doc.request.kind === 'municipalityNotice' ? doc.request.municipality : '';
  const note = `${noteOf(doc)}${municipality ? ` (${municipality})` : ''}`;
  const entry: LifeEntry = { id: randomUUID(), kind: 'municipalityNotice', on, note, at, ...by };
  const facts = { ...record.facts };
  // As cases.recordLife: a notice dated earlier than the one kept does not move the date back.
  if (facts.municipalityNoticeOn === undefined || compareIso(on, facts.municipalityNoticeOn) > 0) facts.municipalityNoticeOn = on;
  const next: CaseRecord = {
    ...record,
    revision: record.revision + 1,
    updatedAt: at,
    facts,
    life: [...(record.life ?? []), entry],
    timeline: [...record.timeline, { at, ...by, kind: 'life', on, lifeId: entry.id, note, documentId: doc.id }],
  };
  return caseChanges(ctx).save(next, 'caseStep', call, {
    before: record,
    summary: `Byla ${record.id}: pasirašius dokumentą ${doc.registrationNumber} užregistruotas pranešimas savivaldybei apie paleidimą (${on})`,
  });
}

/**
 * Take the step of a fully signed act (V-77 p. 13–16, 46, 47), or record the notice to the
 * municipality (seed 001), inside the signature's own change (see
 * documents.sign): dated by the act, but never before the case's latest step. The refusal's date is
 * the act's (p. 19 runs from it; the p. 16 letter prints the same date); a return frees the place
 * that day, with the facts every departure sets (cases/afterDecision departedFacts). Nothing happens
 * when no step is pending.
 */
export function takeDocumentStep(ctx: ServiceContext, doc: GeneratedDocument, call: Call): CaseRecord | undefined {
  const pending = pendingStep(ctx, doc);
  if (!pending) return undefined;
  if ('notice' in pending) return recordMunicipalityNotice(ctx, pending.record, doc, call);
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
