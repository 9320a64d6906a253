// Issue 16, "Rollback and truncation detected": old copies put back while the app is closed, a cut
// or deleted audit trail, a manifest put back, a file moved to another file's place. Each is found
// at open or at the first read, named, and treated as damaged (read-only, never written over); the
// administrator sees it (audit.integrity) and decides (audit.acceptIntegrity, audited).
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { runIntegrityCommand } from '../../electron/cli/integrityCommand';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { AUDITED_REQUEST } from '../helpers/requests';
import { ADMIN, as, openAsStaff, signedIn } from '../helpers/users';

const TODAY = '2026-11-10';

/** Every file of the directory with its bytes (the lock aside): to show that a refusal changed nothing. */
function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('pusiaukele.lock')) continue;
      if (entry.isDirectory()) visit(join(folder, entry.name), `${prefix}${entry.name}/`);
      else out.set(`${prefix}${entry.name}`, readFileSync(join(folder, entry.name)).toString('base64'));
    }
  };
  visit(dir, '');
  return out;
}

async function withCase(dataDir = tempDataDir()) {
  const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  const view = await ok(services.dispatch, 'cases.register', AUDITED_REQUEST);
  return { services, dataDir, view };
}

describe('rollback and truncation detection (issue 16)', () => {
  it('an older users.json put back while the app is closed: the app does not open, names the file, and changes nothing', async () => {
    const dataDir = tempDataDir();
    const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    await signedIn(services, services.session, 'buves', ['member']);
    const old = readFileSync(join(dataDir, 'users.json'));
    // The account is deactivated: the old copy would let it sign in again.
    const { id, revision } = (await ok(services.dispatch, 'users.list', {})).find((u) => u.username === 'buves')!;
    await ok(services.dispatch, 'users.update', { id, revision, displayName: 'buves', roles: ['member'], active: false });
    await services.close();

    writeFileSync(join(dataDir, 'users.json'), old);
    const before = filesOf(dataDir);
    const error = await openServices({ dataDir, today: TODAY, verifyOnOpen: false }).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('USERS_ROLLED_BACK');
    expect(error?.message).toMatch(/users\.json: grąžinta senesnė failo versija/);
    expect(filesOf(dataDir)).toEqual(before);
  });

  it('an older case file put back: the case is damaged with the reason, never written over; the others work; the administrator sees the file named', async () => {
    const { services, dataDir, view } = await withCase();
    const file = join(dataDir, 'cases', `${view.record.id}.json`);
    const old = readFileSync(file);
    const moved = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY });
    const other = await ok(services.dispatch, 'cases.register', { ...AUDITED_REQUEST, personalFileNo: 'B-12', lastName: 'Kitas' });
    await services.close();

    writeFileSync(file, old);
    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const error = await refused(reopened.dispatch, 'cases.get', { id: view.record.id });
    expect(error.code).toBe('CASE_DAMAGED');
    expect(error.message).toMatch(/senesnė šio failo versija/);
    // The list still says what the index knew; the case itself cannot be read as current.
    expect(moved.record.state).toBe('dossier_collecting');
    const write = await refused(reopened.dispatch, 'cases.transition', { id: view.record.id, revision: moved.record.revision, to: 'withdrawn', on: TODAY, note: 'Prašymas atsiimtas' });
    expect(write.code).toBe('CASE_DAMAGED');
    expect(readFileSync(file).equals(old)).toBe(true);
    expect((await ok(reopened.dispatch, 'cases.get', { id: other.record.id })).record.id).toBe(other.record.id);

    const report = await ok(reopened.dispatch, 'audit.integrity', {});
    expect(report.readOnly).toBe(false); // one record in doubt, not the directory
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'rolledBack', path: `cases/${view.record.id}.json` })]);
    expect(report.problems[0]!.text.lt).toMatch(/grąžinta senesnė failo versija/);
    await reopened.close();
  });

  it('the background check after opening finds an older case file put back, and a missing one, before anyone reads them', async () => {
    const { services, dataDir, view } = await withCase();
    const file = join(dataDir, 'cases', `${view.record.id}.json`);
    const old = readFileSync(file);
    await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY });
    const other = await ok(services.dispatch, 'cases.register', { ...AUDITED_REQUEST, personalFileNo: 'B-12', lastName: 'Kitas' });
    await services.close();
    writeFileSync(file, old);
    rmSync(join(dataDir, 'cases', `${other.record.id}.json`));

    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyDelayMs: 0 });
    await expect.poll(async () => (await ok(reopened.dispatch, 'audit.integrity', {})).foldersCheckedAt, { timeout: 10_000 }).toBeDefined();
    const report = await ok(reopened.dispatch, 'audit.integrity', {});
    expect(report.problems.map((p) => `${p.kind} ${p.path}`).sort()).toEqual([`missing cases/${other.record.id}.json`, `rolledBack cases/${view.record.id}.json`].sort());
    await reopened.close();
  });

  it('a case file copied over another case\'s file is not authentic there', async () => {
    const { services, dataDir, view } = await withCase();
    const other = await ok(services.dispatch, 'cases.register', { ...AUDITED_REQUEST, personalFileNo: 'B-12', lastName: 'Kitas' });
    await services.close();
    copyFileSync(join(dataDir, 'cases', `${view.record.id}.json`), join(dataDir, 'cases', `${other.record.id}.json`));
    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const error = await refused(reopened.dispatch, 'cases.get', { id: other.record.id });
    expect(error.code).toBe('CASE_DAMAGED');
    expect(error.message).toMatch(/atkeltas iš kitos vietos/);
    await reopened.close();
  });

  it.each([
    ['cut', (log: string) => truncateSync(log, readFileSync(log).indexOf('\n', 10) + 1), 'auditCut', /sutrumpintas/],
    ['deleted', (log: string) => rmSync(log), 'auditMissing', /žurnalo nėra/],
  ] as const)('an audit trail %s while the app is closed: found at open, every change refused until the administrator decides; the decision is audited', async (_how, damage, kind, text) => {
    const { services, dataDir, view } = await withCase();
    await services.close();
    damage(join(dataDir, 'audit', 'audit.log'));

    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const report = await ok(reopened.dispatch, 'audit.integrity', {});
    expect(report.readOnly).toBe(true);
    // Found twice: against the manifest, and against this workstation's witness (the head's second place).
    expect(report.problems).toEqual([expect.objectContaining({ kind, path: 'audit/audit.log' }), expect.objectContaining({ kind: 'behindWorkstation' })]);
    expect(report.problems[0]!.text.lt).toMatch(text);
    const before = filesOf(dataDir);
    const refusedChange = await refused(reopened.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY });
    expect(refusedChange.code).toBe('DATA_INTEGRITY_READ_ONLY');
    expect(filesOf(dataDir)).toEqual(before);
    // Reads go on.
    expect((await ok(reopened.dispatch, 'cases.get', { id: view.record.id })).record.id).toBe(view.record.id);

    const accepted = await ok(reopened.dispatch, 'audit.acceptIntegrity', { confirm: true });
    expect(accepted).toMatchObject({ readOnly: false, problems: [] });
    const [decision] = await ok(reopened.dispatch, 'audit.list', { limit: 1 });
    expect(decision).toMatchObject({ method: 'audit.acceptIntegrity', subject: { kind: 'directory' }, actor: { username: ADMIN.username } });
    expect(decision!.summary).toMatch(text);
    await ok(reopened.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY });
    await reopened.close();
    // Accepted once: the next start finds nothing.
    const again = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect(await ok(again.dispatch, 'audit.integrity', {})).toMatchObject({ readOnly: false, problems: [] });
    await again.close();
  });

  it('a manifest put back from an older copy is behind the audit trail: found at open, changes refused', async () => {
    const { services, dataDir, view } = await withCase();
    await services.close();
    const copy = `${dataDir}.manifest-copy`;
    cpSync(join(dataDir, 'integrity'), copy, { recursive: true });
    const again = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    await ok(again.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY });
    await ok(again.dispatch, 'cases.register', { ...AUDITED_REQUEST, personalFileNo: 'B-12', lastName: 'Kitas' });
    await again.close();
    rmSync(join(dataDir, 'integrity'), { recursive: true });
    cpSync(copy, join(dataDir, 'integrity'), { recursive: true });
    rmSync(copy, { recursive: true });

    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const report = await ok(reopened.dispatch, 'audit.integrity', {});
    expect(report.readOnly).toBe(true);
    // The trail itself is whole, and as far as this workstation saw it: the manifest alone is behind.
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'manifestBehind', path: 'integrity/manifest.json' })]);
    await reopened.close();
  });

  it('a deleted manifest is reported, not silently made anew: the users it can no longer vouch for keep the app closed until the key holder accepts', async () => {
    const { services, dataDir } = await withCase();
    await services.close();
    rmSync(join(dataDir, 'integrity'), { recursive: true });
    const before = filesOf(dataDir);
    const error = await openServices({ dataDir, today: TODAY, verifyOnOpen: false }).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('USERS_ROLLED_BACK');
    expect(error?.message).toMatch(/integrity\/manifest\.json: vientisumo sąrašo nėra/);
    expect(filesOf(dataDir)).toEqual(before); // nothing made anew
    const io = { out: () => undefined, err: () => undefined };
    expect(await runIntegrityCommand(['accept', '--data', dataDir], io)).toBe(0);
    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect(await ok(reopened.dispatch, 'audit.integrity', {})).toMatchObject({ readOnly: false, problems: [] });
    await reopened.close();
  });

  it('what was found is found again at every start until it is accepted: opening and closing does not make it go away', async () => {
    const { services, dataDir } = await withCase();
    await services.close();
    const log = join(dataDir, 'audit', 'audit.log');
    truncateSync(log, readFileSync(log).indexOf('\n', 10) + 1);
    for (let start = 0; start < 3; start++) {
      const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
      const report = await ok(reopened.dispatch, 'audit.integrity', {});
      expect(report.readOnly, `start ${start}`).toBe(true);
      expect(report.problems.map((p) => p.kind), `start ${start}`).toContain('auditCut');
      await reopened.close();
    }
  });

  it('a directory opened at another path (moved, a share reached by another name, a backup restored elsewhere) has nothing to report', async () => {
    const { services, dataDir, view } = await withCase();
    await services.close();
    const elsewhere = `${dataDir}-elsewhere`;
    cpSync(dataDir, elsewhere, { recursive: true });
    try {
      const moved = await openAsStaff({ dataDir: elsewhere, today: TODAY, verifyOnOpen: false });
      expect(await ok(moved.dispatch, 'audit.integrity', {})).toMatchObject({ readOnly: false, problems: [] });
      expect((await ok(moved.dispatch, 'cases.get', { id: view.record.id })).record.id).toBe(view.record.id);
      await moved.close();
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('only an administrator reads the findings and decides', async () => {
    const { services } = await withCase();
    const member = await signedIn(services, services.session, 'narys', ['member']);
    expect((await refused(as(services, member), 'audit.integrity', {})).code).toBe('FORBIDDEN');
    expect((await refused(as(services, member), 'audit.acceptIntegrity', { confirm: true })).code).toBe('FORBIDDEN');
    await services.close();
  });
});

describe('the audit head in a second place: the workstation\'s witness (issue 16)', () => {
  it('a whole directory put back from an older copy agrees with itself, but not with this workstation: found, changes refused, until the administrator confirms', async () => {
    const { services, dataDir, view } = await withCase();
    await services.close();
    const copy = `${dataDir}.whole-copy`;
    cpSync(dataDir, copy, { recursive: true });
    const again = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    await ok(again.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY });
    await again.close();
    rmSync(dataDir, { recursive: true });
    cpSync(copy, dataDir, { recursive: true });
    rmSync(copy, { recursive: true });

    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const report = await ok(reopened.dispatch, 'audit.integrity', {});
    expect(report).toMatchObject({ readOnly: true, problems: [expect.objectContaining({ kind: 'behindWorkstation' })] });
    expect(report.problems[0]!.text.lt).toMatch(/senesnis, nei šis kompiuteris jį matė/);
    expect((await refused(reopened.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY })).code).toBe('DATA_INTEGRITY_READ_ONLY');
    await ok(reopened.dispatch, 'audit.acceptIntegrity', { confirm: true });
    await reopened.close();
    const confirmed = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect(await ok(confirmed.dispatch, 'audit.integrity', {})).toMatchObject({ readOnly: false, problems: [] });
    await confirmed.close();
  });

  it('another workstation (its own witness) opens a directory that moved ahead elsewhere without a finding', async () => {
    const { services, dataDir, view } = await withCase();
    await services.close();
    const elsewhere = mkdtempSync(join(tmpdir(), 'pusiaukele-other-workstation-'));
    const other = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false, witnessDir: elsewhere });
    await ok(other.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY });
    await other.close();
    rmSync(elsewhere, { recursive: true });
    const back = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect(await ok(back.dispatch, 'audit.integrity', {})).toMatchObject({ readOnly: false, problems: [] });
    await back.close();
  });
});

