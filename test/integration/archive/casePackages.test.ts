// Issue 15: the archivist exports a case as a package anyone can check without our software
// (BagIt 1.0, RFC 8493, zipped: unzip + sha256sum -c), imports it back (verified first, never over an
// existing case), and the secretary sends the dossier to another institution (V-77 p. 7).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../../electron/cli/demo';
import { openServices, type Services } from '../../../electron/services/index';
import type { Dispatch } from '../../../shared/contract/dispatch';
import { casePackageRecord, type CasePackageRecord } from '../../../shared/contract/archiveSchemas';
import { FINAL_STATES } from '../../../shared/domain/caseStates';
import { ok, refused } from '../../helpers/dataDir';

const TODAY = '2026-11-23';

function signedIn(services: Services, username: string): Promise<{ dispatch: Dispatch; session: string }> {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  return ok(services.dispatch, 'auth.login', { username, password: user.password }).then(({ session }) => ({ session, dispatch: (m, i) => services.dispatch(m, i, session) }));
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}

/** The data directory's files and their bytes: what "byte-for-byte unchanged" compares. */
function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).filter((f) => !f.startsWith('audit/') && !f.startsWith('integrity/') && !f.endsWith('.lock')).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

const sha = (root: string, f: string) => execFileSync('sha256sum', [f], { cwd: root }).toString().split(' ')[0] as string;

/**
 * The package unpacked, changed by `change` (given the bag's root and its record), every checksum
 * made right again (the manifests; the record too where `change` rewrote it), packed again: a forger
 * who knows the format, so that only the deeper checks can tell.
 */
