import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { encryptingCodec, unlockDataKey } from '../../electron/services/store/encryption';
import { sha256Hex } from '../../electron/services/store/documentStore';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { attachDocument, completeFacts, DOSSIER_CASE_REQUEST, loadCompleteDossier } from '../helpers/dossier';
import { encryptedPdf, jpegImage, largePdf, pdfDocument, pngImage, truncatedPdf, windowsProgram } from '../helpers/documents';
import { as, openAsStaff, signedIn } from '../helpers/users';

const TODAY = '2026-11-23';

const request = DOSSIER_CASE_REQUEST;

async function setUp(dataDir = tempDataDir()) {
  const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  const view = await ok(services.dispatch, 'cases.register', request);
  return { services, view, dataDir };
}

/** Every file under the data directory's documents/ folder (the sealed contents). */
function storedDocuments(dataDir: string): string[] {
  const root = join(dataDir, 'documents');
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(root, p)).isFile());
}

describe('the dossier checklist (V-77 p. 6)', () => {
  it('shows the eleven items: 6.11 optional, 6.7 waiting for the question of the personal file, the rest waiting', async () => {
    const { services, view } = await setUp();
    expect(view.dossier.items.map((i) => [i.id, i.status])).toEqual([
      ['6.1', 'waiting'],
      ['6.2', 'waiting'],
      ['6.3', 'waiting'],
      ['6.4', 'waiting'],
      ['6.5', 'waiting'],
      ['6.6', 'waiting'],
      ['6.7', 'waiting'],
      ['6.8', 'waiting'],
      ['6.9', 'waiting'],
      ['6.10', 'waiting'],
      ['6.11', 'not_needed'],
    ]);
    expect(view.dossier.complete).toBe(false);
    expect(view.dossier.missing.find((m) => m.item === '6.7')).toMatchObject({ reason: 'judgment_question', toRequest: false });
    // V-77 p. 6.7: once the commission can consult the personal file, the judgment is not needed.
    const after = await ok(services.dispatch, 'dossier.saveItem', { caseId: view.record.id, revision: view.record.revision, item: '6.7', facts: { personalFileAccessible: true } });
    expect(after.dossier.items.find((i) => i.id === '6.7')!.status).toBe('not_needed');
    expect(after.dossier.missing.some((m) => m.item === '6.7')).toBe(false);
    await services.close();
  });

  it('stores an attached PDF encrypted, marks the item received today and gives the same bytes back', async () => {
    const { services, view, dataDir } = await setUp();
    const pdf = await pdfDocument({ pages: 2, text: 'Rizikos vertinimas' });
    const after = await attachDocument(services.dispatch, view, '6.1', pdf, '6.1 rizikos vertinimas.pdf');
    const item = after.dossier.items.find((i) => i.id === '6.1')!;
    expect(item).toMatchObject({ status: 'received', receivedOn: TODAY });
    expect(item.documents[0]!.versions[0]).toMatchObject({ name: '6.1 rizikos vertinimas.pdf', kind: 'pdf', size: pdf.length, sha256: sha256Hex(pdf) });
    // At rest: sealed, neither the content nor its hash readable from the disk.
    const files = storedDocuments(dataDir);
    expect(files).toHaveLength(1);
    const raw = readFileSync(join(dataDir, 'documents', files[0]!));
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(files[0]).not.toContain(sha256Hex(pdf));
    const read = await ok(services.dispatch, 'dossier.readDocument', { caseId: view.record.id, documentId: item.documents[0]!.id });
    expect(Buffer.from(read.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(after.record.timeline.at(-1)).toMatchObject({ kind: 'dossier', item: '6.1', note: '6.1 rizikos vertinimas.pdf' });
    await services.close();
  });

  it('stores the same content once even when attached to two items, and refuses it twice on one item', async () => {
    const { services, view, dataDir } = await setUp();
    const scan = jpegImage(320, 200);
    let current = await attachDocument(services.dispatch, view, '6.10', scan, 'pasas.jpg');
    current = await attachDocument(services.dispatch, current, '6.11', scan, 'paso kopija.jpg');
    expect(storedDocuments(dataDir)).toHaveLength(1);
    const staged = await ok(services.dispatch, 'dossier.stage', { caseId: view.record.id, name: 'vėl pasas.jpg', bytes: scan });
    expect(staged.alreadyAttached.map((a) => a.item).sort()).toEqual(['6.10', '6.11']);
    const error = await refused(services.dispatch, 'dossier.attach', { caseId: view.record.id, revision: current.record.revision, files: [{ stagedId: staged.stagedId, item: '6.10' }] });
    expect(error.code).toBe('DOCUMENT_ALREADY_ATTACHED');
    expect(error.message).toContain('vėl pasas.jpg');
    expect((await ok(services.dispatch, 'cases.get', { id: view.record.id })).record.revision).toBe(current.record.revision);
    await services.close();
  });

  it('replacing a document keeps the earlier version and asks what changed', async () => {
    const { services, view } = await setUp();
    const first = await attachDocument(services.dispatch, view, '6.2', await pdfDocument({ text: 'version 1' }));
    const documentId = first.dossier.items.find((i) => i.id === '6.2')!.documents[0]!.id;
    const v2 = await pdfDocument({ text: 'version 2' });
    const staged = await ok(services.dispatch, 'dossier.stage', { caseId: view.record.id, name: '6.2 pataisyta.pdf', bytes: v2 });
    const noNote = await refused(services.dispatch, 'dossier.attach', { caseId: view.record.id, revision: first.record.revision, files: [{ stagedId: staged.stagedId, item: '6.2', replaces: documentId }] });
    expect(noNote).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ path: 'note', key: 'required' }] } });
    const after = await ok(services.dispatch, 'dossier.attach', {
      caseId: view.record.id,
      revision: first.record.revision,
      files: [{ stagedId: staged.stagedId, item: '6.2', replaces: documentId, note: 'Pataisyta išvados data' }],
    });
    const doc = after.dossier.items.find((i) => i.id === '6.2')!.documents[0]!;
    expect(doc.versions.map((v) => [v.name, v.note])).toEqual([
      ['6.2 dokumentas.pdf', undefined],
      ['6.2 pataisyta.pdf', 'Pataisyta išvados data'],
    ]);
    const earlier = await ok(services.dispatch, 'dossier.readDocument', { caseId: view.record.id, documentId, version: 1 });
    expect(sha256Hex(earlier.bytes)).toBe(doc.versions[0]!.sha256);
    await services.close();
  });
});

