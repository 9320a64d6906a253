import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { Services } from '../../electron/services/index';
import type { DocumentItem, RegisterSettings } from '../../shared/contract/documentSchemas';
import type { CaseRecord } from '../../shared/contract/schemas';
import { ok, refused } from '../helpers/dataDir';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { namedSigner, P12_PASSWORD, testPki } from '../helpers/pki';
import { startTsa, type TestTsa } from '../helpers/tsa';
import { as, openAsStaff, signedIn } from '../helpers/users';
import { issueCertificate, makeCrl, startClockTsa } from '../helpers/verificationPki';

/**
 * Issue 18, "Long-term signatures", in the app: the signature that completes a document makes it
 * PAdES B-LTA (ETSI EN 319 142-1 §5.4, §6) in the same change when the timestamp service is set and
 * the imported revocation lists prove the certificates' status at the signing time — which only a
 * list issued at or after that time does (EN 319 102-1 §5.6.2.1), so right after the signing it
 * normally cannot: the signature stands (B-T) and 'documents.extend' does it once the CA's next list
 * is imported, refused with the reason until then. The V-77 step the act takes (p. 13) happens once
 * whatever the extension does. Real data directory, real signatures with certificates from the test
 * CA, a real RFC 3161 authority.
 */

const TODAY = '2026-11-23';
type Dispatch = (method: string, input: unknown) => ReturnType<Services['dispatch']>;

const DIRECTOR = { name: 'Rūta Žemaitienė' };
// The commission of test/helpers/meetings.ts: no user accounts, so the chair's and secretary's roles sign.
const CHAIR = { name: 'Rasa Vaitkienė' };
const SECRETARY = { name: 'Inga Kairienė' };
const p12 = (person: { name: string }) => ({ kind: 'pkcs12' as const, bytes: namedSigner(person).p12, password: P12_PASSWORD });

let services: Services & { session: string };
let secretary: Dispatch;
let director: Dispatch;
let chair: Dispatch;
let member: Dispatch;
let archivist: Dispatch;
let tsa: TestTsa;
let caPem: string;
let dataRoot: string;
let meetingId: string;
const cases: { first: string; second: string } = { first: '', second: '' };

async function setTimestampUrl(timestampUrl: string): Promise<void> {
  const current = await ok(secretary, 'settings.get', {});
  await ok(secretary, 'settings.save', { ...current, signing: { pkcs11Module: '', timestampUrl, trustedRoots: caPem } });
}

async function itemOf(id: string): Promise<DocumentItem> {
  return (await ok(secretary, 'documents.list', {})).documents.find((d) => d.id === id)!;
}

/** How many versions the document has (the last one's number). */
async function versionsOf(id: string): Promise<number> {
  return (await ok(secretary, 'documents.read', { id })).version;
}

/** What documents.verify says of each signature of the document's last version: type, indication, level. */
async function levels(id: string): Promise<[string, string, string | null][]> {
  const file = await ok(secretary, 'documents.read', { id });
  const report = await ok(secretary, 'documents.verify', { name: file.name, bytes: file.bytes });
  return report.signatures.map((s) => [s.type, s.indication, s.level]);
}

async function recordOf(id: string): Promise<CaseRecord> {
  return (await ok(secretary, 'cases.get', { id })).record;
}

const stepsTo = (record: CaseRecord, to: string) => record.timeline.filter((e) => e.kind === 'state' && e.to === to);

/** The administrator imports the test CA's list issued at `lastUpdate` (default: now, after every signature so far). */
async function importList(lastUpdate: Date = new Date()): Promise<void> {
  await ok(secretary, 'trust.importCrl', { name: 'ca.crl', bytes: makeCrl({ issuer: 'ca', lastUpdate }) });
}

/** A list dated `minutes` ahead (a CA clock a little fast; the import takes up to five): it was issued after a signature made now. */
const aheadOfSigning = (minutes: number) => new Date(Date.now() + minutes * 60_000);

