import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { Services } from '../../electron/services/index';
import { CaseStore } from '../../electron/services/store/caseStore';
import { RecordFolder } from '../../electron/services/store/recordFolder';
import { storageError } from '../../electron/services/store/storageErrors';
import type { DocumentItem, RegisterSettings } from '../../shared/contract/documentSchemas';
import type { CaseRecord, CaseView, RequestInput } from '../../shared/contract/schemas';
import type { DecisionId } from '../../shared/domain/decisions';
import { standingPassOvers } from '../../shared/domain/documents/annulment';
import type { StorageSubject } from '../../shared/domain/errorTexts';
import { ok, refused } from '../helpers/dataDir';
import { stagedCopy } from '../helpers/directorActs';
import { DOSSIER_CASE_REQUEST, loadCompleteDossier } from '../helpers/dossier';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { pdftotext } from '../helpers/pdfTools';
import { namedSigner, P12_PASSWORD, testPki } from '../helpers/pki';
import { as, openAsStaff, signedIn } from '../helpers/users';

/**
 * Issue 14, "the directors' acts and the case's state follow the documents": signing the director's
 * act moves the case by itself (V-77 p. 13–16, 46), the order and the submission are refused when no
 * place is free (p. 4, 13, 14), and an act that passes over someone earlier on the list needs a
 * written reason that the timeline keeps (p. 12). Real data directory, real PDFs, real signatures
 * with certificates from the test CA in the officials' names.
 */

const TODAY = '2026-11-23'; // a Monday
type Dispatch = (method: string, input: unknown) => ReturnType<Services['dispatch']>;

const DIRECTOR = { name: 'Rūta Žemaitienė' };
const EMPLOYEE = { name: 'Tomas Šaulys' };
// The commission of test/helpers/meetings.ts: no user accounts, so the chair's and secretary's roles sign.
const CHAIR = { name: 'Rasa Vaitkienė' };
const SECRETARY = { name: 'Inga Kairienė' };

const p12 = (person: { name: string }) => ({ kind: 'pkcs12' as const, bytes: namedSigner(person).p12, password: P12_PASSWORD });

let services: Services & { session: string };
let secretary: Dispatch;
let director: Dispatch;
let chair: Dispatch;
let employee: Dispatch;
let directorId: string;
let dataRoot: string;

/** The cases, each with its own request date, so that the list's order (p. 12) is known. */
const PEOPLE = {
  ordered: { first: 'Rimantas', last: 'Kazlauskas', file: 'B-2001', own: true, requestDate: '2026-11-02', decision: '10.1' },
  declined: { first: 'Darius', last: 'Butkus', file: 'B-2002', own: true, requestDate: '2026-11-03', decision: '10.1' },
  submitted: { first: 'Šarūnas', last: 'Gudaitis', file: 'V-4001', own: false, requestDate: '2026-11-04', decision: '10.3' },
  refused104: { first: 'Žydrūnas', last: 'Čepulis', file: 'V-4002', own: false, requestDate: '2026-11-05', decision: '10.4' },
  refused102: { first: 'Mantas', last: 'Jonaitis', file: 'B-2003', own: true, requestDate: '2026-11-05', decision: '10.2' },
  replaced: { first: 'Andrius', last: 'Paulauskas', file: 'B-2004', own: true, requestDate: '2026-11-06', decision: '10.1' },
  early: { first: 'Vytautas', last: 'Urbonas', file: 'B-2005', own: true, requestDate: '2026-11-09', decision: '10.1' },
  late: { first: 'Saulius', last: 'Pocius', file: 'B-2006', own: true, requestDate: '2026-11-10', decision: '10.1' },
  spare: { first: 'Marius', last: 'Šimkus', file: 'B-2007', own: true, requestDate: '2026-11-11', decision: '10.1' },
  withdrawn: { first: 'Linas', last: 'Navickas', file: 'B-2008', own: true, requestDate: '2026-11-12', decision: '10.1' },
} as const;
type Who = keyof typeof PEOPLE;

const ids = {} as Record<Who, string>;
let meetingId: string;

function requestOf(p: (typeof PEOPLE)[Who]): RequestInput {
  return {
    ...DOSSIER_CASE_REQUEST,
    firstName: p.first,
    lastName: p.last,
    personalFileNo: p.file,
    requestDate: p.requestDate,
    ...(p.own ? { servingInstitutionId: 'own' } : {}),
  };
}

async function caseOf(who: Who): Promise<CaseView> {
  return ok(secretary, 'cases.get', { id: ids[who] });
}

async function recordOf(who: Who): Promise<CaseRecord> {
  return (await caseOf(who)).record;
}

async function documentsOf(who: Who): Promise<DocumentItem[]> {
  return (await ok(secretary, 'documents.list', { caseId: ids[who] })).documents;
}

async function setPlaces(places: number): Promise<void> {
  const current = await ok(secretary, 'settings.get', {});
  await ok(secretary, 'settings.save', { ...current, institution: { ...current!.institution, places } });
}

/** The minutes and each case's proposal, issued and signed: the director's acts cite them (issue 12). */
async function signGroundwork(): Promise<void> {
  const minutes = await ok(secretary, 'documents.issue', { kind: 'minutes', meetingId });
  await ok(chair, 'documents.sign', { id: minutes.id, credential: p12(CHAIR) });
  await ok(secretary, 'documents.sign', { id: minutes.id, credential: p12(SECRETARY) });
  for (const who of Object.keys(PEOPLE) as Who[]) {
    const proposal = await ok(secretary, 'documents.issue', { kind: 'proposal', caseId: ids[who] });
    await ok(chair, 'documents.sign', { id: proposal.id, credential: p12(CHAIR) });
  }
}

const stepsTo = (record: CaseRecord, to: string) => record.timeline.filter((e) => e.kind === 'state' && e.to === to);

