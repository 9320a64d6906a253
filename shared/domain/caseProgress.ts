/**
 * Issue 17: what the start pages and the statistics read of a case without opening its file, kept
 * in the case index beside the summary: the path the case took through the procedure, and what its
 * dossier still lacks. Derived from the record whenever it is written, so it never disagrees with it.
 */
import type { IsoDate } from './calendar';
import type { CaseState } from './caseStates';
import type { DecisionId } from './decisions';
import { missingFromDossier, type DossierItems } from './dossier';

/** A timeline entry as the progress reads it (the contract's timelineEntry has this shape). */
interface TimelineStep {
  readonly kind: string;
  readonly at: string;
  readonly on?: IsoDate;
  readonly from?: CaseState;
  readonly to?: CaseState;
  readonly decision?: DecisionId;
}

/** What of a case record the progress is derived from. */
export interface ProgressSource {
  readonly updatedAt: string;
  readonly request: { readonly requestDate: IsoDate; readonly possibleTransferDate: IsoDate; readonly possibleParoleDate: IsoDate; readonly sentenceEnd: IsoDate };
  readonly dossier?: { readonly items: DossierItems } | undefined;
  readonly timeline: readonly TimelineStep[];
}

/** A change of state in force: from, to, and the day it happened (not the day it was recorded). */
export interface CaseStep {
  from: CaseState;
  to: CaseState;
  on: IsoDate;
  /** V-77 p. 10: for a step to "decided", the decision adopted (kept when a later appeal annuls it). */
  decision?: DecisionId;
}

export interface CaseProgress {
  /**
   * The state changes in force, oldest first: a correction removes the step it undid (the step is
   * treated as never taken); the reopening after an upheld appeal (V-77 p. 51) is a step of its own.
   */
  steps: CaseStep[];
  /**
   * V-77 p. 6–8: what keeps the dossier from being complete, counted as on the day of the case's last
   * change (`asOf`): items whose documents must still come from the convict's institution, and items
   * received whose facts the secretary has not recorded.
   */
  dossier: { documents: number; facts: number; asOf: IsoDate };
}

/** The steps in force of a timeline. */
export function stepsInForce(timeline: readonly TimelineStep[]): CaseStep[] {
  const steps: CaseStep[] = [];
  for (const e of timeline) {
    if (e.kind === 'corrected') steps.pop();
    else if ((e.kind === 'state' || e.kind === 'reopened') && e.from !== undefined && e.to !== undefined) {
      steps.push({ from: e.from, to: e.to, on: e.on ?? e.at.slice(0, 10), ...(e.to === 'decided' && e.decision !== undefined ? { decision: e.decision } : {}) });
    }
  }
  return steps;
}

/**
 * V-77 p. 6–8: what keeps the dossier from being complete on `day`, counted: items whose documents
 * must come from the convict's institution, and items whose facts (or answers) the secretary records.
 */
export function dossierLacks(record: Pick<ProgressSource, 'request' | 'dossier'>, day: IsoDate): { documents: number; facts: number } {
  const { requestDate, possibleTransferDate, possibleParoleDate, sentenceEnd } = record.request;
  const missing = missingFromDossier(record.dossier?.items ?? {}, { requestDate, possibleTransferDate, possibleParoleDate, sentenceEnd, today: day });
  let documents = 0;
  let facts = 0;
  const counted = new Set<string>();
  for (const m of missing) {
    if (counted.has(m.item)) continue; // an item counts once, by what it needs first
    counted.add(m.item);
    if (m.toRequest) documents++;
    else facts++;
  }
  return { documents, facts };
}

export function progressOf(record: ProgressSource): CaseProgress {
  const asOf = record.updatedAt.slice(0, 10);
  return { steps: stepsInForce(record.timeline), dossier: { ...dossierLacks(record, asOf), asOf } };
}