describe('removing a document attached by mistake', () => {
  it('takes it off the case with the reason, and the next check of the data directory deletes its content', async () => {
    const dataDir = tempDataDir();
    const { services, view } = await setUp(dataDir);
    let current = await attachDocument(services.dispatch, view, '6.5', await pdfDocument({ text: 'kito nuteistojo skolos' }), 'kito nuteistojo skolos.pdf');
    current = await attachDocument(services.dispatch, current, '6.2', await pdfDocument({ text: 'isvada' }), 'išvada.pdf');
    const wrong = current.dossier.items.find((i) => i.id === '6.5')!.documents[0]!;
    const kept = current.dossier.items.find((i) => i.id === '6.2')!.documents[0]!;
    const noReason = await refused(services.dispatch, 'dossier.removeDocument', { caseId: view.record.id, revision: current.record.revision, documentId: wrong.id, reason: '' });
    expect(noReason.details).toEqual({ fields: [{ path: 'reason', key: 'required' }] });
    const after = await ok(services.dispatch, 'dossier.removeDocument', { caseId: view.record.id, revision: current.record.revision, documentId: wrong.id, reason: 'Kito nuteistojo dokumentas' });
    expect(after.dossier.items.find((i) => i.id === '6.5')).toMatchObject({ status: 'waiting', documents: [] });
    expect(after.record.timeline.at(-1)).toMatchObject({ kind: 'removed', item: '6.5', note: 'kito nuteistojo skolos.pdf: Kito nuteistojo dokumentas' });
    expect((await refused(services.dispatch, 'dossier.readDocument', { caseId: view.record.id, documentId: wrong.id })).code).toBe('DOCUMENT_NOT_FOUND');
    expect(storedDocuments(dataDir)).toHaveLength(2);
    await services.close();
    // The next start checks every case file and deletes what no case refers to.
    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 300));
    await reopened.close();
    expect(storedDocuments(dataDir)).toHaveLength(1);
    const again = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const read = await ok(again.dispatch, 'dossier.readDocument', { caseId: view.record.id, documentId: kept.id });
    expect(sha256Hex(read.bytes)).toBe(kept.versions[0]!.sha256);
    await again.close();
  });
});