beforeAll(async () => {
  const caPem = readFileSync(testPki().ca.certPath, 'utf8');
  dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-steps-'));
  services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
  secretary = services.dispatch;
  const admin = services.session;
  director = as(services, await signedIn(services, admin, 'direktore', ['director']));
  chair = as(services, await signedIn(services, admin, 'pirmininke', ['chair']));
  employee = as(services, await signedIn(services, admin, 'darbuotojas', ['archivist']));
  directorId = (await ok(director, 'auth.status', {})).user!.id;
  const register: RegisterSettings = {
    place: 'Pravieniškės',
    director: { ...DIRECTOR, position: 'Direktorė', gender: 'female', userId: directorId },
    halfwayHouseEmployee: { ...EMPLOYEE, position: 'Pusiaukelės namų vyresnysis specialistas', gender: 'male', userId: (await ok(employee, 'auth.status', {})).user!.id },
    prefixes: { minutes: 'DK', proposal: 'DKS', order: 'IS', declineDecision: 'SN', submission: 'TK', letter: 'RS', list: 'SR', returnSubmission: 'GT', returnDecision: 'GS' },
  };
  await ok(secretary, 'settings.save', { ...DEMO_SETTINGS, revision: 0, register, signing: { pkcs11Module: '', timestampUrl: '', trustedRoots: caPem } });
  for (const who of Object.keys(PEOPLE) as Who[]) ids[who] = (await readyCase(secretary, requestOf(PEOPLE[who]), '2026-11-16')).record.id;
  const decisions = Object.fromEntries((Object.keys(PEOPLE) as Who[]).map((who) => [ids[who], PEOPLE[who].decision as DecisionId]));
  meetingId = (await decideByMeeting(secretary, Object.values(ids), decisions, TODAY)).record.id;
  await signGroundwork();
}, 300_000);

afterAll(async () => {
  await services?.close();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

describe('the list (V-77 p. 12)', () => {
  it('V-77 p. 12: the meeting’s 10.1 and 10.3 put the cases on the list by themselves; 10.2 and 10.4 stay decided', async () => {
    for (const who of Object.keys(PEOPLE) as Who[]) {
      const record = await recordOf(who);
      const onList = PEOPLE[who].decision === '10.1' || PEOPLE[who].decision === '10.3';
      expect(record.state, who).toBe(onList ? 'listed' : 'decided');
      if (onList) expect(record.facts.listedOn, who).toBe(TODAY);
    }
  });

  it('V-77 p. 12: the list document lists exactly the live queue, in request-date order', async () => {
    const list = await ok(secretary, 'documents.issue', { kind: 'list' });
    const queue: Who[] = ['ordered', 'declined', 'submitted', 'replaced', 'early', 'late', 'spare', 'withdrawn'];
    expect(list.caseIds).toEqual(queue.map((who) => ids[who]));
    const text = pdftotext(Buffer.from((await ok(secretary, 'documents.read', { id: list.id })).bytes)).replace(/\s+/g, ' ');
    const at = queue.map((who) => text.indexOf(PEOPLE[who].last));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).not.toContain('Čepulis');
    expect(text).not.toContain('Jonaitis');
  });
});

describe("the director's signed acts move the case (V-77 p. 13–16)", () => {
  it('V-77 p. 13: signing the order moves the case from the list to “transfer ordered”, the order on the timeline; the audit trail names ids only', async () => {
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.ordered });
    expect((await recordOf('ordered')).state).toBe('listed'); // issuing alone moves nothing
    const signed = await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect(signed.awaiting).toEqual([]);
    const record = await recordOf('ordered');
    expect(record.state).toBe('transfer_ordered');
    expect(record.timeline.at(-1)).toMatchObject({ kind: 'state', from: 'listed', to: 'transfer_ordered', on: order.date, documentId: order.id, by: directorId });
    // Two audit entries: the signature, then the case's step.
    const [step, signature] = await ok(services.dispatch, 'audit.list', { limit: 2 });
    expect(signature).toMatchObject({ method: 'documents.sign', subject: { kind: 'document', id: order.id } });
    expect(step).toMatchObject({ method: 'documents.sign', subject: { kind: 'case', id: ids.ordered } });
    expect(step!.summary).toContain(ids.ordered);
    expect(step!.summary).toContain(order.registrationNumber);
    expect(step!.summary).not.toContain(PEOPLE.ordered.last);
  });

  it('V-77 p. 13: a case is not moved twice: not by hand, and not by a correction of the signed order', async () => {
    const view = await caseOf('ordered');
    expect((await refused(secretary, 'cases.transition', { id: ids.ordered, revision: view.record.revision, to: 'transfer_ordered', on: TODAY })).code).toBe('ILLEGAL_TRANSITION');
    const old = (await documentsOf('ordered')).find((d) => d.kind === 'order' && !d.replacedBy)!;
    // The case holds its place already: the correction needs none more.
    const correction = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.ordered, replaces: old.id });
    await ok(director, 'documents.sign', { id: correction.id, credential: p12(DIRECTOR) });
    const record = await recordOf('ordered');
    expect(record.state).toBe('transfer_ordered');
    expect(stepsTo(record, 'transfer_ordered')).toHaveLength(1);
    expect(record.revision).toBe(view.record.revision);
  });

  it('V-77 p. 15, 19: the decision not to transfer, signed, refuses the request; p. 19 runs from its date', async () => {
    const reason = 'Nuteistasis pažeidė bausmės atlikimo režimą.';
    const decline = await ok(secretary, 'documents.issue', { kind: 'declineDecision', caseId: ids.declined, reason });
    await ok(director, 'documents.sign', { id: decline.id, credential: p12(DIRECTOR) });
    const view = await caseOf('declined');
    expect(view.record.state).toBe('refused');
    expect(view.record.facts.refusedOn).toBe(decline.date);
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'state', from: 'listed', to: 'refused', documentId: decline.id });
    expect(view.record.timeline.at(-1)!.note).toContain(reason);
    expect(view.deadlines).toContainEqual(expect.objectContaining({ rule: 'p19', date: '2027-02-23' }));
  });

  it('V-77 p. 14: the submission, signed, moves the case to “submitted to the Prison Department”', async () => {
    const submission = await ok(secretary, 'documents.issue', { kind: 'submission', caseId: ids.submitted });
    await ok(director, 'documents.sign', { id: submission.id, credential: p12(DIRECTOR) });
    const record = await recordOf('submitted');
    expect(record.state).toBe('submitted_to_department');
    expect(record.timeline.at(-1)).toMatchObject({ from: 'listed', to: 'submitted_to_department', documentId: submission.id });
  });

  it('V-77 p. 16, 19: the letter closes a 10.4 and a 10.2 case as refused, dated by the letter', async () => {
    for (const who of ['refused104', 'refused102'] as const) {
      const letter = await ok(secretary, 'documents.issue', { kind: 'letter', caseId: ids[who] });
      await ok(director, 'documents.sign', { id: letter.id, credential: p12(DIRECTOR) });
      const view = await caseOf(who);
      expect(view.record.state, who).toBe('refused');
      expect(view.record.facts.refusedOn, who).toBe(letter.date);
      expect(view.record.timeline.at(-1), who).toMatchObject({ from: 'decided', to: 'refused', documentId: letter.id });
      expect(view.deadlines, who).toContainEqual(expect.objectContaining({ rule: 'p19', date: '2027-02-23' }));
    }
  });

  it('V-77 p. 13: a replaced order does not move the case; its correction does', async () => {
    const first = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.replaced });
    const correction = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.replaced, replaces: first.id });
    expect((await refused(director, 'documents.sign', { id: first.id, credential: p12(DIRECTOR) })).code).toBe('DOCUMENT_REPLACED');
    expect((await recordOf('replaced')).state).toBe('listed');
    await ok(director, 'documents.sign', { id: correction.id, credential: p12(DIRECTOR) });
    const record = await recordOf('replaced');
    expect(record.state).toBe('transfer_ordered');
    expect(stepsTo(record, 'transfer_ordered').map((e) => e.documentId)).toEqual([correction.id]);
  });

  it('V-77 p. 13: a case that moved meanwhile stays where it is; the signature stands', async () => {
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.withdrawn });
    const view = await caseOf('withdrawn');
    await ok(secretary, 'cases.transition', { id: ids.withdrawn, revision: view.record.revision, to: 'withdrawn', on: TODAY, note: 'Nuteistasis atsiėmė prašymą.' });
    const signed = await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect(signed.signatures).toHaveLength(1);
    const record = await recordOf('withdrawn');
    expect(record.state).toBe('withdrawn');
    expect(stepsTo(record, 'transfer_ordered')).toEqual([]);
  });
});

