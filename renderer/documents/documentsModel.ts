import { documentRequest, type DocumentItem, type SignatureRecord } from '../../shared/contract/documentSchemas';
import type { MethodInput } from '../../shared/contract/methods';
import type { CaseRecord, LifeEntry, ReturnGround } from '../../shared/contract/schemas';
import { formatLtDate } from '../../shared/domain/calendar';
import { caseRouteOf, type RoutedRequest } from '../../shared/domain/caseStates';
import type { DocumentKind } from '../../shared/domain/documents/documentModel';
import { municipalityNoticeApplies, p47NoticeApplies } from '../../shared/domain/documents/notices';
import { TRANSFER_NOTICE_ANNEXES, transferOutApplies } from '../../shared/domain/documents/transferNotice';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';
import type { MessageKey } from '../i18n/messages';

/** A document request as the UI sends it (the back end fills the defaults). */
export type DocumentRequestInput = MethodInput<'documents.preview'>;

/**
 * What the documents screens show and offer, as pure functions: which documents the procedure has
 * reached for a case or a meeting (the back end refuses the others with DOCUMENT_NOT_DUE), the
 * request each one is generated from, a document's versions and its signing status.
 */

/** The V-77 point each kind implements, as the screens cite it; '' for the notice to the municipality (seed 001) and the report (issue 17), not V-77's. */
export const DOCUMENT_POINTS: Readonly<Record<DocumentKind, string>> = {
  minutes: '9–11',
  proposal: '10',
  order: '13',
  declineDecision: '15',
  submission: '14',
  letter: '16',
  list: '12',
  returnSubmission: '45',
  returnDecision: '46',
  p47Notice: '47',
  municipalityNotice: '',
  transferNotice: '22–23',
  statisticsReport: '',
};

/** The basis a screen cites for a kind: "V-77 13 p.", or the social integration model for the notice to the municipality. */
export function basisText(kind: DocumentKind, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (kind === 'statisticsReport') return t('documents.basis.statistics');
  const point = DOCUMENT_POINTS[kind];
  return point === '' ? t('documents.basis.integrationModel') : t('deadline.point', { point });
}

/** V-77 p. 15, 45, 46: the signer's own motivation is written into these documents; p. 47: the circumstances. */
const REASON_KINDS: readonly DocumentKind[] = ['declineDecision', 'returnSubmission', 'returnDecision', 'p47Notice'];

export const needsReason = (kind: DocumentKind): boolean => REASON_KINDS.includes(kind);

/** V-77 p. 47: what the reason field holds is the circumstances, not the signer's motives. */
export const reasonIsCircumstances = (kind: DocumentKind): boolean => kind === 'p47Notice';

/** Seed 001: the notice to the municipality names the municipality and the institution's social worker. */
export const takesMunicipality = (kind: DocumentKind): boolean => kind === 'municipalityNotice';

/** V-77 p. 45: the return submission lists the documents that support its reasons. */
export const takesAnnexes = (kind: DocumentKind): boolean => kind === 'returnSubmission' || kind === 'transferNotice';

/** V-77 p. 22–23: the notice of the arrival names the day the convict leaves (and the personal file is sent). */
export const takesDeparture = (kind: DocumentKind): boolean => kind === 'transferNotice';

/**
 * What a document is generated about: a case (with the meeting that decided it, if one did), a
 * meeting (the minutes) or the institution (the list).
 */
export type DocumentTarget = { kind: 'case'; caseId: string; decidedAt?: string | undefined } | { kind: 'meeting'; meetingId: string } | { kind: 'institution' };

/**
 * The documents a case has reached (V-77 p. 10–16, 44–47): the proposal after any decision of a
 * closed meeting, the order (p. 13) and the motivated refusal (p. 15) after 10.1, the submission
 * (p. 14) after 10.3, the letter (p. 16) after 10.2 or 10.4, and the return documents (p. 45–46)
 * and the notice to the municipality (seed 001) once the convict is in the halfway house; the p. 47
 * notice for our convict who asked for another institution's halfway house (route 'sends') while the
 * request is open here. Without the request (its route) the case is taken for one our commission decides.
 */
