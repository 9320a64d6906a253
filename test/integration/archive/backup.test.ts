// Issue 15, "Back up the whole data directory to one file (still encrypted under its key, with a
// manifest) and restore it into an empty directory, verified before anything is written; a backup
// taken while the app runs is consistent". The package is a BagIt 1.0 bag (RFC 8493) in a zip:
// `unzip` and `sha256sum -c manifest-sha256.txt` check it with no software of ours (RFC 8493 §2.1.3,
// §3). Real data directories and real services throughout.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../../electron/cli/demoData';
import { restoreBackup, verifyBackup, writeBackup } from '../../../electron/services/archive/backup';
import { writeBag } from '../../../electron/services/archive/bagit';
import { digest } from '../../../electron/services/audit/auditLog';
import { openServices, type Services } from '../../../electron/services/index';
import { SCHEMA_VERSION, type DataDirectory } from '../../../electron/services/store/dataDirectory';
import { sha256Hex } from '../../../electron/services/store/documentStore';
import { DomainError } from '../../../shared/domain/errors';
import { ok, tempDataDir } from '../../helpers/dataDir';
import { attachDocument, DOSSIER_CASE_REQUEST } from '../../helpers/dossier';
import { largePdf, pdfDocument } from '../../helpers/documents';
import { openAsStaff, staffSession } from '../../helpers/users';

const TODAY = '2026-11-23';
const PASSPHRASE = process.env.PUSIAUKELE_PASSPHRASE ?? '';
/** The convict of the first case: their surname must appear nowhere in a backup in clear. */
const SURNAME = DOSSIER_CASE_REQUEST.lastName;

const folders: string[] = [];
/** A fresh folder under the OS temp folder for packages and restored directories, removed after the test. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pusiaukele-backup-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * The data directory as the services hold it in this process. The app backs up through its own
 * handle (the services' context); the tests reach the same directory, whose lock this process
 * holds while the services are open, through this view of it.
 */
function heldBy(services: Services): DataDirectory {
  const root = services.dataDir;
  return {
    root,
    schemaVersion: SCHEMA_VERSION,
    layout: { schemaVersion: SCHEMA_VERSION, encryption: 'aes-256-gcm' },
    path: (...parts) => join(root, ...parts),
    setLayout: () => {
      throw new Error('a backup never changes the layout');
    },
    held: true,
    lockLost: false,
    release: () => undefined,
  };
}

/** Every file under `root` (POSIX relative path → SHA-256), but the lock the running services hold. */
function tree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(root, path);
    if (statSync(full).isFile() && path !== 'pusiaukele.lock') files.set(path.split('\\').join('/'), sha256Hex(readFileSync(full)));
  }
  return files;
}

/** A data directory with users, settings, a case with a document, and two more cases. */
async function setUp(documents: Uint8Array[] = []) {
  const dataDir = tempDataDir();
  const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  let first = await ok(services.dispatch, 'cases.register', DOSSIER_CASE_REQUEST);
  const pdf = await pdfDocument({ text: 'Rizikos vertinimas' });
  first = await attachDocument(services.dispatch, first, '6.1', pdf, '6.1 rizikos vertinimas.pdf');
  for (const [i, bytes] of documents.entries()) first = await attachDocument(services.dispatch, first, '6.2', bytes, `6.2 priedas ${i}.pdf`);
  for (const n of [2, 3]) await ok(services.dispatch, 'cases.register', { ...DOSSIER_CASE_REQUEST, firstName: `Jonas${n}`, lastName: `Petraitis${n}`, personalFileNo: `A-100${n}` });
  return { services, dataDir, first, pdf };
}