describe('the places and the order of the list (V-77 p. 4, 12–14)', () => {
  // Held now: ordered, submitted, replaced (V-77 p. 13, 14: a place is held until the arrival).
  it('V-77 p. 12: passing over someone earlier on the list needs a written reason; the timeline keeps it', async () => {
    await setPlaces(4); // one place free: it goes to the first waiting convict ("early")
    const error = await refused(secretary, 'documents.issue', { kind: 'order', caseId: ids.late });
    expect(error.code).toBe('PASS_OVER_REASON_REQUIRED');
    expect(error.params).toEqual({ earlier: [{ caseId: ids.early, firstName: PEOPLE.early.first, lastName: PEOPLE.early.last, requestDate: PEOPLE.early.requestDate }] });
    expect(error.message).toContain(`${PEOPLE.early.first} ${PEOPLE.early.last}`);
    // A preview writes nothing and is not refused.
    await ok(secretary, 'documents.preview', { kind: 'order', caseId: ids.late });
    expect((await documentsOf('late')).filter((d) => d.kind === 'order')).toEqual([]);
    const before = await recordOf('late');

    const reason = 'Ankstesnis nuteistasis gydomas ligoninėje ir negali būti perkeltas.';
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.late, passOverReason: reason });
    const record = await recordOf('late');
    expect(record.state).toBe('listed');
    expect(record.timeline.at(-1)).toMatchObject({ kind: 'passedOver', on: TODAY, note: reason, documentId: order.id, passed: [ids.early] });
    expect(record.revision).toBe(before.revision + 1);
    const [entry] = await ok(services.dispatch, 'audit.list', { limit: 1 });
    expect(entry).toMatchObject({ method: 'documents.issue', subject: { kind: 'case', id: ids.late } });
    expect(entry!.summary).toContain(ids.early);
    expect(entry!.summary).not.toContain(PEOPLE.early.last);
    expect(entry!.summary).not.toContain(PEOPLE.late.last);

    await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect((await recordOf('late')).state).toBe('transfer_ordered');
  });

  it('V-77 p. 4, 13: no free place refuses the order at issue (NO_FREE_PLACE naming the occupancy); a preview is not refused', async () => {
    const error = await refused(secretary, 'documents.issue', { kind: 'order', caseId: ids.early });
    expect(error.code).toBe('NO_FREE_PLACE');
    expect(error.params).toEqual({ on: TODAY, capacity: 4, occupied: 0, reserved: 4 });
    expect(error.message).toContain('vietų 4, užimta 0, rezervuota perkeliamiems 4');
    await ok(secretary, 'documents.preview', { kind: 'order', caseId: ids.early });
    expect((await documentsOf('early')).filter((d) => d.kind === 'order')).toEqual([]);
  });

  it('V-77 p. 4, 13: the signature that completes an order is refused when the place went meanwhile; nothing is written', async () => {
    await setPlaces(5);
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.early });
    await setPlaces(4);
    const before = await ok(secretary, 'documents.read', { id: order.id });
    expect((await refused(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) })).code).toBe('NO_FREE_PLACE');
    expect((await ok(secretary, 'documents.read', { id: order.id })).sha256).toBe(before.sha256);
    expect((await recordOf('early')).state).toBe('listed');
    await setPlaces(5);
    await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect((await recordOf('early')).state).toBe('transfer_ordered');
  });

  it('V-77 p. 24, 46: the convict arrives and occupies the place; the signed decision to return moves the case to “returned” and the place frees', async () => {
    let view = await caseOf('ordered');
    view = await ok(secretary, 'cases.recordArrival', {
      id: ids.ordered,
      revision: view.record.revision,
      on: TODAY,
      time: '11:00',
      checks: { identity: true, search: true, rules: true, room: true },
      room: '12',
      bed: '2',
    });
    expect(view.record.state).toBe('transferred');
    // All five places taken: one occupied, four held.
    const full = await refused(secretary, 'documents.issue', { kind: 'order', caseId: ids.spare });
    expect(full.code).toBe('NO_FREE_PLACE');
    expect(full.params).toEqual({ on: TODAY, capacity: 5, occupied: 1, reserved: 4 });

    // V-77 p. 44: the grounds (BVK art. 69 part 3) come from the settings' catalogue, written by the administrator.
    const before = (await ok(secretary, 'settings.get', {}))!;
    const catalogue = [
      { id: 'g1', text: 'Pirmasis administratoriaus įrašytas pagrindas', citation: 'BVK 69 str. 3 d. 1 p.' },
      { id: 'g2', text: 'Antrasis administratoriaus įrašytas pagrindas', citation: 'BVK 69 str. 3 d. 2 p.' },
    ];
    await ok(secretary, 'settings.save', { ...before, returnGrounds: catalogue });
    const base = { kind: 'returnSubmission', caseId: ids.ordered, reason: 'Nuteistasis vėlavo grįžti į pusiaukelės namus.', annexes: ['Tarnybinis pranešimas, 1 lapas.'] } as const;
    expect(await refused(secretary, 'documents.issue', base)).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ path: 'grounds', key: 'required' }] } });
    expect(await refused(secretary, 'documents.preview', { ...base, grounds: ['g1', 'nėra'] })).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ path: 'grounds', key: 'invalid' }] } });
    const submission = await ok(secretary, 'documents.issue', { ...base, grounds: ['g2'] });
    const printed = pdftotext((await ok(secretary, 'documents.read', { id: submission.id })).bytes).replace(/\s+/g, ' ');
    expect(printed).toContain('Grąžinimo pagrindai: 1) Antrasis administratoriaus įrašytas pagrindas (BVK 69 str. 3 d. 2 p.).');
    expect(printed).not.toContain('Pirmasis administratoriaus');
    // Without a catalogue a submission names no grounds (the app does not guess the Code's wording).
    const { returnGrounds: _set, ...withoutGrounds } = (await ok(secretary, 'settings.get', {}))!;
    await ok(secretary, 'settings.save', withoutGrounds);
    expect((await ok(secretary, 'settings.get', {}))!.returnGrounds).toBeUndefined();
    await ok(employee, 'documents.sign', { id: submission.id, credential: p12(EMPLOYEE) });
    const reason = 'Pažeidė pusiaukelės namų vidaus tvarkos taisykles.';
    const decision = await ok(secretary, 'documents.issue', { kind: 'returnDecision', caseId: ids.ordered, reason });
    expect((await recordOf('ordered')).state).toBe('transferred');
    await ok(director, 'documents.sign', { id: decision.id, credential: p12(DIRECTOR) });
    const record = await recordOf('ordered');
    expect(record.state).toBe('returned');
    expect(record.facts.departure).toEqual({ on: decision.date, how: 'return' });
    expect(record.timeline.at(-1)).toMatchObject({ from: 'transferred', to: 'returned', documentId: decision.id });
    expect(record.timeline.at(-1)!.note).toContain(reason);
    // The place is free again: the next convict's order is issued.
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.spare });
    expect(order.caseIds).toEqual([ids.spare]);
  });
});