describe('the sweep of unused contents never takes what a case uses', () => {
  it('keeps every document while a case file cannot be read, and sweeps once it can', async () => {
    const dataDir = tempDataDir();
    const { services, view } = await setUp(dataDir);
    let current = await attachDocument(services.dispatch, view, '6.5', await pdfDocument({ text: 'a' }));
    const documentId = current.dossier.items.find((i) => i.id === '6.5')!.documents[0]!.id;
    current = await attachDocument(services.dispatch, current, '6.2', await pdfDocument({ text: 'b' }));
    await ok(services.dispatch, 'dossier.removeDocument', { caseId: view.record.id, revision: current.record.revision, documentId, reason: 'Klaida' });
    const other = await ok(services.dispatch, 'cases.register', { ...request, personalFileNo: 'B-2', lastName: 'Kitas' });
    await attachDocument(services.dispatch, other, '6.1', await pdfDocument({ text: 'c' }));
    await services.close();
    expect(storedDocuments(dataDir)).toHaveLength(3);
    // The other case's file is damaged: its documents cannot be known, so nothing is swept.
    const casePath = join(dataDir, 'cases', `${other.record.id}.json`);
    const good = readFileSync(casePath);
    writeFileSync(casePath, 'garbage');
    const damaged = await openAsStaff({ dataDir, today: TODAY, verifyDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 300));
    await damaged.close();
    expect(storedDocuments(dataDir)).toHaveLength(3);
    writeFileSync(casePath, good);
    const repaired = await openAsStaff({ dataDir, today: TODAY, verifyDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 300));
    await repaired.close();
    expect(storedDocuments(dataDir)).toHaveLength(2);
  });

  it('keeps a content a change stored or found stored while the case files were being read', async () => {
    const dataDir = tempDataDir();
    const { services, view } = await setUp(dataDir);
    const pdf = await pdfDocument({ text: 'vėl' });
    const current = await attachDocument(services.dispatch, view, '6.5', pdf);
    const documentId = current.dossier.items.find((i) => i.id === '6.5')!.documents[0]!.id;
    await ok(services.dispatch, 'dossier.removeDocument', { caseId: view.record.id, revision: current.record.revision, documentId, reason: 'Klaida' });
    await services.close();
    // The check starts; meanwhile the same content is attached again (found stored, not rewritten).
    const { DocumentStore } = await import('../../electron/services/store/documentStore');
    const { openDataDirectory } = await import('../../electron/services/store/dataDirectory');
    const key = await unlockDataKey(dataDir, { kind: 'passphrase', passphrase: process.env.PUSIAUKELE_PASSPHRASE ?? '' });
    const dir = openDataDirectory(dataDir);
    try {
      const documents = new DocumentStore(dir, encryptingCodec(key).blobs);
      documents.beginCheck();
      expect(documents.put(sha256Hex(pdf), pdf)).toBe(false); // already there: nothing written
      expect(documents.sweep(new Set(), Date.now() + 60_000)).toBe(0);
      documents.beginCheck();
      expect(documents.sweep(new Set(), Date.now() + 60_000)).toBe(1); // unused by then: removed
    } finally {
      dir.release();
    }
  });
});

