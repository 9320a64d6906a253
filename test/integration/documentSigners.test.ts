import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { Services } from '../../electron/services/index';
import type { DocumentItem, RegisterSettings } from '../../shared/contract/documentSchemas';
import type { CaseView } from '../../shared/contract/schemas';
import { ok, refused } from '../helpers/dataDir';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { pdftotext } from '../helpers/pdfTools';
import { namedSigner, P12_PASSWORD, testPki } from '../helpers/pki';
import { as, signedIn } from '../helpers/users';
import { openAsStaff } from '../helpers/users';

/**
 * Issue 12, "The right person signs each line": the register's officials (the director, a deputy,
 * the halfway-house employee) and the commission's chair and secretary each sign only their own line,
 * with a certificate in their own name, from their own user account, and only after the documents the
 * line's document cites are signed. Real data directory, real PDFs, certificates from the test CA.
 */

const TODAY = '2026-11-23';
type Dispatch = (method: string, input: unknown) => ReturnType<Services['dispatch']>;

const DIRECTOR = { name: 'Rūta Žemaitienė', personalCode: '48001010001' };
const DEPUTY = { name: 'Darius Kavaliauskas' };
const EMPLOYEE = { name: 'Tomas Šaulys' };
// The commission of test/helpers/meetings.ts: no user accounts, so the chair's and secretary's roles sign.
const CHAIR = { name: 'Rasa Vaitkienė' };
const SECRETARY = { name: 'Inga Kairienė' };

let services: Services & { session: string };
let secretary: Dispatch;
let director: Dispatch;
let deputy: Dispatch;
let otherDirector: Dispatch;
let employee: Dispatch;
let chair: Dispatch;
let first: CaseView;
let second: CaseView;
let meetingId: string;
let dataRoot: string;

const p12 = (person: { name: string; personalCode?: string }, nameParts = false) => ({
  kind: 'pkcs12' as const,
  bytes: namedSigner({ ...person, nameParts }).p12,
  password: P12_PASSWORD,
});

async function userIdOf(dispatch: Dispatch): Promise<string> {
  const status = await ok(dispatch, 'auth.status', {});
  return status.user!.id;
}

async function item(id: string): Promise<DocumentItem> {
  return (await ok(secretary, 'documents.list', {})).documents.find((d) => d.id === id)!;
}

async function stored(id: string): Promise<{ sha256: string; versions: number }> {
  const read = await ok(secretary, 'documents.read', { id });
  return { sha256: read.sha256, versions: read.version };
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  const caPem = readFileSync(testPki().ca.certPath, 'utf8');
  dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-signers-'));
  services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
  secretary = services.dispatch;
  const admin = services.session;
  director = as(services, await signedIn(services, admin, 'direktore', ['director']));
  deputy = as(services, await signedIn(services, admin, 'pavaduotojas', ['director']));
  otherDirector = as(services, await signedIn(services, admin, 'kitas', ['director']));
  employee = as(services, await signedIn(services, admin, 'darbuotojas', ['archivist']));
  chair = as(services, await signedIn(services, admin, 'pirmininke', ['chair']));
  const register: RegisterSettings = {
    place: 'Pravieniškės',
    director: { ...DIRECTOR, position: 'Direktorė', gender: 'female', userId: await userIdOf(director) },
    deputies: [{ id: 'pavaduotojas', ...DEPUTY, position: 'Direktoriaus pavaduotojas', gender: 'male', userId: await userIdOf(deputy) }],
    halfwayHouseEmployee: { ...EMPLOYEE, position: 'Pusiaukelės namų vyresnysis specialistas', gender: 'male', userId: await userIdOf(employee) },
    prefixes: { minutes: 'DK', proposal: 'DKS', order: 'V', declineDecision: 'SP', submission: 'T', letter: 'S', list: 'SR', returnSubmission: 'PT', returnDecision: 'SP' },
  };
  await ok(secretary, 'settings.save', { ...DEMO_SETTINGS, revision: 0, register, signing: { pkcs11Module: '', timestampUrl: '', trustedRoots: caPem } });
  first = await readyCase(secretary, { ...DOSSIER_CASE_REQUEST, firstName: 'Rimantas', lastName: 'Kazlauskas', personalFileNo: 'B-2002', servingInstitutionId: 'own' }, '2026-11-20');
  second = await readyCase(secretary, { ...DOSSIER_CASE_REQUEST, firstName: 'Žydrūnas', lastName: 'Čepulis', personalFileNo: 'V-3003', servingInstitutionId: 'own' }, '2026-11-19');
  const meeting = await decideByMeeting(secretary, [first.record.id, second.record.id], { [first.record.id]: '10.1', [second.record.id]: '10.1' }, TODAY);
  meetingId = meeting.record.id;
}, 120_000);

