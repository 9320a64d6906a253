import type { DocumentKind } from './documentModel';

/**
 * Issue 14, V-77 p. 50–51: which of a case's generated acts are still in force. An upheld appeal
 * annuls the act it contested (the act is kept as it was, marked `annulledBy` with the appeal's id)
 * and reopens the case at the step that act took, never by editing history. When the appeal sends
 * the case back to the commission (an annulled p. 16 letter), the documents issued on the earlier
 * decision go with it: the commission decides again at a new meeting, with a new proposal. When it
 * puts the convict back in the halfway house (an annulled p. 46 decision to return), the return
 * submission that decision answered is spent as well: a later return needs a new one (p. 45).
 *
 * Pure: read from the document and its case (structural types, so that the services, the cases'
 * appeals and the screens may all use it).
 */

/** What the rules need of a generated document. */
export interface ActDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly caseIds: readonly string[];
  /** When it was issued (ISO timestamp, as the timeline's `at`). */
  readonly createdAt: string;
  readonly replacedBy?: string | undefined;
  readonly annulledBy?: string | undefined;
}

/** What the rules need of the document's case: its appeals and the reopenings on its timeline. */
export interface AppealedCase {
  readonly id: string;
  readonly appeals?: readonly { readonly id: string; readonly against: { readonly ref: string }; readonly outcome?: { readonly result: string } | undefined }[] | undefined;
  readonly timeline: readonly { readonly kind: string; readonly at: string; readonly to?: string | undefined; readonly appealId?: string | undefined }[];
}

/** The acts about one case (the minutes and the list concern a meeting or the institution). */
const CASE_KINDS: readonly DocumentKind[] = ['proposal', 'order', 'declineDecision', 'submission', 'letter', 'returnSubmission', 'returnDecision'];

/** The kinds a reopening to a state leaves behind, issued before it (V-77 p. 51; REOPENINGS in caseStates). */
const SPENT_BY_REOPENING: Readonly<Record<string, readonly DocumentKind[]>> = {
  // An annulled letter (p. 16): the commission considers the request again (p. 9–10).
  ready_for_commission: CASE_KINDS,
  // An annulled decision to return (p. 46): the convict is in the halfway house again.
  transferred: ['returnSubmission', 'returnDecision'],
};

/** The act marked annulled by the upheld appeal `appealId` (p. 51): kept as it was, no longer in force. */
export function annulled<D extends { annulledBy?: string | undefined }>(doc: D, appealId: string): D {
  return { ...doc, annulledBy: appealId };
}

/**
 * The appeal whose upholding put the act out of force, or undefined while it stands: the mark the
 * appeal's decision wrote on it, an upheld appeal against it on its case, or a reopening of its case
 * to a step before the act's (issued before the reopening). `record` is the act's case (the rules
 * that need it are skipped without it).
 */
export function annulmentOf(doc: ActDocument, record?: AppealedCase): string | undefined {
  if (doc.annulledBy !== undefined) return doc.annulledBy;
  if (record === undefined || !CASE_KINDS.includes(doc.kind) || doc.caseIds.length !== 1 || doc.caseIds[0] !== record.id) return undefined;
  const upheld = record.appeals?.find((a) => a.against.ref === doc.id && a.outcome?.result === 'upheld');
  if (upheld) return upheld.id;
  const reopening = record.timeline.find(
    (e) => e.kind === 'reopened' && e.appealId !== undefined && e.to !== undefined && (SPENT_BY_REOPENING[e.to] ?? []).includes(doc.kind) && doc.createdAt < e.at,
  );
  return reopening?.appealId;
}

/** Whether the act is in force: not replaced by a correction and not annulled (V-77 p. 51). */
export function inForce(doc: ActDocument, record?: AppealedCase): boolean {
  return doc.replacedBy === undefined && annulmentOf(doc, record) === undefined;
}

/**
 * V-77 p. 12: the pass-overs of a case that count, once each. An act that passes over someone keeps
 * a 'passedOver' entry with its id; a correction of it records its own entry (its reason may be the
 * correction's point), and the entries of the acts it replaced, directly or through earlier
 * corrections, no longer count. `replacesOf` names the act a document replaced, if any.
 */
export function standingPassOvers<E extends { readonly kind: string; readonly documentId?: string | undefined }>(
  timeline: readonly E[],
  replacesOf: (documentId: string) => string | undefined,
): E[] {
  const corrected = new Set<string>();
  const out: E[] = [];
  for (let i = timeline.length - 1; i >= 0; i--) {
    const entry = timeline[i]!;
    if (entry.kind !== 'passedOver') continue;
    if (entry.documentId !== undefined && corrected.has(entry.documentId)) continue;
    out.push(entry);
    const seen = new Set<string>();
    for (let id = entry.documentId === undefined ? undefined : replacesOf(entry.documentId); id !== undefined && !seen.has(id); id = replacesOf(id)) {
      seen.add(id);
      corrected.add(id);
    }
  }
  return out.reverse();
}
