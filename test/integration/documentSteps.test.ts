import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { Services } from '../../electron/services/index';
import type { DocumentItem, RegisterSettings } from '../../shared/contract/documentSchemas';
import type { CaseRecord, CaseView, RequestInput } from '../../shared/contract/schemas';
import type { DecisionId } from '../../shared/domain/decisions';
import { ok, refused } from '../helpers/dataDir';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
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

    const submission = await ok(secretary, 'documents.issue', {
      kind: 'returnSubmission',
      caseId: ids.ordered,
      reason: 'Nuteistasis vėlavo grįžti į pusiaukelės namus.',
      annexes: ['Tarnybinis pranešimas, 1 lapas.'],
    });
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