afterAll(async () => {
  await services?.close();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

describe('the minutes: the chair and the secretary, each with their own certificate (V-77 p. 9, issue 12)', () => {
  it('gendered titles; another person\'s certificate and one certificate for both lines are refused, nothing is written', async () => {
    const minutes = await ok(secretary, 'documents.issue', { kind: 'minutes', meetingId });
    const text = flat(pdftotext(Buffer.from((await ok(secretary, 'documents.read', { id: minutes.id })).bytes)));
    expect(text).toContain('Posėdžio pirmininkė');
    expect(text).toContain('Posėdžio sekretorė');
    expect(minutes.awaitingSigners?.map((s) => s.name)).toEqual([CHAIR.name, SECRETARY.name]);
    const before = await stored(minutes.id);

    // The chair's line, signed with the secretary's certificate.
    const wrong = await refused(chair, 'documents.sign', { id: minutes.id, credential: p12(SECRETARY) });
    expect(wrong.code).toBe('CERT_NOT_SIGNER');
    expect(wrong.message).toContain(SECRETARY.name);
    expect(wrong.message).toContain(CHAIR.name);
    expect(await stored(minutes.id)).toEqual(before);

    // givenName + surname in the certificate count as well as the commonName.
    const afterChair = await ok(chair, 'documents.sign', { id: minutes.id, credential: p12(CHAIR, true) });
    expect(afterChair.awaiting).toEqual(['secretary']);
    const signedOnce = await stored(minutes.id);
    // One certificate for both lines: the chair's certificate cannot sign the secretary's line.
    expect((await refused(secretary, 'documents.sign', { id: minutes.id, credential: p12(CHAIR, true) })).code).toBe('CERT_NOT_SIGNER');
    expect(await stored(minutes.id)).toEqual(signedOnce);
    const both = await ok(secretary, 'documents.sign', { id: minutes.id, credential: p12(SECRETARY) });
    expect(both.signatures.map((s) => [s.role, s.signerName])).toEqual([
      ['chair', CHAIR.name],
      ['secretary', SECRETARY.name],
    ]);
  });
});

describe("the director's documents (V-77 p. 13, issue 12)", () => {
  let proposal: DocumentItem;
  let order: DocumentItem;

  beforeAll(async () => {
    proposal = await ok(secretary, 'documents.issue', { kind: 'proposal', caseId: first.record.id });
    order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: first.record.id });
  });

  it('the order is signed only after the proposal it cites (CITED_NOT_SIGNED names the proposal)', async () => {
    const before = await stored(order.id);
    const error = await refused(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect(error.code).toBe('CITED_NOT_SIGNED');
    expect(error.message).toContain(proposal.registrationNumber);
    expect(await stored(order.id)).toEqual(before);
    const signed = await ok(chair, 'documents.sign', { id: proposal.id, credential: p12(CHAIR) });
    expect(signed.awaiting).toEqual([]);
    expect(flat(pdftotext(Buffer.from((await ok(secretary, 'documents.read', { id: proposal.id })).bytes)))).toContain('Drausmės komisijos pirmininkė');
  });

  it("the director's line signed with another person's certificate: CERT_NOT_SIGNER naming both, the stored document unchanged", async () => {
    const before = await stored(order.id);
    const error = await refused(director, 'documents.sign', { id: order.id, credential: p12(DEPUTY) });
    expect(error.code).toBe('CERT_NOT_SIGNER');
    expect(error.message).toContain(DEPUTY.name);
    expect(error.message).toContain(DIRECTOR.name);
    // The same name without the director's personal code is not the director's certificate.
    expect((await refused(director, 'documents.sign', { id: order.id, credential: p12({ name: DIRECTOR.name }) })).code).toBe('CERT_NOT_SIGNER');
    expect(await stored(order.id)).toEqual(before);
    expect((await item(order.id)).signatures).toEqual([]);
  });

  it("a user with the director's role who is not the director's account is refused and does not see it in their queue", async () => {
    expect((await ok(otherDirector, 'documents.queue', {})).documents.map((d) => d.id)).not.toContain(order.id);
    const error = await refused(otherDirector, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect(error.code).toBe('USER_NOT_SIGNER');
    expect(error.message).toContain(DIRECTOR.name);
  });

  it('the director signs with a certificate carrying her personal code; the stamp pairs her name with her position', async () => {
    expect((await ok(director, 'documents.queue', {})).documents.map((d) => d.id)).toContain(order.id);
    const signed = await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect(signed.signatures[0]).toMatchObject({ role: 'director', signerName: DIRECTOR.name });
    const text = flat(pdftotext(Buffer.from((await ok(secretary, 'documents.read', { id: order.id })).bytes)));
    expect(text).toMatch(/Pasirašyta elektroniniu parašu Rūta Žemaitienė Direktorė/);
  });

  it('a deputy chosen at issue signs in the director\'s place, named with the acting title; the director cannot', async () => {
    const proposal2 = await ok(secretary, 'documents.issue', { kind: 'proposal', caseId: second.record.id });
    await ok(chair, 'documents.sign', { id: proposal2.id, credential: p12(CHAIR) });
    expect((await refused(secretary, 'documents.issue', { kind: 'order', caseId: second.record.id, signedBy: 'nera' })).code).toBe('SIGNER_UNKNOWN');
    const acting = await ok(secretary, 'documents.issue', { kind: 'order', caseId: second.record.id, signedBy: 'pavaduotojas' });
    expect(acting.awaitingSigners).toEqual([expect.objectContaining({ role: 'director', name: DEPUTY.name })]);
    const text = flat(pdftotext(Buffer.from((await ok(secretary, 'documents.read', { id: acting.id })).bytes)));
    expect(text).toContain('Direktoriaus pavaduotojas, laikinai einantis direktoriaus pareigas');
    expect(text).toContain(DEPUTY.name);
    expect(text).not.toContain(DIRECTOR.name);

    expect((await ok(director, 'documents.queue', {})).documents.map((d) => d.id)).not.toContain(acting.id);
    expect((await refused(director, 'documents.sign', { id: acting.id, credential: p12(DIRECTOR) })).code).toBe('USER_NOT_SIGNER');
    expect((await ok(deputy, 'documents.queue', {})).documents.map((d) => d.id)).toContain(acting.id);
    expect((await refused(deputy, 'documents.sign', { id: acting.id, credential: p12(DIRECTOR) })).code).toBe('CERT_NOT_SIGNER');
    const signed = await ok(deputy, 'documents.sign', { id: acting.id, credential: p12(DEPUTY) });
    expect(signed.signatures[0]).toMatchObject({ role: 'director', signerName: DEPUTY.name });
  });
});

describe("the director's notices (V-77 p. 47; seed 001): the director's line, or a deputy's chosen at issue", () => {
  it('V-77 p. 47: the notice is in the director’s queue and the director signs it with her own certificate; a deputy chosen at issue signs instead, with the acting title', async () => {
    const sends = await ok(secretary, 'cases.register', { ...DOSSIER_CASE_REQUEST, firstName: 'Tadas', lastName: 'Kairys', personalFileNo: 'B-3101', servingInstitutionId: 'own', halfwayHouseInstitutionId: 'panevezys' });
    const acting = await ok(secretary, 'documents.issue', { kind: 'p47Notice', caseId: sends.record.id, reason: 'Nuteistajam pareikšti įtarimai.', signedBy: 'pavaduotojas' });
    expect(acting.awaitingSigners).toEqual([expect.objectContaining({ role: 'director', name: DEPUTY.name, position: 'Direktoriaus pavaduotojas, laikinai einantis direktoriaus pareigas' })]);
    expect((await ok(director, 'documents.queue', {})).documents.map((d) => d.id)).not.toContain(acting.id);
    // A correction names the director again; the director signs it, the deputy cannot.
    const notice = await ok(secretary, 'documents.issue', { kind: 'p47Notice', caseId: sends.record.id, reason: 'Nuteistajam pareikšti įtarimai.', replaces: acting.id });
    expect(notice.awaitingSigners).toEqual([expect.objectContaining({ role: 'director', name: DIRECTOR.name, position: 'Direktorė' })]);
    expect((await ok(director, 'documents.queue', {})).documents.map((d) => d.id)).toContain(notice.id);
    expect((await refused(deputy, 'documents.sign', { id: notice.id, credential: p12(DEPUTY) })).code).toBe('USER_NOT_SIGNER');
    const signed = await ok(director, 'documents.sign', { id: notice.id, credential: p12(DIRECTOR) });
    expect(signed.signatures[0]).toMatchObject({ role: 'director', signerName: DIRECTOR.name });
    expect((await ok(secretary, 'cases.get', { id: sends.record.id })).record.state).toBe('ineligible');
  });
});

describe('the p. 12 list: the halfway-house employee the director appointed signs it (V-77 p. 20, issue 12)', () => {
  it("is in the employee's signing queue, not the secretary's or the director's, and the employee signs it", async () => {
    const list = await ok(secretary, 'documents.issue', { kind: 'list' });
    expect(list.awaitingSigners).toEqual([expect.objectContaining({ role: 'halfwayHouseEmployee', name: EMPLOYEE.name })]);
    expect((await ok(employee, 'documents.queue', {})).documents.map((d) => d.id)).toEqual([list.id]);
    expect((await ok(secretary, 'documents.queue', {})).documents.map((d) => d.id)).not.toContain(list.id);
    expect((await ok(director, 'documents.queue', {})).documents.map((d) => d.id)).not.toContain(list.id);
    expect((await refused(secretary, 'documents.sign', { id: list.id, credential: p12(EMPLOYEE) })).code).toBe('NOTHING_TO_SIGN');
    const signed = await ok(employee, 'documents.sign', { id: list.id, credential: p12(EMPLOYEE) });
    expect(signed.signatures[0]).toMatchObject({ role: 'halfwayHouseEmployee', signerName: EMPLOYEE.name });
    expect((await ok(employee, 'documents.queue', {})).documents).toEqual([]);
  });
});

describe('one person signs one line (issue 12)', () => {
  it('the same certificate, or another certificate of the same person, cannot sign the second line of the minutes', async () => {
    // The commission records the same personal code for its chair and its secretary (a mistake the
    // signing still catches): both lines of corrected minutes then expect that person.
    const commission = (await ok(secretary, 'commission.get', {}))!;
    const code = '48101010003';
    await ok(secretary, 'commission.save', {
      revision: commission.revision,
      rules: commission.rules,
      members: commission.members.map((m) => (m.role === 'chair' || m.role === 'secretary' ? { ...m, personalCode: code } : m)),
    });
    const old = (await ok(secretary, 'documents.list', { meetingId })).documents.find((d) => d.kind === 'minutes' && !d.replacedBy)!;
    const minutes = await ok(secretary, 'documents.issue', { kind: 'minutes', meetingId, replaces: old.id });
    await ok(chair, 'documents.sign', { id: minutes.id, credential: p12({ ...CHAIR, personalCode: code }) });
    const before = await stored(minutes.id);
    const same = await refused(secretary, 'documents.sign', { id: minutes.id, credential: p12({ ...CHAIR, personalCode: code }) });
    expect(same.code).toBe('CERT_ALREADY_USED');
    expect(same.message).toContain(CHAIR.name);
    // Another certificate carrying the same personal code is the same person.
    expect((await refused(secretary, 'documents.sign', { id: minutes.id, credential: p12({ ...SECRETARY, personalCode: code }) })).code).toBe('CERT_ALREADY_USED');
    expect(await stored(minutes.id)).toEqual(before);
    expect((await item(minutes.id)).awaiting).toEqual(['secretary']);
  });
});