/** Cases made for the tests below, each decided at its own meeting. */
interface Person {
  first: string;
  last: string;
  file: string;
  own: boolean;
  requestDate: string;
}
const LETTER_LATE: Person = { first: 'Edvinas', last: 'Rimkus', file: 'B-2010', own: true, requestDate: '2026-11-04' };
const IN_ORDER: Person = { first: 'Kęstutis', last: 'Vaitkus', file: 'B-2011', own: true, requestDate: '2026-11-13' };
const EARLIER: Person = { first: 'Gediminas', last: 'Žukauskas', file: 'B-2012', own: true, requestDate: '2026-11-01' };

/** Register and decide a case at a meeting of its own on `meetingDate` (V-77 p. 9–10). */
async function decidedCase(p: Person, decision: DecisionId, meetingDate: string): Promise<{ id: string; meetingId: string }> {
  const id = (await readyCase(secretary, requestOf({ ...p, decision } as (typeof PEOPLE)[Who]), '2026-11-16')).record.id;
  const meeting = await decideByMeeting(secretary, [id], { [id]: decision }, meetingDate);
  return { id, meetingId: meeting.record.id };
}

/** The minutes of a meeting and its cases' proposals, issued and signed. */
async function groundworkOf(meeting: string, caseIds: readonly string[]): Promise<DocumentItem> {
  const minutes = await ok(secretary, 'documents.issue', { kind: 'minutes', meetingId: meeting });
  await ok(chair, 'documents.sign', { id: minutes.id, credential: p12(CHAIR) });
  await ok(secretary, 'documents.sign', { id: minutes.id, credential: p12(SECRETARY) });
  for (const caseId of caseIds) {
    const proposal = await ok(secretary, 'documents.issue', { kind: 'proposal', caseId });
    await ok(chair, 'documents.sign', { id: proposal.id, credential: p12(CHAIR) });
  }
  return minutes;
}

const viewById = (id: string): Promise<CaseView> => ok(secretary, 'cases.get', { id });
const documentsById = async (caseId: string): Promise<DocumentItem[]> => (await ok(secretary, 'documents.list', { caseId })).documents;
const textOf = async (id: string) => pdftotext(Buffer.from((await ok(secretary, 'documents.read', { id })).bytes)).replace(/\s+/g, ' ');
const inForceOf = (docs: readonly DocumentItem[], kind: string) => docs.find((d) => d.kind === kind && d.replacedBy === undefined && d.annulledBy === undefined);

/** An appeal against the act, upheld by the body that heard it (V-77 p. 51): the case reopens. */
async function upheldAppeal(caseId: string, actId: string): Promise<{ view: CaseView; appealId: string }> {
  let view = await viewById(caseId);
  view = await ok(secretary, 'cases.fileAppeal', { id: caseId, revision: view.record.revision, against: actId, filedOn: TODAY });
  const appealId = view.record.appeals!.at(-1)!.id;
  const { stagedId } = await stagedCopy(secretary, caseId, 'sprendimas dėl skundo.pdf');
  view = await ok(secretary, 'cases.decideAppeal', {
    id: caseId,
    revision: view.record.revision,
    appealId,
    result: 'upheld',
    number: 'eI-51',
    date: TODAY,
    receivedOn: TODAY,
    note: 'Skundas patenkintas, aktas panaikintas.',
    stagedId,
  });
  return { view, appealId };
}

/** A write that fails as a full disk does (nothing of it is written). */
const diskFull = (subject: StorageSubject) => storageError(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), subject);

/** Free places for `free` more convicts than occupy or hold one now. */
async function freePlaces(free: number): Promise<void> {
  const places = await ok(secretary, 'places.get', {});
  await setPlaces(places.occupied.length + places.held.length + free);
}