beforeAll(async () => {
  caPem = readFileSync(testPki().ca.certPath, 'utf8');
  tsa = await startTsa();
  dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-long-term-'));
  services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
  secretary = services.dispatch;
  const admin = services.session;
  director = as(services, await signedIn(services, admin, 'direktore', ['director']));
  chair = as(services, await signedIn(services, admin, 'pirmininke', ['chair']));
  member = as(services, await signedIn(services, admin, 'narys', ['member']));
  archivist = as(services, await signedIn(services, admin, 'archyvare', ['archivist']));
  const register: RegisterSettings = {
    place: 'Pravieniškės',
    director: { ...DIRECTOR, position: 'Direktorė', gender: 'female', userId: (await ok(director, 'auth.status', {})).user!.id },
    halfwayHouseEmployee: { name: 'Tomas Šaulys', position: 'Pusiaukelės namų vyresnysis specialistas', gender: 'male' },
    prefixes: { minutes: 'DK', proposal: 'DKS', order: 'IS', declineDecision: 'SN', submission: 'TK', letter: 'RS', list: 'SR', returnSubmission: 'GT', returnDecision: 'GS' },
  };
  await ok(secretary, 'settings.save', { ...DEMO_SETTINGS, revision: 0, register, signing: { pkcs11Module: '', timestampUrl: tsa.url, trustedRoots: caPem } });
  const person = (firstName: string, lastName: string, personalFileNo: string, requestDate: string) => ({ ...DOSSIER_CASE_REQUEST, firstName, lastName, personalFileNo, requestDate, servingInstitutionId: 'own' });
  cases.first = (await readyCase(secretary, person('Rimantas', 'Kazlauskas', 'B-2001', '2026-11-02'), '2026-11-16')).record.id;
  cases.second = (await readyCase(secretary, person('Darius', 'Butkus', 'B-2002', '2026-11-03'), '2026-11-16')).record.id;
  meetingId = (await decideByMeeting(secretary, [cases.first, cases.second], { [cases.first]: '10.1', [cases.second]: '10.1' }, TODAY)).record.id;
}, 300_000);

