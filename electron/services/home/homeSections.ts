/** Issue 17: the sections of the start page, one per role. */
import type { GeneratedDocument } from '../../../shared/contract/documentSchemas';
import type { CaseRecord } from '../../../shared/contract/schemas';
import type { HomeCaseRef, HomeDossier, HomeMeeting, HomeTerm, HomeView } from '../../../shared/contract/homeSchemas';
import type { MeetingRecord } from '../../../shared/contract/meetingSchemas';
import type { SessionUser } from '../../../shared/contract/users';
import { addDays, compareIso, daysBetween, todayIso, type IsoDate } from '../../../shared/domain/calendar';
import { DOSSIER_EDITABLE_STATES, FINAL_STATES, REOPENINGS, REQUEST_EDITABLE_STATES, type CaseState } from '../../../shared/domain/caseStates';
import { requestFlags } from '../../../shared/domain/requestRules';
import { dossierLacks } from '../../../shared/domain/caseProgress';
import { actAwaited, adminProblems, cut, DIRECTOR_ACT_POINTS, groupByWhen, termWhen, type DirectorAct } from '../../../shared/domain/workQueue';
import { personalFileKey } from '../../../shared/domain/personalFile';
import { appealableOf } from '../cases/caseChanges';
import { placeState } from '../cases/placeAccounting';
import { deadlinesOf, refusalDates, refusedByConvict } from '../cases/views';
import { annulmentOfDocument } from '../documents/caseSteps';
import { awaitingSlots, awaitsSignatureOf, levelOf } from '../documents/app';
import type { ServiceContext } from '../context';
import type { AuditFacts } from './auditFacts';
import { trustedAnchors } from '../trust/anchors';
import type { CaseSummary, StoredCase } from '../store/caseStore';

export type HomeServices = Pick<ServiceContext, 'cases' | 'meetings' | 'generated' | 'settings' | 'trustedLists' | 'users' | 'today' | 'now'>;

type Section<K extends keyof HomeView> = NonNullable<HomeView[K]>;

function refOf(s: CaseSummary): HomeCaseRef {
  return { caseId: s.id, firstName: s.convict.firstName, lastName: s.convict.lastName, personalFileNo: s.convict.personalFileNo, state: s.state };
}

function dossierOf(s: CaseSummary): HomeDossier {
  return { ...refOf(s), documents: s.progress.dossier.documents, facts: s.progress.dossier.facts };
}

/** The day of the latest step in force (the request's date before any). */
function lastStepOn(s: CaseSummary): IsoDate {
  return s.progress.steps.at(-1)?.on ?? s.request.requestDate;
}

// ---- The secretary (V-77 p. 5–9, 19, 20, 32, 51) ----

/** An appeal term is looked for only on cases whose last step is this recent (the longest term set, with a month to spare). */
function appealWindowDays(ctx: HomeServices): number {
  const terms = ctx.settings.get()?.appealTerms;
  let longest = 31; // the administrative court's default month (ABTĮ 29 str. 1 d.)
  for (const term of [terms?.department, terms?.court]) {
    if (term?.months !== undefined) longest = Math.max(longest, term.months * 31);
    else if (term?.days !== undefined) longest = Math.max(longest, term.days);
  }
  return longest + 31;
}

const APPEAL_STATES: ReadonlySet<CaseState> = new Set(REOPENINGS.map((r) => r.from));

/** V-77 p. 51: the terms for an appeal against the act that put the case where it is, ending today or within the week. */
function appealTerms(ctx: HomeServices, s: CaseSummary, today: IsoDate): HomeTerm[] {
  let record;
  try {
    record = ctx.cases.get(s.id);
  } catch {
    return []; // a damaged case shows on the case list
  }
  const out: HomeTerm[] = [];
  for (const act of appealableOf(ctx, record)) {
    if (act.dueBy === undefined) continue; // a term not set is not guessed
    const when = termWhen(act.dueBy, today, false);
    if (when) out.push({ ...refOf(s), rule: 'appeal', point: '51', dueBy: act.dueBy, daysLeft: daysBetween(today, act.dueBy), when });
  }
  return out;
}

/** The planned or open meeting nearest from today on, if any. */
function nextMeetingOf(ctx: HomeServices, today: IsoDate): MeetingRecord | undefined {
  let next: MeetingRecord | undefined;
  for (const m of ctx.meetings.list()) {
    if ((m.state !== 'planned' && m.state !== 'open') || compareIso(m.date, today) < 0) continue;
    if (next === undefined || compareIso(m.date, next.date) < 0 || (m.date === next.date && m.time < next.time)) next = m;
  }
  return next;
}

