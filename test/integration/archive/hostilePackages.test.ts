// Issue 15, "Bad input": every hostile or broken package, given to the app as an archivist gives it
// (archive.stagePackage, then archive.importPackage), leaves the data directory byte for byte as it
// was, but for one audit entry recording the refusal. The package layer's own tests
// (test/unit/archive/packageSafety.test.ts) prove each refusal's code; these prove that nothing of
// it reaches the data.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../../electron/cli/demoData';
import { DEFAULT_PACKAGE_LIMITS } from '../../../electron/services/archive/bagit';
import { openServices, type Services } from '../../../electron/services/index';
import type { Dispatch } from '../../../shared/contract/dispatch';
import { ok, refused } from '../../helpers/calls';
import { DOSSIER_CASE_REQUEST, loadCompleteDossier } from '../../helpers/dossier';

const TODAY = '2026-11-23';
const PASSWORD = 'Slaptazodis-2026';
/** Small enough that a package of a few documents can be over it. */
const MAX_PACKAGE_BYTES = 2 * 1024 * 1024;

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}

/** Every file of the data directory but the audit trail (compared apart) and the lock. */
function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).filter((f) => !f.startsWith('audit/') && !f.startsWith('integrity/') && !f.endsWith('.lock')).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

const sha = (root: string, f: string) => execFileSync('sha256sum', [f], { cwd: root }).toString().split(' ')[0] as string;

/** Rewrite both manifests of an unpacked bag, so that only what the test changed on purpose is wrong. */
function remanifest(root: string): void {
  writeFileSync(join(root, 'manifest-sha256.txt'), `${filesUnder(root, 'data').map((f) => `${sha(root, f)}  ${f}`).join('\n')}\n`);
  const tags = filesUnder(root).filter((f) => !f.startsWith('data/') && f !== 'tagmanifest-sha256.txt');
  writeFileSync(join(root, 'tagmanifest-sha256.txt'), `${tags.map((f) => `${sha(root, f)}  ${f}`).join('\n')}\n`);
}

/** A zip written by zip.js with exactly these names (it stores any name it is given). */
async function zipOf(path: string, entries: readonly (readonly [string, string | Uint8Array])[], level = 0): Promise<string> {
  const zip = new ZipWriter(new Uint8ArrayWriter(), { level, useWebWorkers: false });
  for (const [name, content] of entries) await zip.add(name, new Uint8ArrayReader(typeof content === 'string' ? new TextEncoder().encode(content) : content));
  writeFileSync(path, await zip.close());
  return path;
}