describe('the command line decides when the app cannot open (issue 16)', () => {
  it('integrity check names the rolled-back users file; integrity accept takes the present state as current, audited', async () => {
    const dataDir = tempDataDir();
    const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const old = readFileSync(join(dataDir, 'users.json'));
    await signedIn(services, services.session, 'naujas', ['member']);
    await services.close();
    writeFileSync(join(dataDir, 'users.json'), old);

    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
    expect(await runIntegrityCommand(['check', '--data', dataDir], io)).toBe(2);
    expect(err.join('')).toMatch(/USERS_ROLLED_BACK.*users\.json/s);
    expect(await runIntegrityCommand(['accept', '--data', dataDir], io)).toBe(0);
    expect(out.join('')).toMatch(/patvirtinta; įrašyta veiksmų žurnale/);
    out.length = 0;
    expect(await runIntegrityCommand(['check', '--data', dataDir], io)).toBe(0);
    expect(out.join('')).toMatch(/nieko nerasta/);

    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const entries = await ok(reopened.dispatch, 'audit.list', { limit: 20 });
    const decision = entries.find((e) => e.method === 'integrity.acceptAtOpen');
    expect(decision).toMatchObject({ actor: null, subject: { kind: 'directory' } });
    expect(decision!.summary).toMatch(/users\.json: grąžinta senesnė failo versija/);
    // The old copy is now the users file: the account created after it is not there.
    expect((await ok(reopened.dispatch, 'users.list', {})).map((u) => u.username)).not.toContain('naujas');
    await reopened.close();
  });
});