/**
 * V-77 p. 9: the meeting with each case on its agenda and what its dossier lacks today. The agenda
 * is short, so each case file is read: "complete" is said only of a dossier complete today (an
 * identity document may have expired since the case was last written, p. 3.2).
 */
function meetingOf(ctx: HomeServices, m: MeetingRecord, byId: ReadonlyMap<string, CaseSummary>, today: IsoDate): HomeMeeting {
  const cases: HomeDossier[] = [];
  for (const item of m.agenda) {
    if (item.postponed !== undefined) continue;
    const s = byId.get(item.caseId);
    let record: CaseRecord | undefined;
    try {
      record = s ? ctx.cases.get(s.id) : undefined;
    } catch {
      record = undefined; // damaged: what it lacks is not known
    }
    if (s && record) cases.push({ ...refOf(s), ...dossierLacks(record, today) });
    else cases.push({ caseId: item.caseId, firstName: item.convict.firstName, lastName: item.convict.lastName, personalFileNo: item.convict.personalFileNo, state: null, documents: null, facts: null });
  }
  return { id: m.id, date: m.date, time: m.time, place: m.place, state: m.state, cases };
}

function summariesById(cases: readonly StoredCase[]): Map<string, CaseSummary> {
  const byId = new Map<string, CaseSummary>();
  for (const c of cases) if (c.summary) byId.set(c.id, c.summary);
  return byId;
}

/**
 * The states in which a term to meet runs (shared/domain/deadlines.ts): the dossier's and the
 * meeting's (V-77 p. 7, 9), the life in the halfway house (p. 32, seed 001), and a place freed but
 * not yet reported (p. 20). The others are not counted, which spares most of 10,000 cases.
 */
const TERM_STATES: ReadonlySet<CaseState> = new Set(['request_received', 'dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled', 'transferred']);

function mayHaveDueTerm(s: CaseSummary): boolean {
  if (TERM_STATES.has(s.state)) return true;
  return (s.state === 'left' || s.state === 'returned') && s.facts.departure !== undefined && s.facts.placeReportedOn === undefined;
}

const BEFORE_DECISION: ReadonlySet<CaseState> = new Set(REQUEST_EDITABLE_STATES);
const DOSSIER_OPEN: ReadonlySet<CaseState> = new Set(DOSSIER_EDITABLE_STATES);

export function secretarySection(ctx: HomeServices, cases: readonly StoredCase[], today: IsoDate): Section<'secretary'> {
  const terms: HomeTerm[] = [];
  const flagged: Section<'secretary'>['flagged']['lines'] = [];
  const dossiers: HomeDossier[] = [];
  const refused = refusedByConvict(cases);
  const appealSince = addDays(today, -appealWindowDays(ctx));
  for (const c of cases) {
    const s = c.summary;
    if (!s) continue;
    if (mayHaveDueTerm(s)) for (const d of deadlinesOf(s, today)) {
      if (d.kind !== 'due' || d.rule === 'p19') continue;
      const when = termWhen(d.date, today);
      if (when) terms.push({ ...refOf(s), rule: d.rule, point: d.point, dueBy: d.date, daysLeft: d.daysLeft, when });
    }
    if (APPEAL_STATES.has(s.state) && compareIso(lastStepOn(s), appealSince) >= 0) terms.push(...appealTerms(ctx, s, today));
    if (BEFORE_DECISION.has(s.state)) {
      // V-77 p. 5, 19: a request filed too early, while the commission can still weigh it.
      const convictCases = refused.get(personalFileKey(s.convict.personalFileNo)) ?? [];
      const flags = requestFlags(s.request, convictCases.length === 0 ? [] : refusalDates(convictCases, s.request.requestDate, s.id));
      if (flags.length > 0) flagged.push({ ...refOf(s), rules: flags.map((f) => f.rule), requestDate: s.request.requestDate });
    }
    // V-77 p. 6–8: a dossier waiting for documents or facts.
    if (DOSSIER_OPEN.has(s.state) && s.progress.dossier.documents + s.progress.dossier.facts > 0) dossiers.push(dossierOf(s));
  }
  flagged.sort((a, b) => compareIso(a.requestDate, b.requestDate));
  // Every dossier listed here comes from the index, so its counts are known.
  const lacking = (d: HomeDossier) => (d.documents ?? 0) + (d.facts ?? 0);
  dossiers.sort((a, b) => lacking(b) - lacking(a) || a.lastName.localeCompare(b.lastName, 'lt'));
  const meeting = nextMeetingOf(ctx, today);
  return {
    terms: groupByWhen(terms),
    flagged: cut(flagged),
    nextMeeting: meeting ? meetingOf(ctx, meeting, summariesById(cases), today) : null,
    dossiers: cut(dossiers),
  };
}