export function caseKindsDue(record: Pick<CaseRecord, 'state' | 'facts'> & { request?: RoutedRequest | undefined; acts?: CaseRecord['acts'] }): DocumentKind[] {
  const decision = record.facts.decision;
  const kinds: DocumentKind[] = [];
  // Issue 14: once the convict is in the halfway house (or has left it), the acts that led there are past.
  const arrived = record.state === 'transferred' || record.state === 'returned' || record.state === 'left';
  if (decision !== undefined) kinds.push('proposal');
  if (decision === '10.1' && !arrived) kinds.push('order', 'declineDecision');
  if (decision === '10.3' && !arrived) kinds.push('submission');
  if (decision === '10.2' || decision === '10.4') kinds.push('letter');
  if (record.state === 'transferred' || record.state === 'returned') kinds.push('returnSubmission', 'returnDecision');
  if (municipalityNoticeApplies(record.state)) kinds.push('municipalityNotice');
  if (record.request !== undefined && p47NoticeApplies(record.state, caseRouteOf(record.request), decision)) kinds.push('p47Notice');
  // V-77 p. 21–23: our convict goes to the other institution's halfway house that granted the request.
  if (transferOutApplies(record)) kinds.push('transferNotice');
  return kinds;
}

/** The minutes are drawn up once the meeting is closed (V-77 p. 9–11). */
export function meetingKindsDue(state: string): DocumentKind[] {
  return state === 'closed' ? ['minutes'] : [];
}

/** What the author writes for a document: the reasons (p. 15, 45, 46) and, for p. 45, its annexes one per line. */
export interface ComposeDraft {
  reason: string;
  annexes: string;
  /** Issue 12: who signs the director's line: '' for the director, else a deputy's id from the register. */
  signedBy: string;
  /**
   * Issue 14: why an order (p. 13) or a submission (p. 14) passes over convicts earlier on the list
   * (p. 12); asked for when the back end answers PASS_OVER_REASON_REQUIRED, sent only when given.
   */
  passOverReason: string;
  /** Seed 001: the municipality administration told of the release, and the institution's social worker as its contact. */
  municipality: string;
  socialWorkerName: string;
  socialWorkerPhone: string;
  socialWorkerEmail: string;
  /** V-77 p. 22–23: the day the convict leaves for the other institution's halfway house. */
  departureOn: string;
  /** V-77 p. 44: the return grounds chosen from the settings' catalogue, by id. */
  grounds: readonly string[];
}

export const EMPTY_DRAFT: ComposeDraft = {
  reason: '',
  annexes: '',
  signedBy: '',
  passOverReason: '',
  municipality: '',
  socialWorkerName: '',
  socialWorkerPhone: '',
  socialWorkerEmail: '',
  departureOn: '',
  grounds: [],
};

/** The draft a new document of `kind` starts from: the p. 22 notice offers the photo and the personal marks as its annexes. */
export function initialDraft(kind: DocumentKind): ComposeDraft {
  return kind === 'transferNotice' ? { ...EMPTY_DRAFT, annexes: TRANSFER_NOTICE_ANNEXES.join('\n') } : EMPTY_DRAFT;
}

/** V-77 p. 12–14: the acts that take a place, and so may pass over someone earlier on the list. */
export const takesPlace = (kind: DocumentKind): kind is 'order' | 'submission' => kind === 'order' || kind === 'submission';

/** The kinds the director signs (V-77 p. 13–16, 46, 47; seed 001): a deputy may be chosen to sign in the director's place. */
export const DIRECTOR_SIGNED: readonly DocumentKind[] = ['order', 'declineDecision', 'submission', 'letter', 'returnDecision', 'p47Notice', 'municipalityNotice', 'transferNotice'];