describe('a lock lost while open (issue 16, several workstations)', () => {
  it('when the lock is removed and taken by someone else while the app holds the directory, the app writes nothing more and says why; reads go on', async () => {
    const dataDir = tempDataDir();
    const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false, heartbeatMs: 50 });
    await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    const view = await ok(services.dispatch, 'cases.register', AUDITED_REQUEST);
    // IT deleted the lock (the laptop seemed gone) and another workstation opened the directory.
    const lockPath = join(dataDir, 'pusiaukele.lock');
    const theirs = JSON.stringify({ pid: 4242, host: 'kitas-kompiuteris', user: 'ona', since: new Date().toISOString(), heartbeatAt: new Date().toISOString(), nonce: 'f'.repeat(24) });
    rmSync(lockPath);
    writeFileSync(lockPath, theirs);
    await new Promise((r) => setTimeout(r, 300));
    const before = filesOf(dataDir);
    const error = await refused(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY });
    expect(error.code).toBe('DATA_DIR_LOCK_LOST');
    expect(error.message).toMatch(/nebeįrašo nieko/);
    expect(filesOf(dataDir)).toEqual(before);
    expect((await ok(services.dispatch, 'cases.get', { id: view.record.id })).record.id).toBe(view.record.id);
    await services.close();
    expect(filesOf(dataDir)).toEqual(before); // closing writes nothing into the directory that is no longer ours
    expect(readFileSync(lockPath, 'utf8')).toBe(theirs); // theirs, left alone
  });
});