// ---- Whoever signs: the director, the chair, the secretary ----

/** The documents waiting for the user's signature, oldest first (as documents.queue lists them). */
export function signatureQueue(ctx: HomeServices, user: SessionUser): Section<'signatures'> {
  const docs = ctx.generated
    .list()
    .filter((d) => awaitsSignatureOf(d, { user }))
    .filter((d) => annulmentOfDocument(ctx, d) === undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return cut(docs.map((d) => ({ documentId: d.id, kind: d.kind, registrationNumber: d.registrationNumber, documentType: d.documentType, title: d.title, date: d.date, caseIds: d.caseIds })));
}

// ---- The director (V-77 p. 4, 12–16, 20, 46) ----

/**
 * Per case, its documents not replaced nor annulled on their own. Whether a reopening (V-77 p. 51)
 * spent one is read from the case file, and only for the few cases that wait for an act
 * (`inForceOf`): the director's act cites the commission's proposal (or the return submission), so
 * until one in force is issued, the act cannot be drafted and the case waits for the secretary.
 */
function documentsByCase(docs: readonly GeneratedDocument[]): Map<string, GeneratedDocument[]> {
  const byCase = new Map<string, GeneratedDocument[]>();
  for (const d of docs) {
    if (d.replacedBy !== undefined || d.annulledBy !== undefined || d.caseIds.length !== 1) continue;
    const caseId = d.caseIds[0]!;
    const list = byCase.get(caseId);
    if (list) list.push(d);
    else byCase.set(caseId, [d]);
  }
  return byCase;
}

/** The kinds of a case's documents in force: a reopening after an upheld appeal spends some (shared/domain/documents/annulment.ts). */
function inForceOf(ctx: HomeServices, docs: readonly GeneratedDocument[] | undefined): Set<string> {
  const kinds = new Set<string>();
  if (!docs) return kinds;
  let record: CaseRecord | undefined;
  try {
    record = ctx.cases.get(docs[0]!.caseIds[0]!);
  } catch {
    return kinds; // a damaged case shows as such in the list of cases, not here
  }
  for (const d of docs) if (annulmentOfDocument(ctx, d, record) === undefined) kinds.add(d.kind);
  return kinds;
}

/** A return submission fully signed and in force (V-77 p. 45): the director then decides (p. 46). */
function returnSubmitted(ctx: HomeServices, docs: readonly GeneratedDocument[] | undefined): boolean {
  const signed = docs?.filter((d) => d.kind === 'returnSubmission' && awaitingSlots(d).length === 0) ?? [];
  return signed.length > 0 && inForceOf(ctx, signed).has('returnSubmission');
}

/** The acts that settle the same step: an order or the motivated decision not to transfer (V-77 p. 13, 15). */
const SETTLED_BY: Readonly<Record<DirectorAct, readonly string[]>> = {
  order: ['order', 'declineDecision'],
  submission: ['submission'],
  letter: ['letter'],
  returnDecision: ['returnDecision'],
};

export function directorSection(ctx: HomeServices, cases: readonly StoredCase[], today: IsoDate): Section<'director'> {
  const settings = ctx.settings.get();
  const places = placeState(ctx, today);
  // V-77 p. 12–13: the free places go to the waiting convicts in list order.
  const waiting = places.list.filter((e) => e.waiting);
  const placed = new Set(waiting.slice(0, places.occupancy.free).map((e) => e.caseId));
  const byCase = documentsByCase(ctx.generated.list());
  const decisions: Section<'director'>['decisions']['lines'] = [];
  for (const c of cases) {
    const s = c.summary;
    if (!s) continue;
    const docs = byCase.get(s.id);
    const act = actAwaited(s.state, s.facts.decision, placed.has(s.id), s.state === 'transferred' && returnSubmitted(ctx, docs));
    if (act === undefined) continue;
    // Without any proposal issued the act cannot be drafted yet: no case file is read for it.
    if (act !== 'returnDecision' && !docs?.some((d) => d.kind === 'proposal')) continue;
    const kinds = inForceOf(ctx, docs);
    if (SETTLED_BY[act].some((k) => kinds.has(k)) || (act !== 'returnDecision' && !kinds.has('proposal'))) continue;
    // Since when it waits: the entry on the list for the order and the submission (p. 12), else the latest step.
    const since = (act === 'order' || act === 'submission') && s.facts.listedOn !== undefined ? s.facts.listedOn : lastStepOn(s);
    decisions.push({ ...refOf(s), act, point: DIRECTOR_ACT_POINTS[act], since });
  }
  decisions.sort((a, b) => compareIso(a.since, b.since));
  const head = waiting[0];
  return {
    decisions: cut(decisions),
    ...(settings?.institution.runsHalfwayHouse
      ? {
          places: {
            capacity: places.occupancy.capacity,
            free: places.occupancy.free,
            over: places.occupancy.over,
            waiting: waiting.length,
            head: head ? { caseId: head.caseId, firstName: head.firstName, lastName: head.lastName, position: head.position, requestDate: head.requestDate, decision: head.decision } : null,
          },
        }
      : {}),
  };
}

// ---- The chair and the members (V-77 p. 9–11) ----

export function commissionSection(ctx: HomeServices, cases: readonly StoredCase[], today: IsoDate): Section<'commission'> {
  const meeting = nextMeetingOf(ctx, today);
  return { nextMeeting: meeting ? meetingOf(ctx, meeting, summariesById(cases), today) : null };
}

// ---- The archivist (issue 15: case packages) ----

const CLOSED: ReadonlySet<CaseState> = new Set(FINAL_STATES);

/**
 * Issue 18: documents whose every line is signed and whose signatures are not yet long-term
 * (B-LTA), oldest first: the archive keeps only what still proves something after the certificates
 * expire. Annulled and replaced documents are kept in the archive too, so they are listed as well.
 */
export function notLongTerm(ctx: Pick<HomeServices, 'generated'>): NonNullable<Section<'archivist'>['notLongTerm']> {
  const docs = ctx.generated
    .list()
    .filter((d) => d.versions.some((v) => v.signature) && awaitingSlots(d).length === 0 && levelOf(d) !== 'B-LTA')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return cut(docs.map((d) => ({ documentId: d.id, kind: d.kind, registrationNumber: d.registrationNumber, documentType: d.documentType, title: d.title, date: d.date, caseIds: d.caseIds })));
}

export function archivistSection(cases: readonly StoredCase[], facts: AuditFacts, documents: Pick<HomeServices, 'generated'>): Section<'archivist'> {
  const { exports } = facts;
  const unexported: Section<'archivist'>['unexported']['lines'] = [];
  const changed: Section<'archivist'>['unexported']['lines'] = [];
  for (const c of cases) {
    const s = c.summary;
    if (!s || !CLOSED.has(s.state)) continue;
    const exportedAt = exports.get(s.id);
    const line = { ...refOf(s), closedOn: lastStepOn(s) };
    if (exportedAt === undefined) unexported.push(line);
    else if (s.updatedAt > exportedAt) changed.push({ ...line, exportedAt });
  }
  const oldestFirst = (a: { closedOn: IsoDate }, b: { closedOn: IsoDate }) => compareIso(a.closedOn, b.closedOn);
  return { unexported: cut(unexported.sort(oldestFirst)), changedSinceExport: cut(changed.sort(oldestFirst)), notLongTerm: notLongTerm(documents) };
}

// ---- The administrator ----

export function administratorSection(ctx: HomeServices, today: IsoDate, facts: AuditFacts): Section<'administrator'> {
  const now = ctx.now().toISOString();
  const users = ctx.users.all();
  const locked = users.filter((u) => u.active && u.lockedUntil !== undefined && u.lockedUntil > now).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, until: u.lockedUntil! }));
  const settings = ctx.settings.get();
  const { lastBackupAt } = facts;
  const problems = adminProblems(
    { settings: settings !== null, register: settings?.register !== undefined, trustedRoots: trustedAnchors(ctx).length > 0, lastBackupOn: lastBackupAt === undefined ? undefined : todayIso(new Date(lastBackupAt)) },
    today,
  );
  return {
    users: { active: users.filter((u) => u.active).length, inactive: users.filter((u) => !u.active).length, locked, mustChangePassword: users.filter((u) => u.active && u.mustChangePassword).length },
    problems,
    ...(lastBackupAt !== undefined ? { lastBackupAt } : {}),
  };
}