afterAll(async () => {
  await services?.close();
  await tsa?.close();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

describe('documents.extend (issue 18)', () => {
  let minutes: DocumentItem;

  it('without an imported list the minutes’ completing signature stands as B-T; the extension is refused naming the certificate, or without a timestamp service, and nothing is stored', async () => {
    minutes = await ok(secretary, 'documents.issue', { kind: 'minutes', meetingId });
    await ok(chair, 'documents.sign', { id: minutes.id, credential: p12(CHAIR) });
    const signed = await ok(secretary, 'documents.sign', { id: minutes.id, credential: p12(SECRETARY) });
    expect(signed).toMatchObject({ awaiting: [], level: 'B-T', extensions: [] });
    expect(await versionsOf(minutes.id)).toBe(3);

    const noList = await refused(secretary, 'documents.extend', { id: minutes.id });
    expect([noList.code, noList.params]).toEqual(['LONG_TERM_NO_REVOCATION_DATA', { certificate: CHAIR.name, issuer: 'Pusiaukelės bandomoji CA', reason: 'noList' }]);
    await setTimestampUrl('');
    expect((await refused(secretary, 'documents.extend', { id: minutes.id })).code).toBe('LONG_TERM_NO_TIMESTAMP_SERVICE');
    await setTimestampUrl(tsa.url);
    expect(await versionsOf(minutes.id)).toBe(3);
    expect(await itemOf(minutes.id)).toMatchObject({ level: 'B-T', extensions: [] });
  });

  it('only the secretary, the director and the archivist extend (the contract’s roles)', async () => {
    for (const who of [member, chair]) expect((await refused(who, 'documents.extend', { id: minutes.id })).code).toBe('FORBIDDEN');
  });

  it('once the administrator imports the CA’s list issued after the signatures, the archivist makes the two signatures of the minutes B-LTA: a new version, audited, verified', async () => {
    await importList();
    const extended = await ok(archivist, 'documents.extend', { id: minutes.id });
    expect(extended.level).toBe('B-LTA');
    expect(extended.extensions).toEqual([{ version: 4, level: 'B-LTA', at: expect.any(String), timestamp: expect.any(String) }]);
    expect(extended.signatures).toHaveLength(2);
    expect(await versionsOf(minutes.id)).toBe(4);
    expect(await levels(minutes.id)).toEqual([
      ['signature', 'TOTAL_PASSED', 'B-LTA'],
      ['signature', 'TOTAL_PASSED', 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null],
    ]);
    // The version the second signature made is kept as it was: B-T.
    const signedVersion = await ok(secretary, 'documents.read', { id: minutes.id, version: 3 });
    const report = await ok(secretary, 'documents.verify', { name: signedVersion.name, bytes: signedVersion.bytes });
    expect(report.signatures.map((s) => s.level)).toEqual(['B-T', 'B-T']);
    const [entry] = await ok(secretary, 'audit.list', { limit: 1 });
    expect(entry).toMatchObject({ method: 'documents.extend', subject: { kind: 'document', id: minutes.id } });
    expect(entry!.summary).toContain('B-LTA');
  });

  it('a renewal whose new document timestamp states a time before the timestamp it covers is refused (LONG_TERM_CHECK_FAILED; EN 319 102-1 §5.6.2.4, TIMESTAMP_ORDER_FAILURE): nothing is stored', async () => {
    // The first archive timestamp's authority needs a list issued after it for the renewal (EN 319 142-1 §5.4.3).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await importList();
    const backdated = await startClockTsa(testPki().tsa, testPki().ca.certPath, new Date(Date.now() - 2 * 3600_000));
    try {
      await setTimestampUrl(backdated.url);
      expect((await refused(archivist, 'documents.extend', { id: minutes.id })).code).toBe('LONG_TERM_CHECK_FAILED');
    } finally {
      await backdated.close();
      await setTimestampUrl(tsa.url);
    }
    expect(await versionsOf(minutes.id)).toBe(4);
    expect(await itemOf(minutes.id)).toMatchObject({ level: 'B-LTA', extensions: [{ version: 4, level: 'B-LTA' }] });
  });

  it('a document not yet signed by every line is refused; signed, it waits for a list issued after its signature (EN 319 102-1 §5.6.2.1)', async () => {
    const proposal = await ok(secretary, 'documents.issue', { kind: 'proposal', caseId: cases.first });
    const e = await refused(secretary, 'documents.extend', { id: proposal.id });
    expect([e.code, e.params]).toEqual(['LONG_TERM_NOT_FULLY_SIGNED', { registrationNumber: proposal.registrationNumber, awaiting: 1 }]);
    expect(await versionsOf(proposal.id)).toBe(1);
    // The completing signature: the list imported was issued before it, and says nothing of the time
    // since, so the signature stays B-T and the extension is refused until the CA's next list is imported.
    // (Lists and timestamps are dated to the second: the signature comes a second after the list.)
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const signed = await ok(chair, 'documents.sign', { id: proposal.id, credential: p12(CHAIR) });
    expect(signed).toMatchObject({ level: 'B-T', extensions: [] });
    const early = await refused(secretary, 'documents.extend', { id: proposal.id });
    expect([early.code, early.params]).toEqual(['LONG_TERM_NO_REVOCATION_DATA', { certificate: CHAIR.name, issuer: 'Pusiaukelės bandomoji CA', reason: 'issuedBeforeSigning' }]);
    expect(early.message).toContain('kai Pusiaukelės bandomoji CA išleis naujesnį sąrašą');
    expect(await versionsOf(proposal.id)).toBe(2);
    await importList();
    expect(await ok(secretary, 'documents.extend', { id: proposal.id })).toMatchObject({ level: 'B-LTA', extensions: [{ version: 3, level: 'B-LTA' }] });
  });

  it('a timestamp by an authority that is not trusted proves no time: the signature is recorded without it and listed B-B, as the verifier reports it', async () => {
    const untrusted = issueCertificate({ subject: '/C=LT/CN=Nepatikima laiko žymų tarnyba', issuer: 'otherCa', profile: 'tsa', from: new Date(Date.now() - 86400_000), until: new Date(Date.now() + 30 * 86400_000) });
    const clock = await startClockTsa(untrusted, testPki().otherCa.certPath, new Date());
    const proposal = await ok(secretary, 'documents.issue', { kind: 'proposal', caseId: cases.second });
    try {
      await setTimestampUrl(clock.url);
      const signed = await ok(chair, 'documents.sign', { id: proposal.id, credential: p12(CHAIR) });
      expect(signed).toMatchObject({ level: 'B-B', extensions: [] });
      expect(signed.signatures[0]!.timestamp).toBeUndefined();
    } finally {
      await clock.close();
      await setTimestampUrl(tsa.url);
    }
    expect(await levels(proposal.id)).toEqual([['signature', 'TOTAL_PASSED', 'B-B']]);
  });
});

describe('the completing signature of an act and its V-77 step (issue 18, V-77 p. 13)', () => {
  it('V-77 p. 13: with a list issued after the signing time at hand (dated a little ahead), the order’s signature makes it B-LTA in the same change, and the case takes its step exactly once', async () => {
    await importList(aheadOfSigning(2));
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: cases.first });
    const signed = await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
    expect(signed).toMatchObject({ awaiting: [], level: 'B-LTA', extensions: [{ version: 3, level: 'B-LTA' }] });
    expect(await levels(order.id)).toEqual([
      ['signature', 'TOTAL_PASSED', 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null],
    ]);
    const record = await recordOf(cases.first);
    expect(record.state).toBe('transfer_ordered');
    expect(stepsTo(record, 'transfer_ordered').map((e) => e.documentId)).toEqual([order.id]);
    // One change: the signature with its extension, then the case's step.
    const [step, signature] = await ok(secretary, 'audit.list', { limit: 2 });
    expect(signature).toMatchObject({ method: 'documents.sign', subject: { kind: 'document', id: order.id } });
    expect(signature!.summary).toContain('B-LTA');
    expect(step).toMatchObject({ method: 'documents.sign', subject: { kind: 'case', id: cases.first } });
  });

  it('V-77 p. 13: the timestamp service down after the signature’s timestamp: the order is signed (B-T) and the step taken; extended later, the step is not taken again', async () => {
    // The proposal of the case was signed above; a list issued after the order's signing is at hand.
    await importList(aheadOfSigning(3));
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: cases.second });
    // The service answers the signature's timestamp and refuses the document timestamp after it.
    const failing = await startTsa({ refuseAfter: 1 });
    try {
      await setTimestampUrl(failing.url);
      const signed = await ok(director, 'documents.sign', { id: order.id, credential: p12(DIRECTOR) });
      expect(signed).toMatchObject({ awaiting: [], level: 'B-T', extensions: [] });
      expect(failing.answered()).toBe(1);
    } finally {
      await failing.close();
      await setTimestampUrl(tsa.url);
    }
    expect(await versionsOf(order.id)).toBe(2);
    expect(stepsTo(await recordOf(cases.second), 'transfer_ordered').map((e) => e.documentId)).toEqual([order.id]);

    const extended = await ok(secretary, 'documents.extend', { id: order.id });
    expect(extended).toMatchObject({ level: 'B-LTA', extensions: [{ version: 3, level: 'B-LTA' }] });
    const record = await recordOf(cases.second);
    expect(record.state).toBe('transfer_ordered');
    expect(stepsTo(record, 'transfer_ordered').map((e) => e.documentId)).toEqual([order.id]);
  });
});