describe('one p. 19 date (V-77 p. 16, 19)', () => {
  it('V-77 p. 16, 19: the letter prints the re-application date counted from its own date, the date the case flags once it is signed', async () => {
    // Decided on 18 November, the letter written on 23 November: p. 19 runs from the refusal, the letter.
    const { id, meetingId: decidedAt } = await decidedCase(LETTER_LATE, '10.2', '2026-11-18');
    await groundworkOf(decidedAt, [id]);
    const letter = await ok(secretary, 'documents.issue', { kind: 'letter', caseId: id });
    expect(letter.date).toBe(TODAY);
    const text = await textOf(letter.id);
    expect(text).toContain('t. y. ne anksčiau kaip 2027 m. vasario 23 d. (Aprašo 19 punktas)');
    expect(text).not.toContain('2027 m. vasario 18 d.');
    await ok(director, 'documents.sign', { id: letter.id, credential: p12(DIRECTOR) });
    const view = await viewById(id);
    expect(view.record.facts.refusedOn).toBe(TODAY);
    expect(view.deadlines).toContainEqual(expect.objectContaining({ rule: 'p19', date: '2027-02-23' }));
  });
});

describe('an act annulled by an upheld appeal is no longer in force (V-77 p. 51)', () => {
  it('V-77 p. 15, 51: the decision not to transfer annulled (back on the list), a new order is issued and signed; the annulled decision stays listed, marked', async () => {
    await setPlaces(20);
    const decline = inForceOf(await documentsOf('declined'), 'declineDecision')!;
    const { view, appealId } = await upheldAppeal(ids.declined, decline.id);
    expect(view.record.state).toBe('listed');
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.declined });
    // The annulled decision excludes nothing; the new order does.
    const conflict = await refused(secretary, 'documents.issue', { kind: 'declineDecision', caseId: ids.declined, reason: 'Kitas sprendimas.' });
    expect(conflict).toMatchObject({ code: 'DOCUMENT_CONFLICT', params: { id: order.id } });
    await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    const after = await caseOf('declined');
    expect(after.record.state).toBe('transfer_ordered');
    expect(after.record.timeline.at(-1)).toMatchObject({ from: 'listed', to: 'transfer_ordered', documentId: order.id });
    // The act an appeal may contest now is the new order, not the annulled decision.
    expect(after.appealable.map((a) => a.ref)).toEqual([order.id]);
    const listed = await documentsOf('declined');
    expect(listed.find((d) => d.id === decline.id)).toMatchObject({ annulledBy: appealId, awaiting: [] });
    expect(listed.find((d) => d.id === order.id)?.annulledBy).toBeUndefined();
    // An annulled act is not corrected: a new one is issued.
    expect((await refused(secretary, 'documents.issue', { kind: 'declineDecision', caseId: ids.declined, reason: 'Pataisa.', replaces: decline.id })).code).toBe('REPLACEMENT_MISMATCH');
  });

  it('V-77 p. 13, 51: the order annulled before the arrival (back on the list), a new order is issued and moves the case', async () => {
    const old = inForceOf(await documentsOf('late'), 'order')!;
    const { view, appealId } = await upheldAppeal(ids.late, old.id);
    expect(view.record.state).toBe('listed');
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.late });
    await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    const record = await recordOf('late');
    expect(record.state).toBe('transfer_ordered');
    expect(stepsTo(record, 'transfer_ordered').map((e) => e.documentId)).toEqual([old.id, order.id]);
    expect((await documentsOf('late')).find((d) => d.id === old.id)?.annulledBy).toBe(appealId);
  });

  it('V-77 p. 16, 51: the letter annulled (back to the commission), a new meeting decides; a new proposal and letter cite the new meeting', async () => {
    const oldLetter = inForceOf(await documentsOf('refused102'), 'letter')!;
    const oldProposal = inForceOf(await documentsOf('refused102'), 'proposal')!;
    const oldMinutes = (await ok(secretary, 'documents.list', { meetingId })).documents.find((d) => d.kind === 'minutes')!;
    const { view, appealId } = await upheldAppeal(ids.refused102, oldLetter.id);
    expect(view.record.state).toBe('ready_for_commission');
    const again = await decideByMeeting(secretary, [ids.refused102], { [ids.refused102]: '10.2' }, TODAY);
    expect((await recordOf('refused102')).state).toBe('decided');
    const minutes = await groundworkOf(again.record.id, [ids.refused102]);
    const docs = await documentsOf('refused102');
    const proposal = inForceOf(docs, 'proposal')!;
    expect(proposal.id).not.toBe(oldProposal.id);
    expect(await textOf(proposal.id)).toContain(`Nr. ${minutes.registrationNumber}`);
    const letter = await ok(secretary, 'documents.issue', { kind: 'letter', caseId: ids.refused102 });
    const text = await textOf(letter.id);
    expect(text).toContain(`(posėdžio protokolas Nr. ${minutes.registrationNumber})`);
    expect(text).not.toContain(`Nr. ${oldMinutes.registrationNumber})`);
    await ok(director, 'documents.sign', { id: letter.id, credential: p12(DIRECTOR) });
    const record = await recordOf('refused102');
    expect(record.state).toBe('refused');
    expect(record.facts.refusedOn).toBe(letter.date);
    expect(record.timeline.at(-1)).toMatchObject({ from: 'decided', to: 'refused', documentId: letter.id });
    // The annulled letter and the proposal of the decision it implemented stay listed, out of force.
    const listed = await documentsOf('refused102');
    expect(listed.find((d) => d.id === oldLetter.id)?.annulledBy).toBe(appealId);
    expect(listed.find((d) => d.id === oldProposal.id)?.annulledBy).toBe(appealId);
    expect(listed.find((d) => d.id === letter.id)?.annulledBy).toBeUndefined();
  });

  it('V-77 p. 45, 46, 51: the decision to return annulled (back in the halfway house), a later return needs a new submission and decision; the return sets the facts every departure does', async () => {
    // The freed place was reported (p. 20) before the appeal.
    await ok(secretary, 'places.reportFreed', { id: ids.ordered, revision: (await recordOf('ordered')).revision, on: TODAY });
    expect((await recordOf('ordered')).facts.placeReportedOn).toBe(TODAY);
    const oldSubmission = inForceOf(await documentsOf('ordered'), 'returnSubmission')!;
    const oldDecision = inForceOf(await documentsOf('ordered'), 'returnDecision')!;
    const { view: reopened, appealId } = await upheldAppeal(ids.ordered, oldDecision.id);
    expect(reopened.record.state).toBe('transferred');
    expect(reopened.record.facts.departure).toBeUndefined();

    const submission = await ok(secretary, 'documents.issue', {
      kind: 'returnSubmission',
      caseId: ids.ordered,
      reason: 'Nuteistasis vėl pažeidė vidaus tvarkos taisykles.',
      annexes: ['Tarnybinis pranešimas, 1 lapas.'],
    });
    await ok(employee, 'documents.sign', { id: submission.id, credential: p12(EMPLOYEE) });
    const decision = await ok(secretary, 'documents.issue', { kind: 'returnDecision', caseId: ids.ordered, reason: 'Pakartotinai pažeidė taisykles.' });
    const text = await textOf(decision.id);
    expect(text).toContain(submission.registrationNumber);
    expect(text).not.toContain(oldSubmission.registrationNumber);
    await ok(director, 'documents.sign', { id: decision.id, credential: p12(DIRECTOR) });
    const record = await recordOf('ordered');
    expect(record.state).toBe('returned');
    expect(record.facts.departure).toEqual({ on: decision.date, how: 'return' });
    expect(record.facts.placeReportedOn).toBeUndefined();
    const listed = await documentsOf('ordered');
    expect(listed.find((d) => d.id === oldDecision.id)?.annulledBy).toBe(appealId);
    expect(listed.find((d) => d.id === oldSubmission.id)?.annulledBy).toBe(appealId);
  });
});