function forged(packagePath: string, change: (root: string, record: CasePackageRecord) => CasePackageRecord | void): Buffer {
  const out = mkdtempSync(join(tmpdir(), 'pusiaukele-forged-'));
  try {
    execFileSync('unzip', ['-q', packagePath, '-d', out]);
    const [bag] = readdirSync(out);
    const root = join(out, bag as string);
    const record = casePackageRecord.parse(JSON.parse(readFileSync(join(root, 'data/case.json'), 'utf8')));
    const changed = change(root, record);
    if (changed) writeFileSync(join(root, 'data/case.json'), JSON.stringify(changed, null, 2));
    writeFileSync(join(root, 'manifest-sha256.txt'), `${filesUnder(root, 'data').map((f) => `${sha(root, f)}  ${f}`).join('\n')}\n`);
    const tags = filesUnder(root).filter((f) => !f.startsWith('data/') && f !== 'tagmanifest-sha256.txt');
    writeFileSync(join(root, 'tagmanifest-sha256.txt'), `${tags.map((f) => `${sha(root, f)}  ${f}`).join('\n')}\n`);
    const zip = join(out, 'forged.zip');
    execFileSync('zip', ['-q', '-r', '-0', zip, bag as string], { cwd: out });
    return readFileSync(zip);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('case packages (issue 15)', () => {
  let dataDir: string;
  let exportDir: string;
  let services: Services;
  let archivist: { dispatch: Dispatch; session: string };
  let secretary: { dispatch: Dispatch; session: string };
  let caseId: string;
  let packagePath: string;

  beforeAll(async () => {
    // Kept for the whole file (tempDataDir's are removed after each test).
    dataDir = join(mkdtempSync(join(tmpdir(), 'pusiaukele-packages-')), 'data');
    exportDir = mkdtempSync(join(tmpdir(), 'pusiaukele-exports-'));
    services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false, exportDir });
    await seedDemo(services.dispatch, TODAY, 14, () => {});
    archivist = await signedIn(services, 'archyvare');
    secretary = await signedIn(services, 'sekretore');
    // A closed case the commission decided, with signed documents (the minutes too): the richest package an archive gets.
    const { documents } = await ok(secretary.dispatch, 'documents.list', {});
    const closed = new Set((await ok(secretary.dispatch, 'cases.list', {})).cases.filter((c) => c.state !== null && FINAL_STATES.includes(c.state)).map((c) => c.id));
    const signed = documents.filter((d) => d.signatures.length > 0 && (d.awaitingSigners ?? []).length === 0);
    caseId = [...closed].find((id) => signed.some((d) => d.caseIds.includes(id) && d.caseIds.length > 1)) ?? [...closed].find((id) => signed.some((d) => d.caseIds.includes(id)))!;
    expect(caseId).toBeDefined();
  }, 240_000);

  afterAll(async () => {
    await services.close();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('only the archivist exports a case; the package is a BagIt bag that unzip and sha256sum -c verify', async () => {
    const denied = await refused(secretary.dispatch, 'archive.exportCase', { caseId, personalData: true });
    expect(denied.code).toBe('FORBIDDEN');

    const written = await ok(archivist.dispatch, 'archive.exportCase', { caseId, personalData: true });
    packagePath = written.path;
    expect(written.path.startsWith(exportDir)).toBe(true);
    expect(statSync(written.path).size).toBe(written.bytes);
    // No half-written file beside it.
    expect(readdirSync(exportDir).filter((f) => f.endsWith('.part'))).toEqual([]);

    const out = mkdtempSync(join(tmpdir(), 'pusiaukele-unzip-'));
    execFileSync('unzip', ['-q', written.path, '-d', out]);
    const [bag] = readdirSync(out);
    const root = join(out, bag as string);
    // RFC 8493 §2.1: bagit.txt, the payload in data/, a manifest; §2.2: the tag manifest covers the tag files.
    expect(readFileSync(join(root, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(spawnSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: root }).status).toBe(0);
    expect(spawnSync('sha256sum', ['-c', '--quiet', 'tagmanifest-sha256.txt'], { cwd: root }).status).toBe(0);
    const info = readFileSync(join(root, 'bag-info.txt'), 'utf8');
    // Payload-Oxum: octets.streams of the payload (RFC 8493 §2.2.2).
    const payload = filesUnder(root, 'data');
    const octets = payload.reduce((n, f) => n + statSync(join(root, f)).size, 0);
    expect(info).toContain(`Payload-Oxum: ${octets}.${payload.length}`);
    expect(info).toContain(`External-Identifier: ${caseId}`);
    expect(info).toContain('Pusiaukele-Exported-By: Dalia Archyvarė');
    expect(info).toMatch(/Source-Organization: .+/);

    // The record with its schema version, valid against the schema the app declares; every dossier document version with its original name.
    const record = casePackageRecord.parse(JSON.parse(readFileSync(join(root, 'data/case.json'), 'utf8')));
    expect(record.case?.id).toBe(caseId);
    const schema = JSON.parse(readFileSync(join(root, 'data/case.schema.json'), 'utf8')) as { $schema: string };
    expect(schema.$schema).toContain('2020-12');
    const stored = await ok(archivist.dispatch, 'cases.get', { id: caseId });
    const versions = Object.values(stored.record.dossier?.items ?? {}).flatMap((i) => i.documents.flatMap((d) => d.versions));
    expect(record.dossierFiles.length).toBe(versions.length);
    for (const f of record.dossierFiles) expect(f.path).toContain(f.name.replace(/[\\/:*?"<>|%]/g, '_'));
    // The merged dossier is a PDF whose pages are numbered.
    const merged = readFileSync(join(root, 'data/dossier.pdf'));
    expect(merged.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The audit entries about the case, with the links to the head of the trail.
    expect(record.audit?.entries).toBeGreaterThan(0);
    rmSync(out, { recursive: true, force: true });
  }, 120_000);

  it('a package checks without importing: intact, signatures checked, the audit proof confirmed by this trail', async () => {
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'byla.zip', bytes: readFileSync(packagePath) });
    expect(inspection.problems).toEqual([]);
    expect(inspection.intact).toBe(true);
    expect(inspection.kind).toBe('case');
    expect(inspection.caseId).toBe(caseId);
    expect(inspection.exists).toBe(true);
    expect(inspection.importable).toBe(true);
    expect(inspection.auditProof).toBe('valid');
    expect(inspection.auditTrail).toBe('confirmed');
    expect(inspection.signatures.length).toBeGreaterThan(0);
    expect(inspection.signatures.every((s) => s.indication !== 'FAILED')).toBe(true);
    // The case is here: importing it over itself is refused, and nothing changes but the trail.
    const before = snapshot(dataDir);
    const again = await refused(archivist.dispatch, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: false });
    expect(again.code).toBe('ARCHIVE_CASE_EXISTS');
    expect(snapshot(dataDir)).toEqual(before);
  }, 120_000);

  it('imported as a new case when the user says so: its documents read back byte for byte', async () => {
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'byla.zip', bytes: readFileSync(packagePath) });
    const imported = await ok(archivist.dispatch, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: true });
    expect(imported.caseId).not.toBe(caseId);
    const original = await ok(archivist.dispatch, 'cases.get', { id: caseId });
    const copy = await ok(archivist.dispatch, 'cases.get', { id: imported.caseId });
    expect(copy.record.convict).toEqual(original.record.convict);
    expect(copy.record.timeline.at(-1)?.kind).toBe('imported');
    const [item, entry] = Object.entries(original.record.dossier?.items ?? {}).find(([, i]) => i.documents.length > 0)!;
    const doc = entry.documents[0]!;
    const a = await ok(archivist.dispatch, 'dossier.readDocument', { caseId, documentId: doc.id });
    const b = await ok(archivist.dispatch, 'dossier.readDocument', { caseId: imported.caseId, documentId: copy.record.dossier!.items[item as '6.1']!.documents[0]!.id });
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    // Export and import are in the trail: who, which case, the package's digest.
    const trail = await ok((await signedIn(services, 'admin')).dispatch, 'audit.list', {});
    expect(trail.some((e) => e.method === 'archive.exportCase' && e.summary?.includes(caseId) && e.actor?.username === 'archyvare')).toBe(true);
    expect(trail.some((e) => e.method === 'archive.importPackage' && e.summary?.includes(inspection.sha256))).toBe(true);
  }, 120_000);

  it('a tampered signed document fails its signature check and the package is not importable; nothing is written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pusiaukele-tamper-'));
    execFileSync('unzip', ['-q', packagePath, '-d', out]);
    const [bag] = readdirSync(out);
    const root = join(out, bag as string);
    const record = casePackageRecord.parse(JSON.parse(readFileSync(join(root, 'data/case.json'), 'utf8')));
    const signedFile = record.generated.flatMap((g) => g.files).at(-1)!;
    const pdf = readFileSync(join(root, signedFile.path));
    // Change one letter of the signed content (an "attacker" who also fixes the manifests below).
    const i = pdf.indexOf(Buffer.from('/Contents'));
    const tampered = Buffer.from(pdf);
    const at = pdf.indexOf(Buffer.from('BT'), 200);
    tampered[at + 3] = tampered[at + 3] === 0x30 ? 0x31 : 0x30;
    expect(i).toBeGreaterThan(0);
    writeFileSync(join(root, signedFile.path), tampered);
    // Recompute every checksum so that only the signature can tell.
    const sha = (f: string) => execFileSync('sha256sum', [f], { cwd: root }).toString().split(' ')[0];
    const newSha = sha(signedFile.path) as string;
    const caseJson = readFileSync(join(root, 'data/case.json'), 'utf8').split(signedFile.sha256).join(newSha);
    writeFileSync(join(root, 'data/case.json'), caseJson);
    const manifest = filesUnder(root, 'data').map((f) => `${sha(f)}  ${f}`).join('\n');
    writeFileSync(join(root, 'manifest-sha256.txt'), `${manifest}\n`);
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', ...filesUnder(root).filter((f) => !f.startsWith('data/') && !['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'].includes(f))];
    writeFileSync(join(root, 'tagmanifest-sha256.txt'), `${tags.map((f) => `${sha(f)}  ${f}`).join('\n')}\n`);
    const forged = join(out, 'forged.zip');
    execFileSync('zip', ['-q', '-r', '-0', forged, bag as string], { cwd: out });
    const before = snapshot(dataDir);
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'forged.zip', bytes: readFileSync(forged) });
    expect(inspection.signatures.some((s) => s.indication === 'FAILED')).toBe(true);
    expect(inspection.problems.map((p) => p.code)).toContain('ARCHIVE_SIGNATURE_FAILED');
    expect(inspection.importable).toBe(false);
    const refusal = await refused(archivist.dispatch, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: true });
    expect(refusal.code).toBe('ARCHIVE_NOT_IMPORTABLE');
    expect(snapshot(dataDir)).toEqual(before);
    rmSync(out, { recursive: true, force: true });
  }, 120_000);

  it('every case closed in a year: one package each into a new folder, none half-written', async () => {
    const all = await ok(archivist.dispatch, 'cases.list', {});
    const closed = all.cases.filter((c) => c.state !== null && FINAL_STATES.includes(c.state));
    const result = await ok(archivist.dispatch, 'archive.exportClosed', { year: 2026, personalData: true, jobId: 'job-2026-all' });
    expect(result.cancelled).toBe(false);
    expect(result.failed).toEqual([]);
    expect(result.packages.length).toBeGreaterThan(0);
    expect(result.packages.length).toBeLessThanOrEqual(closed.length);
    const names = readdirSync(result.folder);
    expect(names.every((n) => n.endsWith('.zip'))).toBe(true);
    expect(names.length).toBe(result.packages.length);
  }, 240_000);

  it('a package protected with a password opens with 7-Zip and the right password only', async () => {
    const written = await ok(archivist.dispatch, 'archive.exportCase', { caseId, personalData: true, password: 'slaptas-2026' });
    expect(spawnSync('7zz', ['t', '-pslaptas-2026', written.path]).status).toBe(0);
    expect(spawnSync('7zz', ['t', '-pkitas-2026', written.path]).status).not.toBe(0);
  }, 120_000);

  it('the data directory is untouched by a refused package but for the audit entry that records the refusal', async () => {
    // Signed in first: a sign-in itself writes the users' file.
    const admin = await signedIn(services, 'admin');
    const trailBefore = (await ok(admin.dispatch, 'audit.list', {})).length;
    const before = snapshot(dataDir);
    const notZip = await refused(archivist.dispatch, 'archive.stagePackage', { name: 'ne-zip.zip', bytes: new TextEncoder().encode('tai ne zip') });
    expect(notZip.code).toBe('PACKAGE_NOT_ZIP');
    expect(snapshot(dataDir)).toEqual(before);
    const trail = await ok(admin.dispatch, 'audit.list', {});
    expect(trail.length).toBe(trailBefore + 1);
    expect(trail[0]?.summary).toContain('PACKAGE_NOT_ZIP'); // newest first
  }, 60_000);

  it('a signed version replaced by an unsigned PDF (hashes made right) is caught: the record says signed, the file is not', async () => {
    const bytes = forged(packagePath, (root, record) => {
      const g = record.generated.find((d) => d.document.versions.some((v) => v.signature));
      expect(g).toBeDefined();
      const last = g!.files[g!.files.length - 1]!;
      // The first (unsigned, issued) version's bytes put where the signed one was.
      writeFileSync(join(root, last.path), readFileSync(join(root, g!.files[0]!.path)));
      const newSha = sha(root, last.path);
      return { ...record, generated: record.generated.map((d) => (d === g ? { ...d, files: d.files.map((f) => (f === last ? { ...f, sha256: newSha } : f)), document: { ...d.document, versions: d.document.versions.map((v, i) => (i === d.document.versions.length - 1 ? { ...v, sha256: newSha } : v)) } } : d)) };
    });
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'forged.zip', bytes });
    expect(inspection.problems.map((p) => p.code)).toContain('ARCHIVE_SIGNATURE_MISSING');
    expect(inspection.intact).toBe(false);
    expect(inspection.importable).toBe(false);
    await ok(archivist.dispatch, 'archive.discardPackage', { stageId: inspection.stageId });
  }, 120_000);

  it("an audit entry about the case left out of the package (hashes made right) is caught by this institution's trail", async () => {
    const bytes = forged(packagePath, (root, record) => {
      const entries = JSON.parse(readFileSync(join(root, 'data/audit/entries.json'), 'utf8')) as unknown[];
      expect(entries.length).toBeGreaterThan(1);
      writeFileSync(join(root, 'data/audit/entries.json'), JSON.stringify(entries.slice(0, -1), null, 2));
      return { ...record, audit: { ...record.audit!, entries: entries.length - 1 } };
    });
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'forged.zip', bytes });
    // In itself the shortened proof still holds; the trail knows an entry is missing.
    expect(inspection.auditProof).toBe('valid');
    expect(inspection.auditTrail).toBe('differs');
    expect(inspection.problems.map((p) => p.code)).toContain('ARCHIVE_AUDIT_DIFFERS');
    expect(inspection.importable).toBe(false);
    await ok(archivist.dispatch, 'archive.discardPackage', { stageId: inspection.stageId });
  }, 120_000);

  it('a case id the stores would refuse is reported before anything is written (no documents left behind)', async () => {
    const bytes = forged(packagePath, (_root, record) => ({ ...record, case: { ...record.case!, id: 'ne-uuid' } }));
    const before = snapshot(dataDir);
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'forged.zip', bytes });
    expect(inspection.problems).toContainEqual(expect.objectContaining({ code: 'ARCHIVE_RECORD_INVALID', found: 'ne-uuid' }));
    const refusal = await refused(archivist.dispatch, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: false });
    expect(refusal.code).toBe('ARCHIVE_NOT_IMPORTABLE');
    expect(snapshot(dataDir)).toEqual(before);
  }, 120_000);

  it('imported as a new case, a document of several cases (the minutes) belongs to the new case only', async () => {
    const { documents } = await ok(archivist.dispatch, 'documents.list', { caseId });
    const shared = documents.find((d) => d.caseIds.length > 1);
    expect(shared).toBeDefined(); // the minutes of the meeting that decided it, with the other cases it decided
    const others = shared!.caseIds.filter((c) => c !== caseId);
    const counts = await Promise.all(others.map(async (c) => (await ok(archivist.dispatch, 'documents.list', { caseId: c })).documents.length));
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'byla.zip', bytes: readFileSync(packagePath) });
    const imported = await ok(archivist.dispatch, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: true });
    const after = await Promise.all(others.map(async (c) => (await ok(archivist.dispatch, 'documents.list', { caseId: c })).documents.length));
    expect(after).toEqual(counts);
    const mine = await ok(archivist.dispatch, 'documents.list', { caseId: imported.caseId });
    expect(mine.documents.length).toBe(documents.length);
    expect(mine.documents.every((d) => d.caseIds.length === 1 && d.caseIds[0] === imported.caseId)).toBe(true);
  }, 120_000);

  it('a package protected with a password is checked and imported with it, and refused without it', async () => {
    const written = await ok(archivist.dispatch, 'archive.exportCase', { caseId, personalData: true, password: 'slaptas-2026' });
    const bytes = readFileSync(written.path);
    const without = await refused(archivist.dispatch, 'archive.stagePackage', { name: 'apsaugotas.zip', bytes });
    expect(without.code).toBe('PACKAGE_PASSWORD');
    const wrong = await refused(archivist.dispatch, 'archive.stagePackage', { name: 'apsaugotas.zip', bytes, password: 'kitas-2026' });
    expect(wrong.code).toBe('PACKAGE_PASSWORD');
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'apsaugotas.zip', bytes, password: 'slaptas-2026' });
    expect(inspection).toMatchObject({ intact: true, importable: true, exists: true });
    const imported = await ok(archivist.dispatch, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: true });
    expect(imported.caseId).not.toBe(caseId);
  }, 120_000);

  it('an open case is not imported: it would enter the places, the p. 12 list and the running terms unchecked', async () => {
    const open = (await ok(archivist.dispatch, 'cases.list', {})).cases.find((c) => c.state !== null && !FINAL_STATES.includes(c.state))!;
    const written = await ok(archivist.dispatch, 'archive.exportCase', { caseId: open.id, personalData: true });
    const inspection = await ok(archivist.dispatch, 'archive.stagePackage', { name: 'atvira.zip', bytes: readFileSync(written.path) });
    expect(inspection.intact).toBe(true);
    expect(inspection.problems).toContainEqual(expect.objectContaining({ code: 'ARCHIVE_CASE_OPEN', found: open.state }));
    expect(inspection.importable).toBe(false);
    const refusal = await refused(archivist.dispatch, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: true });
    expect(refusal.code).toBe('ARCHIVE_NOT_IMPORTABLE');
  }, 120_000);
});
