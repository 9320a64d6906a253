import type { AppealTerm, CaseRecord, CaseView, Settings } from '../../../shared/contract/schemas';
import { addCalendarMonths, addDays, type IsoDate } from '../../../shared/domain/calendar';
import { appealBodyOf, REOPENINGS } from '../../../shared/domain/caseStates';

/** A generated document as the appeals need it: its kind, number and date, and whether an upheld appeal annulled it. */
export interface ActDocument {
  id: string;
  kind: string;
  registrationNumber: string;
  date: IsoDate;
  annulledBy?: string | undefined;
}

export type Appealable = CaseView['appealable'][number];

/** The default citations of the appeal terms; the numbers themselves are the administrator's to set (settings). */
export const APPEAL_CITATIONS = {
  department: 'BVK 183 str.',
  court: 'ABTĮ 29 str. 1 d.',
} as const;

/**
 * The terms when the settings set none: the administrative court's one month (ABTĮ 29 str. 1 d.).
 * The term of an appeal to the Prison Department director (BVK 183 str.) has no default: until the
 * administrator sets it, the app says it is not set rather than guess.
 */
export const DEFAULT_APPEAL_TERMS: { readonly department?: AppealTerm; readonly court?: AppealTerm } = {
  court: { months: 1, citation: APPEAL_CITATIONS.court },
};

/** The last day to appeal, counted from the day the act was served (`servedOn`), when the term is set; undefined when it is not. */
export function appealDueBy(term: AppealTerm | undefined, servedOn: IsoDate): IsoDate | undefined {
  if (!term) return undefined;
  if (term.months !== undefined) return addCalendarMonths(servedOn, term.months);
  if (term.days !== undefined) return addDays(servedOn, term.days);
  return undefined;
}

/**
 * What the term counts from, as the view says it (V-77 p. 51; BVK 183 str., ABTĮ 29 str. 1 d.: from
 * the day the act was served). The app does not record the service itself: our director's act is
 * taken as served to the convict on its date, another's act as served on the day it reached us.
 */
export function termCountedFrom(received: boolean, servedOn: IsoDate): string {
  return received ? `skaičiuojama nuo akto gavimo dienos ${servedOn}` : `skaičiuojama nuo akto datos ${servedOn} (įteiktas tą pačią dieną)`;
}

/**
 * The act that put the case in its present state, if an appeal may contest it (V-77 p. 51): the
 * latest step into the state, taken by a signed document (not annulled by an upheld appeal) or a
 * received act that a reopening knows (REOPENINGS), and no appeal against it still open.
 * `documentOf` reads a generated document. The term runs from the day the act was served
 * (termCountedFrom), which the citation says.
 */
export function appealableActs(record: CaseRecord, settings: Settings | null, documentOf: (id: string) => ActDocument | undefined): Appealable[] {
  const step = record.timeline.findLast((e) => (e.kind === 'state' || e.kind === 'reopened' || e.kind === 'corrected') && e.to !== undefined);
  if (!step || step.kind !== 'state' || step.to !== record.state) return [];
  let act: { ref: string; kind: string; number: string; date: IsoDate } | undefined;
  let served: { on: IsoDate; received: boolean } | undefined;
  if (step.documentId !== undefined) {
    const doc = documentOf(step.documentId);
    if (doc && doc.annulledBy === undefined) {
      act = { ref: doc.id, kind: doc.kind, number: doc.registrationNumber, date: doc.date };
      served = { on: doc.date, received: false };
    }
  } else if (step.actId !== undefined) {
    const received = record.acts?.find((a) => a.id === step.actId);
    if (received) {
      act = { ref: received.id, kind: received.kind, number: received.number, date: received.date };
      served = { on: received.receivedOn, received: true };
    }
  }
  if (!act || !served) return [];
  const kind = act.kind;
  if (!REOPENINGS.some((r) => r.from === record.state && r.act === kind)) return [];
  if (record.appeals?.some((a) => a.against.ref === act.ref && a.outcome === undefined)) return [];
  const body = appealBodyOf(kind);
  // A term saved without a length (the form's empty row) is no term: the default applies.
  const set = settings?.appealTerms?.[body];
  const term = set && (set.days !== undefined || set.months !== undefined) ? set : DEFAULT_APPEAL_TERMS[body];
  const dueBy = appealDueBy(term, served.on);
  const citation = `${term?.citation || APPEAL_CITATIONS[body]}; ${termCountedFrom(served.received, served.on)}`;
  return [{ ...act, body, ...(dueBy !== undefined ? { dueBy } : {}), citation }];
}
