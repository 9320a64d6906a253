import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/index';
import type { CaseView, RequestInput } from '../../shared/contract/schemas';
import { ok, refused } from '../helpers/dataDir';
import { setUpOfficials, stagedCopy, type Officials } from '../helpers/directorActs';
import { DOSSIER_CASE_REQUEST, loadCompleteDossier } from '../helpers/dossier';
import { pdftotext } from '../helpers/pdfTools';
import { openAsStaff } from '../helpers/users';

/**
 * Issue 14, V-77 p. 21–23: our convict asked for another institution's halfway house (route
 * 'sends'), the dossier was sent (p. 7) and that institution granted the request (p. 8). The
 * departure and the sending of the personal file are recorded once (cases.recordTransferOut), and the
 * director's notice to the receiving institution (p. 22) is generated: the personal data, the
 * departure, the arrival by 15:00 the same working day, the personal file sent the same day (p. 23),
 * the photo and the personal marks annexed.
 */

const TODAY = '2026-11-30'; // a Monday
const SENT = '2026-11-20'; // a Friday
const SATURDAY = '2026-11-21';
const SUNDAY = '2026-11-22';
const MONDAY = '2026-11-23';

type Dispatch = (method: string, input: unknown) => ReturnType<Services['dispatch']>;

/** Our convicts asking for Panevėžys' halfway house: its commission decides (V-77 p. 7–8). */
const GOES: RequestInput = { ...DOSSIER_CASE_REQUEST, firstName: 'Saulius', lastName: 'Pocius', personalFileNo: 'B-3101', servingInstitutionId: 'own', halfwayHouseInstitutionId: 'panevezys' };
const LATE_FILE: RequestInput = { ...GOES, firstName: 'Tadas', lastName: 'Kairys', personalFileNo: 'B-3102' };
const REFUSED_THERE: RequestInput = { ...GOES, firstName: 'Rokas', lastName: 'Balčiūnas', personalFileNo: 'B-3103' };
const OWN: RequestInput = { ...GOES, firstName: 'Jonas', lastName: 'Petraitis', personalFileNo: 'B-3104', halfwayHouseInstitutionId: 'own' };

let services: Services & { session: string };
let officials: Officials;
let secretary: Dispatch;
let dataRoot: string;

const caseOf = (id: string): Promise<CaseView> => ok(secretary, 'cases.get', { id });

/** Registered, the dossier complete and sent on SENT (V-77 p. 7). */
async function sentCase(request: RequestInput): Promise<CaseView> {
  const registered = await ok(secretary, 'cases.register', request);
  const loaded = await loadCompleteDossier(secretary, registered);
  return ok(secretary, 'cases.transition', { id: loaded.record.id, revision: loaded.record.revision, to: 'dossier_sent', on: SENT });
}

/** The other institution's decision on the request, with its copy (V-77 p. 8). */
async function outcome(id: string, granted: boolean, date = SENT): Promise<CaseView> {
  const view = await caseOf(id);
  const { stagedId } = await stagedCopy(secretary, id, 'Panevėžio sprendimas.pdf');
  return ok(secretary, 'cases.recordAct', { id, revision: view.record.revision, kind: 'otherOutcome', number: 'P-15', date, receivedOn: date, issuer: 'Panevėžio pataisos namai', granted, stagedId });
}

const transferOut = async (id: string, input: { departedOn: string; personalFileSentOn: string; note?: string }) => {
  const view = await caseOf(id);
  return secretary('cases.recordTransferOut', { id, revision: view.record.revision, ...input });
};

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-transfer-out-'));
  services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
  secretary = services.dispatch;
  officials = await setUpOfficials(services);
}, 300_000);

afterAll(() => {
  rmSync(dataRoot, { recursive: true, force: true });
});