describe('the list’s order at the signature, and a pass-over with its act (V-77 p. 12)', () => {
  /** The convict whose order is signed (in the list's order when issued), and the one listed after it with an earlier request. */
  let x = '';
  let earlier = '';

  it('V-77 p. 12: the signature that completes an order checks the list again: someone with an earlier request listed since refuses it (PASS_OVER_REASON_REQUIRED); nothing is written', async () => {
    const decided = await decidedCase(IN_ORDER, '10.1', TODAY);
    x = decided.id;
    await groundworkOf(decided.meetingId, [x]);
    const places = await ok(secretary, 'places.get', {});
    const waiting = places.list.filter((e) => e.waiting).map((e) => e.caseId);
    await freePlaces(waiting.indexOf(x) + 1); // a place for everyone waiting up to this convict: the order keeps the list's order
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: x });
    expect((await viewById(x)).record.timeline.filter((e) => e.kind === 'passedOver')).toEqual([]);

    // A convict whose request came earlier is listed after the order was issued.
    earlier = (await decidedCase(EARLIER, '10.1', TODAY)).id;
    expect((await viewById(earlier)).record.state).toBe('listed');
    const before = await ok(secretary, 'documents.read', { id: order.id });
    const error = await refused(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect(error.code).toBe('PASS_OVER_REASON_REQUIRED');
    expect((error.params as { earlier: { caseId: string }[] }).earlier.map((e) => e.caseId)).toContain(earlier);
    expect(error.message).toContain(`${EARLIER.first} ${EARLIER.last}`);
    expect((await ok(secretary, 'documents.read', { id: order.id })).sha256).toBe(before.sha256);
    expect((await viewById(x)).record.state).toBe('listed');
  });

  it('V-77 p. 12: the pass-over is written with its act, both or neither: a failed case write issues no act, a failed act write leaves no pass-over', async () => {
    const order = inForceOf(await documentsById(x), 'order')!;
    const before = (await viewById(x)).record;
    const count = (await documentsById(x)).length;
    const request = { kind: 'order', caseId: x, replaces: order.id, passOverReason: 'Ankstesnis nuteistasis gydomas.' };

    const caseWrite = vi.spyOn(CaseStore.prototype, 'put').mockImplementationOnce(() => {
      throw diskFull('caseStep');
    });
    expect((await refused(secretary, 'documents.issue', request)).code).toBe('DISK_FULL');
    caseWrite.mockRestore();
    const documentWrite = vi.spyOn(RecordFolder.prototype, 'put').mockImplementationOnce(() => {
      throw diskFull('documentRecord');
    });
    expect((await refused(secretary, 'documents.issue', request)).code).toBe('DISK_FULL');
    documentWrite.mockRestore();

    const after = (await viewById(x)).record;
    expect(after.revision).toBe(before.revision);
    expect(after.timeline).toEqual(before.timeline);
    const docs = await documentsById(x);
    expect(docs).toHaveLength(count);
    expect(docs.find((d) => d.id === order.id)?.replacedBy).toBeUndefined();
  });

  it('V-77 p. 12: the reason is given by a correction; a correction of it counts its pass-over once; the signature it covers moves the case', async () => {
    const order = inForceOf(await documentsById(x), 'order')!;
    const first = await ok(secretary, 'documents.issue', { kind: 'order', caseId: x, replaces: order.id, passOverReason: 'Ankstesnis nuteistasis gydomas.' });
    let record = (await viewById(x)).record;
    expect(record.timeline.at(-1)).toMatchObject({ kind: 'passedOver', documentId: first.id });
    expect(record.timeline.at(-1)!.passed).toContain(earlier);
    const reason = 'Ankstesnis nuteistasis gydomas ligoninėje ir negali būti perkeltas.';
    const second = await ok(secretary, 'documents.issue', { kind: 'order', caseId: x, replaces: first.id, passOverReason: reason });
    record = (await viewById(x)).record;
    // The timeline keeps both; the correction's entry is the one that counts.
    expect(record.timeline.filter((e) => e.kind === 'passedOver').map((e) => e.documentId)).toEqual([first.id, second.id]);
    const docs = await documentsById(x);
    const standing = standingPassOvers(record.timeline, (id) => docs.find((d) => d.id === id)?.replaces);
    expect(standing).toHaveLength(1);
    expect(standing[0]).toMatchObject({ documentId: second.id, note: reason });

    await ok(director, 'documents.sign', { id: second.id, credential: p12(DIRECTOR) });
    record = (await viewById(x)).record;
    expect(record.state).toBe('transfer_ordered');
    expect(record.timeline.at(-1)).toMatchObject({ to: 'transfer_ordered', documentId: second.id });
  });
});