export function directorSigns(kind: DocumentKind): boolean {
  return DIRECTOR_SIGNED.includes(kind);
}

/** Who may sign the director's line, as the compose form offers them: the director, then each deputy. */
export interface SignerChoice {
  value: string;
  name: string;
  position: string;
}

export function signerChoices(register: { director: { name: string; position: string }; deputies?: readonly { id: string; name: string; position: string }[] | undefined } | undefined): SignerChoice[] {
  if (!register) return [];
  return [{ value: '', name: register.director.name, position: register.director.position }, ...(register.deputies ?? []).map((d) => ({ value: d.id, name: d.name, position: d.position }))];
}

/** The lines of the annex field that say something, trimmed. */
export function annexesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The request a document of `kind` about `target` is previewed and issued from. */
export function requestOf(target: DocumentTarget, kind: DocumentKind, draft: ComposeDraft): DocumentRequestInput {
  if (kind === 'list') return { kind };
  if (kind === 'statisticsReport') throw new Error('The report to the Prison Department is prepared on the statistics page');
  if (kind === 'minutes') {
    if (target.kind !== 'meeting') throw new Error('The minutes are about a meeting');
    return { kind, meetingId: target.meetingId };
  }
  if (target.kind !== 'case') throw new Error(`A document of kind ${kind} is about a case`);
  const { caseId } = target;
  const signer = draft.signedBy !== '' ? { signedBy: draft.signedBy } : {};
  if (kind === 'returnSubmission') return { kind, caseId, reason: draft.reason, annexes: annexesOf(draft.annexes), ...(draft.grounds.length > 0 ? { grounds: [...draft.grounds] } : {}) };
  if (kind === 'declineDecision' || kind === 'returnDecision' || kind === 'p47Notice') return { kind, caseId, reason: draft.reason, ...signer };
  if (kind === 'transferNotice') return { kind, caseId, departureOn: draft.departureOn.trim(), annexes: annexesOf(draft.annexes), ...signer };
  if (kind === 'municipalityNotice') {
    return {
      kind,
      caseId,
      municipality: draft.municipality,
      socialWorker: { name: draft.socialWorkerName, phone: draft.socialWorkerPhone, email: draft.socialWorkerEmail },
      ...signer,
    };
  }
  if (kind === 'proposal') return { kind, caseId };
  if (takesPlace(kind)) {
    const passOverReason = draft.passOverReason.trim();
    return { kind, caseId, ...signer, ...(passOverReason !== '' ? { passOverReason } : {}) };
  }
  return { kind, caseId, ...signer };
}

/** The social worker's fields of the request, by the draft's field that holds each. */
const SOCIAL_WORKER_FIELDS: Readonly<Record<string, keyof ComposeDraft>> = { name: 'socialWorkerName', phone: 'socialWorkerPhone', email: 'socialWorkerEmail' };

/** The draft's field an issue of the request's schema is about. */
function draftPathOf(path: readonly PropertyKey[]): PropertyKey[] {
  // The social worker's details are fields of their own ('socialWorker.email' → 'socialWorkerEmail').
  const field = path[0] === 'socialWorker' && typeof path[1] === 'string' ? SOCIAL_WORKER_FIELDS[path[1]] : undefined;
  if (field !== undefined) return [field];
  // An annex is reported on the field that holds them all ('annexes.3' → 'annexes').
  return path.slice(0, 1);
}

/** What is wrong with the draft, by field ('reason', 'annexes', 'municipality', …), as VALIDATION_MESSAGES keys; the contract's schema decides. */
export function draftProblems(target: DocumentTarget, kind: DocumentKind, draft: ComposeDraft): FieldErrors {
  const parsed = documentRequest.safeParse(requestOf(target, kind, draft));
  if (parsed.success) return {};
  return fieldErrorsFromIssues(parsed.error.issues.map((issue) => ({ path: draftPathOf(issue.path), message: issue.message })));
}