describe('bad files are refused by their content, naming the file, and change nothing (V-77 p. 6)', () => {
  const cases: [string, string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['an .exe renamed .pdf', 'FILE_NOT_DOCUMENT', () => windowsProgram()],
    ['an encrypted PDF', 'PDF_ENCRYPTED', () => encryptedPdf()],
    ['a truncated PDF', 'PDF_TRUNCATED', () => truncatedPdf()],
    ['an empty file', 'FILE_EMPTY', () => new Uint8Array(0)],
  ];
  for (const [what, code, make] of cases) {
    it(`refuses ${what} (${code})`, async () => {
      const { services, view, dataDir } = await setUp();
      const error = await refused(services.dispatch, 'dossier.stage', { caseId: view.record.id, name: '6.1 vertinimas.pdf', bytes: await make() });
      expect(error.code).toBe(code);
      expect(error.message).toContain('6.1 vertinimas.pdf');
      expect((await ok(services.dispatch, 'cases.get', { id: view.record.id })).record).toEqual(view.record);
      expect(storedDocuments(dataDir)).toEqual([]);
      await services.close();
    });
  }

  it('refuses a file over the limit the administrator set (FILE_TOO_LARGE)', async () => {
    const { services, view } = await setUp();
    await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 1, documents: { maxMegabytes: 1 } });
    const error = await refused(services.dispatch, 'dossier.stage', { caseId: view.record.id, name: 'didelis.pdf', bytes: await largePdf(1.5 * 1024 * 1024) });
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toContain('didelis.pdf');
    expect(error.message).toContain('1 MB');
    await services.close();
  });

  it('a folder load that fails half-way stores nothing of that load', async () => {
    const { services, view, dataDir } = await setUp();
    const files = [await pdfDocument({ text: 'one' }), await pdfDocument({ text: 'two' }), pngImage(50, 50)];
    const staged = [];
    for (const [i, bytes] of files.entries()) staged.push(await ok(services.dispatch, 'dossier.stage', { caseId: view.record.id, name: `6.${i + 1} failas`, bytes }));
    // The folder of the second document is taken by a file: its write fails as on a full disk.
    const key = await unlockDataKey(dataDir, { kind: 'passphrase', passphrase: process.env.PUSIAUKELE_PASSPHRASE ?? '' });
    const name = encryptingCodec(key).blobs.blobName(sha256Hex(files[1]!));
    writeFileSync(join(dataDir, 'documents', name.slice(0, 2)), 'blocker');
    const error = await refused(services.dispatch, 'dossier.attach', {
      caseId: view.record.id,
      revision: view.record.revision,
      files: staged.map((s, i) => ({ stagedId: s.stagedId, item: `6.${i + 1}` })),
    });
    expect(error.code).toBe('STORAGE_WRITE_FAILED');
    expect(error.message).toContain('Ankstesni duomenys nepakeisti');
    expect((await ok(services.dispatch, 'cases.get', { id: view.record.id })).record).toEqual(view.record);
    expect(storedDocuments(dataDir)).toEqual([name.slice(0, 2)]); // only the blocker
    // The trail says the change was not made.
    const trail = await ok(services.dispatch, 'audit.list', { subjectId: view.record.id });
    expect(trail.map((e) => e.summary)).toEqual(expect.arrayContaining([expect.stringMatching(/^Pridėti dokumentai/), expect.stringMatching(/neįrašytas/)]));
    await services.close();
  });

  it('files staged by one user cannot be attached by another session', async () => {
    const { services, view } = await setUp();
    const staged = await ok(services.dispatch, 'dossier.stage', { caseId: view.record.id, name: 'a.pdf', bytes: await pdfDocument() });
    const other = await signedIn(services, services.session, 'sekretore2', ['secretary']);
    const error = await refused(as(services, other), 'dossier.attach', { caseId: view.record.id, revision: view.record.revision, files: [{ stagedId: staged.stagedId, item: '6.1' }] });
    expect(error.code).toBe('STAGED_FILE_GONE');
    await services.close();
  });
});