describe('the signature and the step are one change (V-77 p. 13–16)', () => {
  it('V-77 p. 13: the completing signature whose case cannot be written fails whole: the order stays unsigned, the case where it was; signing again moves it', async () => {
    await freePlaces(50);
    const order = inForceOf(await documentsOf('spare'), 'order')!;
    const before = await ok(secretary, 'documents.read', { id: order.id });
    const recordBefore = await recordOf('spare');
    const caseWrite = vi.spyOn(CaseStore.prototype, 'put').mockImplementationOnce(() => {
      throw diskFull('caseStep');
    });
    const error = await refused(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    caseWrite.mockRestore();
    expect(error.code).toBe('DISK_FULL');
    const read = await ok(secretary, 'documents.read', { id: order.id });
    expect(read).toMatchObject({ sha256: before.sha256, version: 1 });
    expect(inForceOf(await documentsOf('spare'), 'order')).toMatchObject({ id: order.id, signatures: [], awaiting: ['director'] });
    expect(await recordOf('spare')).toMatchObject({ state: 'listed', revision: recordBefore.revision });
    // The trail: the signature, then the step, each marked as not written.
    const [signatureUndone, stepUndone, step, signature] = await ok(services.dispatch, 'audit.list', { limit: 4 });
    expect(signature).toMatchObject({ method: 'documents.sign', subject: { kind: 'document', id: order.id } });
    expect(step).toMatchObject({ method: 'documents.sign', subject: { kind: 'case', id: ids.spare } });
    expect(stepUndone).toMatchObject({ subject: { kind: 'case', id: ids.spare } });
    expect(stepUndone!.summary).toContain('DISK_FULL');
    expect(signatureUndone).toMatchObject({ subject: { kind: 'document', id: order.id } });
    expect(signatureUndone!.summary).toContain('DISK_FULL');

    const signed = await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect(signed.awaiting).toEqual([]);
    expect((await ok(secretary, 'documents.read', { id: order.id })).version).toBe(2);
    const record = await recordOf('spare');
    expect(record.state).toBe('transfer_ordered');
    expect(stepsTo(record, 'transfer_ordered').map((e) => e.documentId)).toEqual([order.id]);
  });
});

describe('one order for the list (V-77 p. 12)', () => {
  it('V-77 p. 12: the printed list is the places’ list, in its order', async () => {
    const places = await ok(secretary, 'places.get', {});
    const list = await ok(secretary, 'documents.issue', { kind: 'list' });
    expect(list.caseIds).toEqual(places.list.map((e) => e.caseId));
    const text = await textOf(list.id);
    const at = places.list.map((e) => text.indexOf(`${e.firstName} ${e.lastName}`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

/** Our convict asking for Panevėžys' halfway house (route 'sends', V-77 p. 6–8): the dossier goes there, its commission decides. */
const SENDS: RequestInput = { ...DOSSIER_CASE_REQUEST, firstName: 'Tadas', lastName: 'Kairys', personalFileNo: 'B-3101', servingInstitutionId: 'own', halfwayHouseInstitutionId: 'panevezys' };
/** A convict who will live in our halfway house (the release is prepared with the municipality, seed 001). */
const RESIDENT: Person = { first: 'Juozas', last: 'Stankevičius', file: 'B-3102', own: true, requestDate: '2026-10-30' };

describe("the director's notices about our convict (V-77 p. 47; seed 001)", () => {
  let sendsId = '';
  let residentId = '';

  it('V-77 p. 47: our convict whose dossier went to another institution: the notice to its director, signed, makes the case ineligible, the notice on the timeline; numbered with the outgoing letters', async () => {
    let view = await loadCompleteDossier(secretary, await ok(secretary, 'cases.register', SENDS));
    sendsId = view.record.id;
    // Before the dossier is sent the notice may be prepared too: it then says nothing of a dossier.
    expect((await ok(secretary, 'documents.preview', { kind: 'p47Notice', caseId: sendsId, reason: 'Aplinkybės.' })).templateVersion).toBe('p47Notice@1');
    view = await ok(secretary, 'cases.transition', { id: sendsId, revision: view.record.revision, to: 'dossier_sent', on: TODAY });
    expect(view.route).toBe('sends');

    const reason = 'Nuteistajam pareikšti įtarimai dėl naujos nusikalstamos veikos';
    const notice = await ok(secretary, 'documents.issue', { kind: 'p47Notice', caseId: sendsId, reason });
    // The register of this test was saved with the nine prefixes known before the notices: the default one (S) is used.
    expect(notice.registrationNumber).toMatch(/^S-\d+$/);
    expect(notice).toMatchObject({ kind: 'p47Notice', caseIds: [sendsId], awaiting: ['director'], subject: `${SENDS.firstName} ${SENDS.lastName}` });
    const text = await textOf(notice.id);
    expect(text).toContain('Pataisos įstaigos direktoriui, Panevėžio pataisos namai');
    expect(text).toContain('47 punktu, informuojame, kad atsirado aplinkybės');
    expect(text).toContain(`Aplinkybės: ${reason}.`);
    expect(text).toContain('nuteistojo dokumentinė medžiaga Jums išsiųsta 2026 m. lapkričio 23 d. (Aprašo 7 punktas)');
    expect((await viewById(sendsId)).record.state).toBe('dossier_sent'); // issuing alone moves nothing

    await ok(director, 'documents.sign', { id: notice.id, credential: p12(DIRECTOR) });
    const record = (await viewById(sendsId)).record;
    expect(record.state).toBe('ineligible');
    expect(record.timeline.at(-1)).toMatchObject({ kind: 'state', from: 'dossier_sent', to: 'ineligible', on: notice.date, documentId: notice.id, by: directorId });
    expect(record.timeline.at(-1)!.note).toContain(reason);
    expect(record.timeline.at(-1)!.note).toContain(notice.registrationNumber);
    // The audit trail: the signature, then the step, which names the case by id only.
    const [step, signature] = await ok(services.dispatch, 'audit.list', { limit: 2 });
    expect(signature).toMatchObject({ method: 'documents.sign', subject: { kind: 'document', id: notice.id } });
    expect(step).toMatchObject({ method: 'documents.sign', subject: { kind: 'case', id: sendsId } });
    expect(step!.summary).not.toContain(SENDS.lastName);
    // One notice is in force; and the case is out of the states the notice is for.
    expect((await refused(secretary, 'documents.issue', { kind: 'p47Notice', caseId: sendsId, reason })).code).toBe('DOCUMENT_EXISTS');
    const again = await refused(secretary, 'documents.preview', { kind: 'p47Notice', caseId: sendsId, reason });
    expect(again).toMatchObject({ code: 'DOCUMENT_NOT_DUE', params: { why: 'notice', notice: 'p47Notice', state: 'ineligible', route: 'sends' } });
  });

  it('V-77 p. 47: refused for a case our commission decides (another institution’s notice about its convict is a received act), on any route but “sends”', async () => {
    const own = await refused(secretary, 'documents.preview', { kind: 'p47Notice', caseId: ids.spare, reason: 'Aplinkybės.' });
    expect(own).toMatchObject({ code: 'DOCUMENT_NOT_DUE', params: { why: 'notice', notice: 'p47Notice', route: 'own' } });
    expect(own.message).toContain('47 p.');
    const other = await refused(secretary, 'documents.issue', { kind: 'p47Notice', caseId: ids.submitted, reason: 'Aplinkybės.' });
    expect(other).toMatchObject({ code: 'DOCUMENT_NOT_DUE', params: { route: 'other' } });
    expect((await documentsOf('spare')).filter((d) => d.kind === 'p47Notice')).toEqual([]);
  });

  it('seed 001: the notice to the municipality is refused before the convict lives in the halfway house', async () => {
    const request = { kind: 'municipalityNotice', municipality: 'Kauno miesto savivaldybės administracija', socialWorker: { name: 'Laura Petrauskienė' } };
    expect(await refused(secretary, 'documents.issue', { ...request, caseId: ids.spare })).toMatchObject({ code: 'DOCUMENT_NOT_DUE', params: { why: 'notice', notice: 'municipalityNotice' } });
    expect(await refused(secretary, 'documents.issue', { ...request, caseId: sendsId })).toMatchObject({ code: 'DOCUMENT_NOT_DUE', params: { notice: 'municipalityNotice', state: 'ineligible' } });
    // The municipality and the social worker's name are required.
    const missing = await refused(secretary, 'documents.preview', { kind: 'municipalityNotice', caseId: ids.spare, municipality: ' ', socialWorker: { name: '' } });
    expect(missing.code).toBe('INVALID_INPUT');
  });

  it('seed 001: the notice to the municipality, signed, is recorded on the case of a convict in the halfway house: the date, a life record, the release term gone', async () => {
    const { id, meetingId: decidedAt } = await decidedCase(RESIDENT, '10.1', TODAY);
    residentId = id;
    await groundworkOf(decidedAt, [id]);
    await freePlaces(5);
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: id, passOverReason: 'Pirmasis sąraše.' });
    await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    let view = await viewById(id);
    view = await ok(secretary, 'cases.recordArrival', {
      id,
      revision: view.record.revision,
      on: TODAY,
      time: '11:00',
      checks: { identity: true, search: true, rules: true, room: true },
      room: '14',
      bed: '1',
    });
    expect(view.record.state).toBe('transferred');
    // Possible parole 2027-06-01: the municipality is told at least 6 months before.
    expect(view.deadlines).toContainEqual(expect.objectContaining({ rule: 'municipality', date: '2026-12-01' }));

    const notice = await ok(secretary, 'documents.issue', {
      kind: 'municipalityNotice',
      caseId: id,
      municipality: 'Kauno miesto savivaldybės administracija',
      socialWorker: { name: 'Laura Petrauskienė', phone: '+370 612 34567', email: 'laura.petrauskiene@example.lt' },
    });
    expect(notice.registrationNumber).toMatch(/^S-\d+$/);
    const text = await textOf(notice.id);
    expect(text).toContain('Savivaldybės administracijai, Kauno miesto savivaldybės administracija');
    expect(text).toContain('gali būti paleistas lygtinai 2027 m. birželio 1 d. (bausmės pabaiga – 2028 m. kovo 1 d.)');
    expect(text).toContain('Pataisos įstaigos socialinis darbuotojas: Laura Petrauskienė, tel. +370 612 34567, el. p. laura.petrauskiene@example.lt.');
    expect((await viewById(id)).record.facts.municipalityNoticeOn).toBeUndefined(); // not sent until signed

    await ok(director, 'documents.sign', { id: notice.id, credential: p12(DIRECTOR) });
    view = await viewById(id);
    expect(view.record.state).toBe('transferred');
    expect(view.record.facts.municipalityNoticeOn).toBe(notice.date);
    expect(view.record.life?.at(-1)).toMatchObject({ kind: 'municipalityNotice', on: notice.date, by: directorId });
    expect(view.record.life!.at(-1)!.note).toContain(notice.registrationNumber);
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'life', on: notice.date, lifeId: view.record.life!.at(-1)!.id, documentId: notice.id });
    expect(view.deadlines.map((d) => d.rule)).not.toContain('municipality');
    expect(view.deadlines.map((d) => d.rule)).toContain('probation');
    // The two notices and the letters share one running number series (S).
    const numbers = [inForceOf(await documentsById(sendsId), 'p47Notice')!, notice].map((d) => Number(d.registrationNumber.slice(2)));
    expect(numbers[1]).toBe(numbers[0]! + 1);
  });

  it('seed 001: a correction of the signed notice, signed, is recorded once more; the case keeps the later date', async () => {
    const old = inForceOf(await documentsById(residentId), 'municipalityNotice')!;
    const before = (await viewById(residentId)).record;
    const correction = await ok(secretary, 'documents.issue', {
      kind: 'municipalityNotice',
      caseId: residentId,
      replaces: old.id,
      municipality: 'Kauno rajono savivaldybės administracija',
      socialWorker: { name: 'Laura Petrauskienė' },
    });
    await ok(director, 'documents.sign', { id: correction.id, credential: p12(DIRECTOR) });
    const record = (await viewById(residentId)).record;
    expect(record.life!.filter((e) => e.kind === 'municipalityNotice')).toHaveLength(before.life!.filter((e) => e.kind === 'municipalityNotice').length + 1);
    expect(record.timeline.filter((e) => e.kind === 'life' && e.documentId !== undefined).map((e) => e.documentId)).toEqual([old.id, correction.id]);
    expect(record.facts.municipalityNoticeOn).toBe(TODAY);
  });
});