/**
 * What each kind cites by its registration number, and so can be issued only after (a preview may
 * cite "Nr. ____"): the proposal cites the minutes of the meeting that decided; the director's
 * documents and the letter cite the proposal (V-77 p. 13–16); the return decision cites the return
 * submission (p. 46).
 */
const CITES: Readonly<Partial<Record<DocumentKind, DocumentKind>>> = {
  proposal: 'minutes',
  order: 'proposal',
  declineDecision: 'proposal',
  submission: 'proposal',
  letter: 'proposal',
  returnDecision: 'returnSubmission',
};

/** In force: neither replaced by a correction nor annulled by an upheld appeal (V-77 p. 51). */
const inForce = (d: Pick<DocumentItem, 'replacedBy' | 'annulledBy'>) => d.replacedBy === undefined && d.annulledBy === undefined;

/**
 * The kind that must be issued before `kind` about `target`, when none of it is in force among the
 * target's `documents`; null when nothing is missing. The minutes must be those of the deciding meeting.
 */
export function missingFirst(kind: DocumentKind, target: DocumentTarget, documents: readonly DocumentItem[]): DocumentKind | null {
  const cited = CITES[kind];
  if (cited === undefined) return null;
  const decidedAt = target.kind === 'case' ? target.decidedAt : undefined;
  const found = documents.some((d) => d.kind === cited && inForce(d) && (cited !== 'minutes' || d.meetingId === decidedAt));
  return found ? null : cited;
}

/**
 * A due kind: its document in force (issued, not replaced, not annulled) if any, and what must be
 * issued before it. A kind whose act an upheld appeal annulled (V-77 p. 51) is offered anew: the
 * annulled act is not corrected.
 */
export interface KindOffer {
  kind: DocumentKind;
  current: DocumentItem | undefined;
  waitsFor: DocumentKind | null;
}

/** Each due kind with its document in force: one not yet issued is offered, one issued is corrected instead. */
export function kindOffers(due: readonly DocumentKind[], target: DocumentTarget, documents: readonly DocumentItem[]): KindOffer[] {
  return due.map((kind) => ({ kind, current: documents.find((d) => d.kind === kind && inForce(d)), waitsFor: missingFirst(kind, target, documents) }));
}

/** Whether a document may be corrected by a new one: it is still in force and its kind is still due. */
export function canCorrect(item: DocumentItem, due: readonly DocumentKind[]): boolean {
  return inForce(item) && due.includes(item.kind);
}

/** One version of a document's file: 1 as issued, then one more per signature, then one per long-term extension (issue 18). */
export interface DocumentVersion {
  version: number;
  at: string;
  signature?: SignatureRecord;
  extension?: NonNullable<DocumentItem['extensions']>[number];
}

export function versionsOf(item: Pick<DocumentItem, 'createdAt' | 'signatures' | 'extensions'>): DocumentVersion[] {
  return [
    { version: 1, at: item.createdAt },
    ...item.signatures.map((signature, i) => ({ version: i + 2, at: signature.at, signature })),
    ...(item.extensions ?? []).map((extension) => ({ version: extension.version, at: extension.at, extension })),
  ];
}

/**
 * Issue 18: whether the long-term extension is offered: the document is in force and signed by every
 * line (status 'signed'), and its signatures are not yet B-LTA (the back end refuses the others).
 */
export function offersLongTerm(item: Pick<DocumentItem, 'replacedBy' | 'annulledBy' | 'awaiting' | 'level'>): boolean {
  return statusOf(item) === 'signed' && item.level !== undefined && item.level !== 'B-LTA';
}

/**
 * Replaced (a correction is in force), annulled (an upheld appeal put it out of force, V-77 p. 51),
 * awaiting a signature, or signed by everyone who signs it.
 */