describe('the facts of the items', () => {
  it('V-77 p. 3.2: an identity document that expires before the possible transfer date keeps the dossier incomplete', async () => {
    const { services, view } = await setUp();
    const withDoc = await attachDocument(services.dispatch, view, '6.10', jpegImage(100, 60), 'asmens tapatybės kortelė.jpg');
    const after = await ok(services.dispatch, 'dossier.saveItem', {
      caseId: view.record.id,
      revision: withDoc.record.revision,
      item: '6.10',
      facts: { documentType: 'id_card', number: 'AB123', validUntil: '2026-12-01' },
    });
    const item = after.dossier.items.find((i) => i.id === '6.10')!;
    expect(item.findings).toEqual([expect.objectContaining({ code: 'id_expires_before_transfer', severity: 'blocking', point: '3.2' })]);
    expect(item.findings[0]!.lt).toContain('2026-12-15');
    expect(after.dossier.missing).toContainEqual(expect.objectContaining({ item: '6.10', reason: 'id_expires_before_transfer', toRequest: true }));
    await services.close();
  });

  it('V-77 p. 6.3: a missing consent to disclose personal data is reported and keeps the dossier incomplete', async () => {
    const { services, view } = await setUp();
    const withDoc = await attachDocument(services.dispatch, view, '6.3', await pdfDocument());
    const after = await ok(services.dispatch, 'dossier.saveItem', {
      caseId: view.record.id,
      revision: withDoc.record.revision,
      item: '6.3',
      facts: { requestDate: '2026-11-02', halfwayHouse: 'Pravieniškių pusiaukelės namai', consent: false },
    });
    expect(after.dossier.missing).toContainEqual(expect.objectContaining({ item: '6.3', reason: 'consent_missing' }));
    await services.close();
  });

  it('refuses dates out of order (6.6) and in the future, and item facts that do not fit the item', async () => {
    const { services, view } = await setUp();
    const facts = completeFacts(view)['6.6'];
    const error = await refused(services.dispatch, 'dossier.saveItem', {
      caseId: view.record.id,
      revision: view.record.revision,
      item: '6.6',
      facts: { ...facts, possibleParoleDate: '2026-12-01' },
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toEqual({ fields: [{ path: 'facts.possibleParoleDate', key: 'paroleAfterTransfer' }] });
    const future = await refused(services.dispatch, 'dossier.saveItem', {
      caseId: view.record.id,
      revision: view.record.revision,
      item: '6.1',
      facts: { instrument: 'OASys', assessedOn: '2026-12-01', level: 'low' },
    });
    expect(future.details).toEqual({ fields: [{ path: 'facts.assessedOn', key: 'dateInFuture' }] });
    const wrongShape = await refused(services.dispatch, 'dossier.saveItem', { caseId: view.record.id, revision: view.record.revision, item: '6.1', facts: { consent: true } });
    expect(wrongShape.code).toBe('INVALID_INPUT');
    expect(wrongShape.message).toContain('Vertinimo priemonė');
    await services.close();
  });

  it('refuses a date received before the request or without a document', async () => {
    const { services, view } = await setUp();
    const noDoc = await refused(services.dispatch, 'dossier.saveItem', { caseId: view.record.id, revision: view.record.revision, item: '6.2', receivedOn: '2026-11-20' });
    expect(noDoc.details).toEqual({ fields: [{ path: 'receivedOn', key: 'invalid' }] });
    const withDoc = await attachDocument(services.dispatch, view, '6.2');
    const early = await refused(services.dispatch, 'dossier.saveItem', { caseId: view.record.id, revision: withDoc.record.revision, item: '6.2', receivedOn: '2026-10-30' });
    expect(early.details).toEqual({ fields: [{ path: 'receivedOn', key: 'receivedBeforeRequest' }] });
    const moved = await ok(services.dispatch, 'dossier.saveItem', { caseId: view.record.id, revision: withDoc.record.revision, item: '6.2', receivedOn: '2026-11-20' });
    expect(moved.dossier.items.find((i) => i.id === '6.2')!.receivedOn).toBe('2026-11-20');
    await services.close();
  });
});

describe('terms and readiness (V-77 p. 7–9)', () => {
  it('V-77 p. 7: the secretary extends the term by up to 10 working days with a reason', async () => {
    const { services, view } = await setUp();
    expect(view.deadlines.find((d) => d.rule === 'p7')!.date).toBe('2026-11-30');
    const noReason = await refused(services.dispatch, 'dossier.extendTerm', { caseId: view.record.id, revision: view.record.revision, days: 5, reason: ' ' });
    expect(noReason.details).toEqual({ fields: [{ path: 'reason', key: 'required' }] });
    const tooLong = await refused(services.dispatch, 'dossier.extendTerm', { caseId: view.record.id, revision: view.record.revision, days: 11, reason: 'Laukiama teismo' });
    expect(tooLong.details).toEqual({ fields: [{ path: 'days', key: 'extensionDays' }] });
    const after = await ok(services.dispatch, 'dossier.extendTerm', { caseId: view.record.id, revision: view.record.revision, days: 5, reason: 'Laukiama socialinio tyrimo išvados' });
    // 2026-11-30 plus 5 working days: Dec 1–4 and Mon Dec 7.
    expect(after.deadlines.find((d) => d.rule === 'p7')!.date).toBe('2026-12-07');
    expect(after.dossier.extension).toEqual({ days: 5, reason: 'Laukiama socialinio tyrimo išvados' });
    expect(after.record.timeline.at(-1)).toMatchObject({ kind: 'extended', days: 5, note: 'Laukiama socialinio tyrimo išvados' });
    const received = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: after.record.revision, to: 'dossier_received', on: TODAY, confirmMissing: true });
    const closed = await refused(services.dispatch, 'dossier.extendTerm', { caseId: view.record.id, revision: received.record.revision, days: 6, reason: 'Vėl' });
    expect(closed.code).toBe('EXTENSION_CLOSED');
    await services.close();
  });

  it('an incomplete dossier cannot go to the commission; a complete received one goes there by itself, with the p. 9 term', async () => {
    const { services, view } = await setUp();
    // Issue 14: marking an incomplete dossier received asks first (DOSSIER_MISSING_CONFIRM); confirmed here.
    const received = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_received', on: '2026-11-20', confirmMissing: true });
    expect(received.deadlines.find((d) => d.rule === 'p9')).toMatchObject({ date: '2026-12-04' });
    const refusedReady = await refused(services.dispatch, 'cases.transition', { id: view.record.id, revision: received.record.revision, to: 'ready_for_commission', on: TODAY });
    expect(refusedReady.code).toBe('DOSSIER_INCOMPLETE');
    expect(refusedReady.message).toContain('6.1');
    const complete = await loadCompleteDossier(services.dispatch, received);
    expect(complete.dossier).toMatchObject({ complete: true, missing: [] });
    expect(complete.record.state).toBe('ready_for_commission');
    expect(complete.record.timeline.at(-1)).toMatchObject({ kind: 'state', from: 'dossier_received', to: 'ready_for_commission', on: TODAY });
    // Once promised to the commission, the dossier may not lose completeness.
    const breaking = await refused(services.dispatch, 'dossier.saveItem', {
      caseId: view.record.id,
      revision: complete.record.revision,
      item: '6.3',
      facts: { ...completeFacts(view)['6.3'], consent: false },
    });
    expect(breaking.code).toBe('DOSSIER_WOULD_BE_INCOMPLETE');
    await services.close();
  });

  it('V-77 p. 8: the hand-over is dated the day the dossier was marked received, and is not offered while the dossier is incomplete', async () => {
    const { services, view } = await setUp();
    const collecting = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: '2026-11-03' });
    expect(collecting.nextStates).toEqual(['dossier_received', 'ineligible', 'withdrawn']);
    const complete = await loadCompleteDossier(services.dispatch, collecting);
    const received = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: complete.record.revision, to: 'dossier_received', on: '2026-11-20' });
    expect(received.record.state).toBe('ready_for_commission');
    expect(received.record.timeline.at(-1)).toMatchObject({ to: 'ready_for_commission', on: '2026-11-20' });
    // A meeting recorded after the fact puts the case on its agenda on its real date (V-77 p. 9).
    await ok(services.dispatch, 'meetings.schedule', { date: '2026-11-21', time: '10:00', place: 'Posėdžių salė', caseIds: [view.record.id] });
    const scheduled = await ok(services.dispatch, 'cases.get', { id: view.record.id });
    expect(scheduled.record.timeline.at(-1)).toMatchObject({ from: 'ready_for_commission', to: 'scheduled', on: '2026-11-21' });
    const trail = await ok(services.dispatch, 'audit.list', { subjectId: view.record.id });
    expect(trail.some((e) => /perduota komisijai/.test(e.summary ?? ''))).toBe(true);
    await services.close();
  });

  it('an incomplete received dossier is not offered the step to the commission', async () => {
    const { services, view } = await setUp();
    const received = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_received', on: TODAY, confirmMissing: true });
    expect(received.nextStates).not.toContain('ready_for_commission');
    await services.close();
  });

  it('a dossier that lapsed on a case already with the commission (identity document expired) can be put right', async () => {
    const dataDir = tempDataDir();
    const { services, view } = await setUp(dataDir);
    const complete = await loadCompleteDossier(services.dispatch, view);
    const ready = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: complete.record.revision, to: 'dossier_received', on: TODAY });
    expect(ready.record.state).toBe('ready_for_commission');
    await services.close();
    // Months later the identity document (valid until 2030-01-01) has expired: the dossier lapses.
    const later = await openAsStaff({ dataDir, today: '2030-02-01', verifyOnOpen: false });
    const lapsed = await ok(later.dispatch, 'cases.get', { id: view.record.id });
    expect(lapsed.dossier.missing).toContainEqual(expect.objectContaining({ item: '6.10', reason: 'id_expired' }));
    // The new scan and then its facts are accepted although the first change alone leaves a gap.
    const scanned = await attachDocument(later.dispatch, lapsed, '6.10', jpegImage(90, 60), 'naujas pasas.jpg');
    const fixed = await ok(later.dispatch, 'dossier.saveItem', {
      caseId: view.record.id,
      revision: scanned.record.revision,
      item: '6.10',
      facts: { documentType: 'passport', number: 'LT998877', validUntil: '2035-01-01' },
    });
    expect(fixed.dossier.complete).toBe(true);
    await later.close();
  });

  it('a new version cannot repeat another document of the same item', async () => {
    const { services, view } = await setUp();
    const a = await pdfDocument({ text: 'first' });
    const b = await pdfDocument({ text: 'second' });
    let current = await attachDocument(services.dispatch, view, '6.8', a, 'a.pdf');
    current = await attachDocument(services.dispatch, current, '6.8', b, 'b.pdf');
    const first = current.dossier.items.find((i) => i.id === '6.8')!.documents[0]!;
    const staged = await ok(services.dispatch, 'dossier.stage', { caseId: view.record.id, name: 'b kopija.pdf', bytes: b });
    const error = await refused(services.dispatch, 'dossier.attach', {
      caseId: view.record.id,
      revision: current.record.revision,
      files: [{ stagedId: staged.stagedId, item: '6.8', replaces: first.id, note: 'klaida' }],
    });
    expect(error.code).toBe('DOCUMENT_ALREADY_ATTACHED');
    await services.close();
  });

  it('a dossier completed before it is marked received goes to the commission when it is marked', async () => {
    const { services, view } = await setUp();
    const complete = await loadCompleteDossier(services.dispatch, view);
    expect(complete.record.state).toBe('request_received');
    const received = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: complete.record.revision, to: 'dossier_received', on: TODAY });
    expect(received.record.state).toBe('ready_for_commission');
    expect(received.record.facts.dossierReceivedOn).toBe(TODAY);
    await services.close();
  });
});