/** The case list in a fixed order (the index keeps no order of its own). */
async function caseList(dispatch: (method: string, input: unknown) => ReturnType<Services['dispatch']>) {
  return (await ok(dispatch, 'cases.list', {})).cases.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The package unzipped into a fresh folder: the bag's folder. */
function unzipped(pkg: string): string {
  const out = scratch();
  execFileSync('unzip', ['-q', pkg, '-d', out]);
  const [bag] = readdirSync(out);
  return join(out, bag!);
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Open a restored directory with the passphrase and sign in as the staff member the set-up made. */
async function openRestored(dataDir: string) {
  const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
  const session = await staffSession(services);
  return { services, dispatch: (method: string, input: unknown) => services.dispatch(method, input, session) };
}

describe('backing up the data directory and restoring it (issue 15)', () => {
  it('restores into a new folder that opens with the same passphrase: the same cases, users and documents, and an audit trail that verifies', async () => {
    const { services, first, pdf } = await setUp();
    const out = join(scratch(), 'kopija.zip');
    const written = await writeBackup(heldBy(services), out, { createdBy: 'admin', institution: DEMO_SETTINGS.institution.name });
    expect(written.files).toBeGreaterThan(5);
    expect(written.skipped).toEqual([]);
    const cases = await caseList(services.dispatch);
    const users = await ok(services.dispatch, 'users.list', {});
    const audit = await ok(services.dispatch, 'audit.verify', {});
    await services.close();

    const report = await verifyBackup(out);
    expect(report.valid).toBe(true);
    expect(report.backup).toMatchObject({ version: '1', schemaVersion: SCHEMA_VERSION, createdBy: 'admin', institution: DEMO_SETTINGS.institution.name, files: written.files, sha256: written.sha256 });
    // The audit log was copied whole: as many lines as the trail has entries.
    expect(audit.ok && report.backup?.auditLines).toBe(audit.count);

    const target = join(scratch(), 'atkurta', 'data');
    expect(await restoreBackup(out, target)).toEqual({ files: written.files, bytes: written.payloadBytes });
    const restored = await openRestored(target);
    expect(await caseList(restored.dispatch)).toEqual(cases);
    expect((await ok(restored.dispatch, 'users.list', {})).map((u) => u.username)).toEqual(users.map((u) => u.username));
    const documentId = first.dossier.items.find((i) => i.id === '6.1')!.documents[0]!.id;
    const read = await ok(restored.dispatch, 'dossier.readDocument', { caseId: first.record.id, documentId });
    expect(Buffer.from(read.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(await ok(restored.dispatch, 'audit.verify', {})).toMatchObject({ ok: true, count: audit.ok ? audit.count : -1 });
    await restored.services.close();
    // Still sealed under the same key: another passphrase does not open it.
    await expect(openServices({ dataDir: target, verifyOnOpen: false, key: { kind: 'passphrase', passphrase: 'kita-slaptafraze-123' } })).rejects.toThrow();
    expect(readdirSync(dirname(target))).toEqual(['data']); // no temporary folder left beside it
  });

  it('is a bag that unzip and sha256sum -c verify, holds every file of the directory as it is on disk, and no case data in clear', async () => {
    const { services, dataDir } = await setUp();
    const out = join(scratch(), 'kopija.zip');
    const written = await writeBackup(heldBy(services), out, { createdBy: 'admin' });
    const onDisk = tree(dataDir);
    await services.close();
    expect(sha256Hex(readFileSync(out))).toBe(written.sha256);

    const bag = unzipped(out);
    // RFC 8493 §3: complete and valid, checked by the standard tools alone.
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const check = spawnSync('sha256sum', ['-c', '--strict', manifest], { cwd: bag, encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
    }
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toMatch(/^Pusiaukele-Backup: 1$/m);
    expect(info).toMatch(new RegExp(`^Pusiaukele-Schema-Version: ${SCHEMA_VERSION}$`, 'm'));
    expect(info).toMatch(/^Pusiaukele-Created-By: admin$/m);
    expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}$/m);
    expect(info).toMatch(new RegExp(`^Payload-Oxum: ${written.payloadBytes}\\.${written.payloadFiles}$`, 'm'));
    // The payload is the data directory, every file byte for byte (the lock, the running process's, left out).
    expect(tree(join(bag, 'data'))).toEqual(onDisk);
    expect([...onDisk.keys()].some((p) => p.startsWith('documents/'))).toBe(true);
    // Everything is sealed: the convict's name is nowhere in the package, nor in any file of it.
    const grep = spawnSync('grep', ['-r', '-l', '-a', SURNAME, bag], { encoding: 'utf8' });
    expect(grep.stdout).toBe('');
    expect(grep.status).toBe(1);
    expect(readFileSync(out).includes(Buffer.from(SURNAME, 'utf8'))).toBe(false);
  });

  it('refuses a target folder that is not empty, and leaves it byte for byte as it was', async () => {
    const { services } = await setUp();
    const out = join(scratch(), 'kopija.zip');
    await writeBackup(heldBy(services), out, { createdBy: 'admin' });
    await services.close();
    const target = join(scratch(), 'esami-duomenys');
    mkdirSync(join(target, 'cases'), { recursive: true });
    writeFileSync(join(target, 'pusiaukele.json'), '{"format":"pusiaukele-data","schemaVersion":2}');
    writeFileSync(join(target, 'cases', 'kita.json'), 'kiti duomenys');
    const before = tree(target);
    const error = await refusal(restoreBackup(out, target));
    expect(error.code).toBe('BACKUP_TARGET_NOT_EMPTY');
    expect(tree(target)).toEqual(before);
    expect(readdirSync(dirname(target))).toEqual(['esami-duomenys']);
    // A file in the target's place is no folder to restore into.
    const file = join(scratch(), 'failas');
    writeFileSync(file, 'x');
    expect((await refusal(restoreBackup(out, file))).code).toBe('BACKUP_TARGET_NOT_FOLDER');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('restores into an empty folder that already exists', async () => {
    const { services } = await setUp();
    const out = join(scratch(), 'kopija.zip');
    await writeBackup(heldBy(services), out, { createdBy: 'admin' });
    const cases = await caseList(services.dispatch);
    await services.close();
    const target = join(scratch(), 'tuscias');
    mkdirSync(target);
    await restoreBackup(out, target);
    const restored = await openRestored(target);
    expect(await caseList(restored.dispatch)).toEqual(cases);
    await restored.services.close();
  });

  it('refuses a backup with one byte of a sealed case file changed, before anything is written', async () => {
    const { services, first } = await setUp();
    const out = join(scratch(), 'kopija.zip');
    await writeBackup(heldBy(services), out, { createdBy: 'admin' });
    await services.close();
    // Unzip, change one byte of the case file, zip it again as a tool would (a valid zip, the manifest as it was).
    const bag = unzipped(out);
    const caseFile = join(bag, 'data', 'cases', `${first.record.id}.json`);
    const bytes = readFileSync(caseFile);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0x01;
    writeFileSync(caseFile, bytes);
    const tampered = join(scratch(), 'pakeista.zip');
    execFileSync('zip', ['-q', '-r', '-X', tampered, basename(bag)], { cwd: dirname(bag) });

    const report = await verifyBackup(tampered);
    expect(report.valid).toBe(false);
    expect(report.problems.some((p) => p.path === `data/cases/${first.record.id}.json`)).toBe(true);
    const target = join(scratch(), 'atkurta');
    const error = await refusal(restoreBackup(tampered, target));
    expect(error.code).toBe('BACKUP_INVALID');
    expect(error.message).toContain(`data/cases/${first.record.id}.json`); // the one-line reason names the altered file
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dirname(target)).filter((n) => n.includes('.restoring-'))).toEqual([]);
  });

  it('refuses a bag that is not a backup of a data directory, writing nothing', async () => {
    const folder = scratch();
    const out = join(folder, 'svetimas.zip');
    await writeBag(out, { bagName: 'svetimas', payload: [{ path: 'data/laiskas.txt', open: () => Buffer.from('sveiki') }], info: [['Source-Organization', 'Kita įstaiga']] });
    const report = await verifyBackup(out);
    expect(report.valid).toBe(false);
    expect(report.backup).toBeUndefined();
    expect(report.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['BACKUP_NOT_LABELLED', 'BACKUP_FOREIGN_FILE', 'BACKUP_DESCRIPTOR_MISSING']));
    const target = join(folder, 'atkurta');
    expect((await refusal(restoreBackup(out, target))).code).toBe('BACKUP_INVALID');
    expect(readdirSync(dirname(target))).toEqual(['svetimas.zip']);
  });

  it('taken while cases are registered and changed, restores to a directory where every case opens and the audit trail verifies and matches the cases', async () => {
    // Several documents of a few MB, so that writing the package takes many turns of the event loop.
    const docs = await Promise.all([1, 2, 3, 4].map(() => largePdf(2 * 1024 * 1024)));
    const { services } = await setUp(docs);
    const before = (await ok(services.dispatch, 'cases.list', {})).cases.length;
    let writes = 0;
    let stop = false;
    const writeOn = async () => {
      for (let i = 0; !stop; i++) {
        // Each call comes as its own event, as the UI's calls do (IPC, HTTP): the backup's reads go on between them.
        await new Promise((resolve) => setImmediate(resolve));
        const view = await ok(services.dispatch, 'cases.register', { ...DOSSIER_CASE_REQUEST, firstName: `Rasytojas${i}`, lastName: `Rasytojas${i}`, personalFileNo: `B-${i}` });
        writes++;
        await ok(services.dispatch, 'cases.updateRequest', { id: view.record.id, revision: view.record.revision, request: { ...DOSSIER_CASE_REQUEST, firstName: `Rasytojas${i}`, lastName: `Pakeistas${i}`, personalFileNo: `B-${i}` } });
        writes++;
      }
    };
    // The writes start before the backup and go on through it: the snapshot falls amid them.
    const writing = writeOn();
    while (writes < 4) await new Promise((resolve) => setImmediate(resolve));
    const atStart = writes;
    const out = join(scratch(), 'kopija.zip');
    await writeBackup(heldBy(services), out, { createdBy: 'admin' });
    const during = writes - atStart;
    stop = true;
    await writing;
    const after = (await ok(services.dispatch, 'cases.list', {})).cases.length;
    await services.close();
    expect(during).toBeGreaterThan(0); // the backup really ran while the app wrote

    const target = join(scratch(), 'atkurta');
    await restoreBackup(out, target);
    const restored = await openRestored(target);
    const cases = (await ok(restored.dispatch, 'cases.list', {})).cases;
    // Every registration acknowledged before the backup began is in it (two writes each).
    expect(cases.length).toBeGreaterThanOrEqual(before + Math.floor(atStart / 2));
    expect(cases.length).toBeLessThanOrEqual(after);
    const verified = await ok(restored.dispatch, 'audit.verify', {});
    expect(verified.ok).toBe(true);
    // Every case file opens, and its last audit entry records exactly the case as the file holds it:
    // the case files and the audit trail are of the same instant.
    for (const { id } of cases) {
      const view = await ok(restored.dispatch, 'cases.get', { id });
      const [last] = await ok(restored.dispatch, 'audit.list', { subjectId: id, limit: 1 });
      expect(last?.after).toBe(digest(view.record));
    }
    await restored.services.close();
  });

  it('cancelled, leaves no file; a cancelled restore leaves no folder', async () => {
    const docs = await Promise.all([1, 2].map(() => largePdf(2 * 1024 * 1024)));
    const { services } = await setUp(docs);
    const folder = scratch();
    const out = join(folder, 'kopija.zip');
    const stop = new AbortController();
    await expect(writeBackup(heldBy(services), out, { createdBy: 'admin', signal: stop.signal, onProgress: () => stop.abort() })).rejects.toMatchObject({ code: 'PACKAGE_CANCELLED' });
    expect(readdirSync(folder)).toEqual([]);

    await writeBackup(heldBy(services), out, { createdBy: 'admin' });
    await services.close();
    const target = join(folder, 'atkurta');
    const again = new AbortController();
    await expect(restoreBackup(out, target, { signal: again.signal, onProgress: (phase) => phase === 'writing' && again.abort() })).rejects.toMatchObject({ code: 'PACKAGE_CANCELLED' });
    expect(readdirSync(folder)).toEqual(['kopija.zip']);
  });

  it('leaves out a document content removed while it is written (the check after start removes unused ones), and files that are not the store\'s', async () => {
    const { services, dataDir } = await setUp();
    // An unused content, as a change a crash cut short leaves (the check after start removes such), and a stray file.
    const unused = join(dataDir, 'documents', 'ab', `ab${'0'.repeat(62)}.bin`);
    mkdirSync(dirname(unused), { recursive: true });
    writeFileSync(unused, 'sealed bytes');
    writeFileSync(join(dataDir, 'pastabos.txt'), 'not the store\'s');
    const out = join(scratch(), 'kopija.zip');
    let removed = false;
    const written = await writeBackup(heldBy(services), out, {
      createdBy: 'admin',
      onProgress: () => {
        if (!removed) rmSync(unused);
        removed = true;
      },
    });
    rmSync(join(dataDir, 'pastabos.txt'));
    const onDisk = tree(dataDir);
    await services.close();
    expect(written.skipped).toEqual(['pastabos.txt']);
    const bag = unzipped(out);
    expect(tree(join(bag, 'data'))).toEqual(onDisk);
    expect((await verifyBackup(out)).valid).toBe(true);
  });

  it('refuses to write the backup into the data directory itself', async () => {
    const { services, dataDir } = await setUp();
    const error = await refusal(writeBackup(heldBy(services), join(dataDir, 'kopija.zip'), { createdBy: 'admin' }));
    expect(error.code).toBe('BACKUP_OUT_INSIDE_DATA');
    await services.close();
    expect(existsSync(join(dataDir, 'kopija.zip'))).toBe(false);
  });
});