export type DocumentStatus = 'replaced' | 'annulled' | 'awaiting' | 'signed';

export function statusOf(item: Pick<DocumentItem, 'replacedBy' | 'annulledBy' | 'awaiting'>): DocumentStatus {
  if (item.replacedBy !== undefined) return 'replaced';
  if (item.annulledBy !== undefined) return 'annulled';
  return item.awaiting.length > 0 ? 'awaiting' : 'signed';
}

export const DOCUMENT_FILTERS = ['all', 'awaiting', 'signed', 'replaced', 'annulled'] as const;
export type DocumentFilter = (typeof DOCUMENT_FILTERS)[number];

export function filterDocuments(documents: readonly DocumentItem[], filter: DocumentFilter): DocumentItem[] {
  return filter === 'all' ? [...documents] : documents.filter((d) => statusOf(d) === filter);
}

/** The registration number of the document with `id` among `documents`, or the id when it is not there. */
export function numberOf(documents: readonly Pick<DocumentItem, 'id' | 'registrationNumber'>[], id: string): string {
  return documents.find((d) => d.id === id)?.registrationNumber ?? id;
}

/**
 * Who is still awaited, as a list shows it: "Direktorė Rūta Žemaitienė" where the document names the
 * person (issue 12), else the role ("direktorius").
 */
export function awaitedText(item: Pick<DocumentItem, 'awaiting' | 'awaitingSigners'>, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  const signers = item.awaitingSigners ?? [];
  if (signers.length === item.awaiting.length && signers.every((s) => s.name !== '')) {
    return signers.map((s) => t('documents.awaitingSigner', { position: s.position, name: s.name })).join(', ');
  }
  return item.awaiting.map((r) => t(`documents.role.${r}`)).join(', ');
}

/**
 * V-77 p. 44: the return grounds' problem on the form: with a catalogue, at least one is chosen (the
 * back end refuses the same); without one, none can be (the settings must first name them).
 */
export function groundsProblem(catalogue: readonly Pick<ReturnGround, 'id'>[], chosen: readonly string[]): string | undefined {
  if (catalogue.length > 0 && !chosen.some((id) => catalogue.some((g) => g.id === id))) return 'required';
  return undefined;
}

/** The chosen grounds with `id` switched on or off, in the catalogue's order. */
export function withGround(catalogue: readonly Pick<ReturnGround, 'id'>[], chosen: readonly string[], id: string, on: boolean): string[] {
  const next = new Set(chosen);
  if (on) next.add(id);
  else next.delete(id);
  return catalogue.map((g) => g.id).filter((g) => next.has(g));
}

/** The longest annex line the contract accepts. */
const ANNEX_MAX = 300;

/**
 * V-77 p. 35, 45: the non-compliance notes on the case, offered as the return submission's annex
 * lines ("Pastaba dėl plano nevykdymo, 2026 m. lapkričio 30 d.: …"), oldest first; a long note is
 * shortened to fit a line. They are printed in the document only if the user adds them.
 */
export function nonComplianceAnnexes(life: readonly Pick<LifeEntry, 'kind' | 'on' | 'note'>[] | undefined): string[] {
  return (life ?? [])
    .filter((e) => e.kind === 'nonCompliance')
    .toSorted((a, b) => a.on.localeCompare(b.on))
    .map((e) => {
      const line = `Pastaba dėl plano nevykdymo, ${formatLtDate(e.on)}: ${e.note.trim().replace(/\s+/g, ' ')}`;
      return line.length <= ANNEX_MAX ? line : `${line.slice(0, ANNEX_MAX - 1).trimEnd()}…`;
    });
}

/** The annex field with `line` added as a line of its own (once). */
export function withAnnexLine(annexes: string, line: string): string {
  if (annexesOf(annexes).includes(line)) return annexes;
  const base = annexes.replace(/\s+$/u, '');
  return base === '' ? line : `${base}\n${line}`;
}