describe('V-77 p. 21–23: our convict leaves for another institution’s halfway house', () => {
  let goesId: string;

  it('p. 8, 21: nothing is recorded before the other institution granted the request, nor for a refused one, nor on another route', async () => {
    const goes = await sentCase(GOES);
    goesId = goes.record.id;
    expect(await refused(secretary, 'cases.recordTransferOut', { id: goesId, revision: goes.record.revision, departedOn: TODAY, personalFileSentOn: TODAY })).toMatchObject({
      code: 'TRANSFER_OUT_NOT_EXPECTED',
      params: { why: 'notGranted', state: 'dossier_sent' },
    });
    const refusedThere = await sentCase(REFUSED_THERE);
    await outcome(refusedThere.record.id, false);
    const stillRefused = await transferOut(refusedThere.record.id, { departedOn: TODAY, personalFileSentOn: TODAY });
    expect(stillRefused.ok ? undefined : stillRefused.error).toMatchObject({ code: 'TRANSFER_OUT_NOT_EXPECTED', params: { why: 'notGranted' } });
    const own = await ok(secretary, 'cases.register', OWN);
    const ownResult = await transferOut(own.record.id, { departedOn: TODAY, personalFileSentOn: TODAY });
    expect(ownResult.ok ? undefined : ownResult.error).toMatchObject({ code: 'TRANSFER_OUT_NOT_EXPECTED', params: { why: 'route' } });
    // The notice (p. 22) is not due either.
    expect((await refused(secretary, 'documents.preview', { kind: 'transferNotice', caseId: goesId, departureOn: TODAY })).code).toBe('DOCUMENT_NOT_DUE');
  });

  it('p. 22: the notice to the receiving institution’s director: the personal data, the departure, by 15:00 the same working day, the file the same day (p. 23), the photo and marks annexed', async () => {
    await outcome(goesId, true);
    const view = await caseOf(goesId);
    expect(view.record.state).toBe('dossier_sent');
    const item = await ok(secretary, 'documents.issue', { kind: 'transferNotice', caseId: goesId, departureOn: TODAY });
    expect(item).toMatchObject({ kind: 'transferNotice', caseIds: [goesId] });
    expect(item.registrationNumber).toMatch(/^S-\d+$/);
    const text = pdftotext((await ok(secretary, 'documents.read', { id: item.id })).bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Pataisos įstaigos direktoriui, Panevėžio pataisos namai');
    expect(text).toContain('Saulius Pocius');
    expect(text).toContain('asmens bylos Nr. B-3101');
    expect(text).toContain('Nuteistasis išvyksta 2026 m. lapkričio 30 d. ir turi atvykti į pusiaukelės namus tą pačią darbo dieną iki 15 val.');
    expect(text).toContain('tą pačią dieną, kurią nuteistasis išvyksta (Aprašo 23 punktas)');
    expect(text).toContain('PRIDEDAMA');
    expect(text).toContain('Nuteistojo nuotrauka, 1 lapas.');
    expect(text).toContain('Asmens žymių aprašas, 1 lapas.');
    // The annexes are the user's to edit.
    const edited = await ok(secretary, 'documents.preview', { kind: 'transferNotice', caseId: goesId, departureOn: TODAY, annexes: ['Nuotrauka, 2 lapai.'] });
    const editedText = pdftotext(edited.bytes).replace(/\s+/g, ' ');
    expect(editedText).toContain('Nuotrauka, 2 lapai.');
    expect(editedText).not.toContain('Asmens žymių aprašas');
    // Issuing the notice moves nothing: the departure is recorded by hand.
    expect((await caseOf(goesId)).record.state).toBe('dossier_sent');
    // The director signs it (V-77 p. 22: from our director).
    expect(item.awaiting).toEqual(['director']);
    void officials;
  });

  it('p. 22–23: the departure and the personal file sent the same working day are recorded once, on the timeline, through the door', async () => {
    const early = await transferOut(goesId, { departedOn: '2026-11-19', personalFileSentOn: TODAY });
    expect(early.ok ? undefined : early.error.code).toBe('INVALID_INPUT');
    const future = await transferOut(goesId, { departedOn: TODAY, personalFileSentOn: '2026-12-01' });
    expect(future.ok ? undefined : future.error.code).toBe('INVALID_INPUT');
    const result = await transferOut(goesId, { departedOn: TODAY, personalFileSentOn: TODAY, note: 'Išvyko 8.30 val.' });
    expect(result.ok).toBe(true);
    const view = await caseOf(goesId);
    expect(view.record.state).toBe('dossier_sent');
    expect(view.record.facts.transferOut).toEqual({ departedOn: TODAY, personalFileSentOn: TODAY });
    const entry = view.record.timeline.at(-1)!;
    expect(entry).toMatchObject({ kind: 'transferOut', on: TODAY });
    expect(entry.note).toContain('asmens byla išsiųsta 2026-11-30');
    expect(entry.note).toContain('Išvyko 8.30 val.');
    expect(entry.note).not.toContain('V-77 23 p.)');
    const again = await transferOut(goesId, { departedOn: TODAY, personalFileSentOn: TODAY });
    expect(again.ok ? undefined : again.error).toMatchObject({ code: 'TRANSFER_OUT_NOT_EXPECTED', params: { why: 'recorded' } });
    // The audit trail names the case by id only, never the convict nor the note.
    const audit = await ok(secretary, 'audit.list', { subjectId: goesId });
    // The summaries only: the entries' times and hashes are digits that may hold "8.30" by chance.
    const summaries = JSON.stringify(audit.map((e) => e.summary));
    expect(summaries).toContain('išvykimas į kitos įstaigos pusiaukelės namus');
    for (const word of ['Saulius', 'Pocius', '8.30']) expect(summaries).not.toContain(word);
  });

  it('p. 22–23: a departure on a day off and the file sent another day are recorded all the same, and said so', async () => {
    const late = await sentCase(LATE_FILE);
    await outcome(late.record.id, true);
    expect((await transferOut(late.record.id, { departedOn: SATURDAY, personalFileSentOn: MONDAY })).ok).toBe(true);
    const view = await caseOf(late.record.id);
    expect(view.record.facts.transferOut).toEqual({ departedOn: SATURDAY, personalFileSentOn: MONDAY });
    const note = view.record.timeline.at(-1)!.note!;
    expect(note).toContain('Išvyko ne darbo dieną (V-77 22 p.)');
    expect(note).toContain('Asmens byla išsiųsta 2026-11-23, ne nuteistojo išvykimo dieną (V-77 23 p.)');
    void SUNDAY;
  });
});