describe('hostile and broken packages change nothing but the audit trail (issue 15)', () => {
  let root: string;
  let dataDir: string;
  let services: Services;
  let archivist: Dispatch;
  let admin: Dispatch;
  let good: string;
  let bagName: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pusiaukele-hostile-'));
    dataDir = join(root, 'data');
    services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false, exportDir: join(root, 'exports'), packageLimits: { ...DEFAULT_PACKAGE_LIMITS, maxPackageBytes: MAX_PACKAGE_BYTES } });
    const { session } = await ok(services.dispatch, 'auth.createAdministrator', { username: 'admin', displayName: 'Administratorė', password: PASSWORD });
    admin = (m, i) => services.dispatch(m, i, session);
    await ok(admin, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    const as = async (username: string, role: 'archivist' | 'secretary'): Promise<Dispatch> => {
      await ok(admin, 'users.create', { username, displayName: username, roles: [role], password: PASSWORD });
      const first = await ok(services.dispatch, 'auth.login', { username, password: PASSWORD });
      await ok((m, i) => services.dispatch(m, i, first.session), 'auth.changePassword', { currentPassword: PASSWORD, newPassword: `${PASSWORD}-2` });
      const { session: s } = await ok(services.dispatch, 'auth.login', { username, password: `${PASSWORD}-2` });
      return (m, i) => services.dispatch(m, i, s);
    };
    const secretary = await as('sekretore', 'secretary');
    archivist = await as('archyvare', 'archivist');
    let view = await ok(secretary, 'cases.register', DOSSIER_CASE_REQUEST);
    view = await ok(secretary, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: '2026-11-03' });
    view = await loadCompleteDossier(secretary, view);
    // Closed, as the cases an archive gets back are (an open one is not imported).
    await ok(secretary, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'withdrawn', on: TODAY, note: 'Prašymas atsiimtas.' });
    good = (await ok(archivist, 'archive.exportCase', { caseId: view.record.id, personalData: true })).path;
    bagName = `byla-${view.record.id}`;
  }, 120_000);

  afterAll(async () => {
    await services.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** The good package unpacked into a fresh folder: its bag's root. */
  function unpacked(): { where: string; bag: string } {
    const where = mkdtempSync(join(root, 'u-'));
    execFileSync('unzip', ['-q', good, '-d', where]);
    return { where, bag: join(where, bagName) };
  }

  /** The unpacked bag packed again with Info-ZIP (stored). */
  function repack(where: string, name: string, options: readonly string[] = []): string {
    const out = join(where, name);
    execFileSync('zip', ['-q', '-r', '-0', ...options, out, bagName], { cwd: where });
    return out;
  }

  const hostile: { name: string; make: () => Promise<string> | string }[] = [
    { name: 'an entry with ../ in its path', make: () => zipOf(join(mkdtempSync(join(root, 'z-')), 'p.zip'), [['x/bagit.txt', 'BagIt-Version: 1.0\n'], ['x/../../evil.txt', 'pwned']]) },
    { name: 'an entry with an absolute path', make: () => zipOf(join(mkdtempSync(join(root, 'z-')), 'p.zip'), [['/etc/evil.txt', 'pwned']]) },
    {
      name: 'a symbolic link',
      make: () => {
        const { where, bag } = unpacked();
        symlinkSync('/etc/passwd', join(bag, 'data', 'nuoroda'));
        return repack(where, 'symlink.zip', ['--symlinks']);
      },
    },
    {
      name: 'two names equal after Unicode normalisation (NFC and NFD)',
      make: () => zipOf(join(mkdtempSync(join(root, 'z-')), 'p.zip'), [['b/data/Žemaitis.pdf'.normalize('NFC'), 'a'], ['b/data/Žemaitis.pdf'.normalize('NFD'), 'b']]),
    },
    { name: 'two names equal after case folding', make: () => zipOf(join(mkdtempSync(join(root, 'z-')), 'p.zip'), [['b/data/A.pdf', 'a'], ['b/data/a.pdf', 'b']]) },
    { name: 'a zip bomb (20 MB of zeros in a few kilobytes)', make: () => zipOf(join(mkdtempSync(join(root, 'z-')), 'p.zip'), [['b/bagit.txt', 'BagIt-Version: 1.0\n'], ['b/data/zeros.bin', new Uint8Array(20 * 1024 * 1024)]], 9) },
    {
      name: 'a truncated archive',
      make: () => {
        const bytes = readFileSync(good);
        const path = join(mkdtempSync(join(root, 'z-')), 'cut.zip');
        writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
        return path;
      },
    },
    {
      name: 'a checksum that does not match',
      make: () => {
        const bytes = Buffer.from(readFileSync(good));
        const at = bytes.indexOf(Buffer.from('%PDF-')) + 30;
        bytes[at] = (bytes[at] as number) ^ 0x20;
        const path = join(mkdtempSync(join(root, 'z-')), 'altered.zip');
        writeFileSync(path, bytes);
        return path;
      },
    },
    {
      name: 'no manifest',
      make: () => {
        const { where } = unpacked();
        const out = repack(where, 'no-manifest.zip');
        execFileSync('zip', ['-q', '-d', out, `${bagName}/manifest-sha256.txt`]);
        return out;
      },
    },
    {
      name: 'no tag manifest',
      make: () => {
        const { where } = unpacked();
        const out = repack(where, 'no-tagmanifest.zip');
        execFileSync('zip', ['-q', '-d', out, `${bagName}/tagmanifest-sha256.txt`]);
        return out;
      },
    },
    {
      name: 'an extra file not in the manifest',
      make: () => {
        const { where, bag } = unpacked();
        writeFileSync(join(bag, 'data', 'papildomas.txt'), 'niekur neminimas');
        return repack(where, 'extra.zip');
      },
    },
    {
      name: 'an unknown schema version',
      make: () => {
        const { where, bag } = unpacked();
        const record = JSON.parse(readFileSync(join(bag, 'data/case.json'), 'utf8')) as { schemaVersion: number };
        writeFileSync(join(bag, 'data/case.json'), JSON.stringify({ ...record, schemaVersion: 99 }));
        remanifest(bag);
        return repack(where, 'schema-99.zip');
      },
    },
    {
      name: 'a package over the size limit',
      make: () => {
        const { where, bag } = unpacked();
        writeFileSync(join(bag, 'data', 'didelis.bin'), Buffer.alloc(MAX_PACKAGE_BYTES, 1));
        remanifest(bag);
        return repack(where, 'too-large.zip');
      },
    },
    {
      name: 'a file that is not a zip',
      make: () => {
        const path = join(mkdtempSync(join(root, 'z-')), 'ne-zip.zip');
        writeFileSync(path, '%PDF-1.7\nne paketas\n');
        return path;
      },
    },
  ];

  for (const { name, make } of hostile) {
    it(`${name}: refused before import, the data directory unchanged but for the refusal in the audit trail`, async () => {
      const path = await make();
      const trailBefore = (await ok(admin, 'audit.list', {})).length;
      const before = snapshot(dataDir);
      const result = await archivist('archive.stagePackage', { name: 'paketas.zip', bytes: readFileSync(path) });
      if (result.ok) {
        // Opened: the check lists what is wrong, and importing is refused (as a new case, too).
        const inspection = result.value as { intact: boolean; importable: boolean; stageId: string; problems: { code: string }[] };
        expect(inspection.importable).toBe(false);
        expect(inspection.problems.length).toBeGreaterThan(0);
        const refusal = await refused(archivist, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: true });
        expect(refusal.code).toBe('ARCHIVE_NOT_IMPORTABLE');
      } else {
        expect(result.error.code).toMatch(/^PACKAGE_/);
      }
      expect(snapshot(dataDir)).toEqual(before);
      const trail = await ok(admin, 'audit.list', {});
      expect(trail.length).toBe(trailBefore + 1);
      expect(trail[0]?.method).toMatch(/^archive\.(stagePackage|importPackage)$/);
      expect(trail[0]?.summary).toMatch(/atmestas|neimportuotas/);
    }, 60_000);
  }

  it('the good package itself is importable (so the refusals above are the damage, not the setup)', async () => {
    const inspection = await ok(archivist, 'archive.stagePackage', { name: 'geras.zip', bytes: readFileSync(good) });
    expect(inspection).toMatchObject({ intact: true, importable: true, exists: true, problems: [] });
    await ok(archivist, 'archive.discardPackage', { stageId: inspection.stageId });
  }, 60_000);
});
