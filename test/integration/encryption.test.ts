// Issue 3, "Data protection": everything in the data directory is encrypted at rest under a random
// data key, wrapped by a passphrase or the OS secret store; a wrong key changes nothing; an
// unencrypted directory is migrated in one step that survives being killed at any moment.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { osStore } from '../helpers/osStore';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDemoCases } from '../../electron/cli/demo';
import { asciiText } from '../../electron/cli/demoDocuments';
import { DEMO_SETTINGS, demoCases } from '../../electron/cli/demoData';
import { openServices, type ServicesOptions } from '../../electron/services/index';
import { encryptingCodec, isEncrypted, unlockDataKey } from '../../electron/services/store/encryption';
import { jsonCodec } from '../../electron/services/store/jsonFile';
import type { CaseView } from '../../shared/contract/schemas';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { openAsStaff } from '../helpers/users';

const TODAY = '2026-11-23';
const PASSPHRASE = process.env.PUSIAUKELE_PASSPHRASE!;
const SERVICES = fileURLToPath(new URL('../../electron/services/index.ts', import.meta.url));

/** Every file under `root`, as paths relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(root, path)).isFile())
    .sort();
}

/** Every file's path, content hash and modification time. */
function fingerprint(root: string): string[] {
  return filesUnder(root).map((path) => {
    const full = join(root, path);
    return `${path} ${createHash('sha256').update(readFileSync(full)).digest('hex')} ${statSync(full).mtimeMs}`;
  });
}

/** Which of `texts` occur in which file, raw bytes, as `grep -r` would find them. */
function occurrences(root: string, texts: readonly string[]): string[] {
  return filesUnder(root).flatMap((path) => {
    const bytes = readFileSync(join(root, path));
    return texts.filter((text) => bytes.includes(Buffer.from(text, 'utf8'))).map((text) => `${path}: ${text}`);
  });
}

/**
 * What identifies the convicts of these cases, also as the demo's documents write names (in ASCII:
 * the PDFs' standard fonts lack Lithuanian letters).
 */
function personalData(views: readonly CaseView[]): string[] {
  const names = views.flatMap(({ record: { convict } }) => [convict.lastName, convict.firstName, convict.personalFileNo]);
  return [...new Set([...names, ...names.map(asciiText)])];
}

async function withCases(options: ServicesOptions, count: number) {
  const services = await openAsStaff({ today: TODAY, verifyOnOpen: false, ...options });
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  const views = await addDemoCases(services.dispatch, demoCases(TODAY, count));
  const { cases } = await ok(services.dispatch, 'cases.list', {});
  await services.close();
  return { views, cases };
}

async function listOf(options: ServicesOptions) {
  const services = await openAsStaff({ today: TODAY, verifyOnOpen: false, ...options });
  try {
    const { cases } = await ok(services.dispatch, 'cases.list', {});
    for (const c of cases) await ok(services.dispatch, 'cases.get', { id: c.id });
    return cases;
  } finally {
    await services.close();
  }
}

const meta = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'pusiaukele.json'), 'utf8')) as Record<string, unknown>;

/** The header of a sealed document ("PUS" 3 since issue 15: sealed in one pass, electron/services/store/encryption.ts). */
const SEALED_DOCUMENT = Buffer.from([0x50, 0x55, 0x53, 0x03]);

/**
 * Every record of the store is sealed: the *.json files, each line of the *.log files, and the
 * dossier's documents (documents/xx/<keyed name>.bin), in which no PDF, PNG or JPEG shows.
 */
function expectAllSealed(dataDir: string): void {
  for (const path of filesUnder(dataDir)) {
    const bytes = readFileSync(join(dataDir, path));
    if (path === 'pusiaukele.json' || path === 'keys.json' || path.startsWith('pusiaukele.lock') || path.endsWith('.tmp')) continue;
    if (/^documents\/[0-9a-f]{2}\/[0-9a-f]{64}\.bin$/.test(path)) {
      expect(bytes.subarray(0, SEALED_DOCUMENT.length).equals(SEALED_DOCUMENT), path).toBe(true);
      for (const plain of ['%PDF', '\x89PNG', '\xff\xd8\xff']) expect(bytes.includes(Buffer.from(plain, 'latin1')), `${path}: ${JSON.stringify(plain)}`).toBe(false);
    } else if (path.endsWith('.json')) expect(isEncrypted(bytes), path).toBe(true);
    else if (path.endsWith('.log')) {
      for (const line of bytes.toString('utf8').split('\n').filter((l) => l !== '')) expect(isEncrypted(Buffer.from(line, 'base64')), path).toBe(true);
    } else throw new Error(`unexpected file ${path}`);
  }
}

/**
 * Turn an encrypted directory into what the unencrypted build (schema 1) wrote: the same records
 * as plain JSON (jsonCodec), journal lines base64 of plain JSON, no keys.json, schema 1. The last
 * case is moved from the index snapshot into journal lines, so that the journal has content.
 * That build had no dossier (issue 4 came after): no documents, and cases without `dossier`, even
 * those that went to the commission.
 */
async function asSchema1(dataDir: string): Promise<void> {
  const codec = encryptingCodec(await unlockDataKey(dataDir, { kind: 'passphrase', passphrase: PASSPHRASE }));
  const records = codec.bind(dataDir, { nextGeneration: () => 0, checkRead: () => undefined });
  const plainLine = (line: string) => jsonCodec.encode(codec.decode(Buffer.from(line, 'base64'))).toString('base64');
  const withoutDossier = (path: string, record: unknown) => {
    if (!path.startsWith('cases/')) return record;
    const { dossier: _dossier, ...rest } = record as CaseView['record'];
    return { ...rest, timeline: rest.timeline.filter((e) => e.kind !== 'dossier') };
  };
  rmSync(join(dataDir, 'documents'), { recursive: true, force: true });
  rmSync(join(dataDir, 'integrity'), { recursive: true, force: true }); // issue 16's manifest: not in schema 1
  for (const path of filesUnder(dataDir)) {
    const full = join(dataDir, path);
    if (path === 'pusiaukele.json' || path === 'keys.json' || path.startsWith('pusiaukele.lock')) continue;
    if (path.endsWith('.json')) writeFileSync(full, jsonCodec.encode(withoutDossier(path, records.at(full).decode(readFileSync(full)))));
    else if (path.endsWith('.log')) writeFileSync(full, readFileSync(full, 'utf8').split('\n').map((l) => (l === '' ? l : plainLine(l))).join('\n'));
  }
  const snapshotPath = join(dataDir, 'index', 'snapshot.json');
  const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { id: string }[];
  const moved = snapshot.pop()!;
  writeFileSync(snapshotPath, JSON.stringify(snapshot));
  const line = (entry: unknown) => `${jsonCodec.encode(entry).toString('base64')}\n`;
  writeFileSync(join(dataDir, 'index', 'journal.log'), line({ op: 'intent', id: moved.id }) + line({ op: 'put', summary: moved }) + 'eyJvcCI6InB1dC');
  rmSync(join(dataDir, 'keys.json'));
  writeFileSync(join(dataDir, 'pusiaukele.json'), JSON.stringify({ format: 'pusiaukele-data', schemaVersion: 1, createdAt: '2026-11-01T08:00:00.000Z' }));
}


describe('data at rest (issue 3, data protection)', () => {
  it('holds no convict name or personal file number anywhere in the data directory, and reopens with the passphrase', async () => {
    const dataDir = tempDataDir();
    const { views, cases } = await withCases({ dataDir }, 12);
    const needles = personalData(views);
    expect(needles).toContain('D-00001');
    // The demo cases carry their dossiers' documents (PDFs and scans naming the convict).
    expect(filesUnder(join(dataDir, 'documents')).length).toBeGreaterThan(20);
    expect(occurrences(dataDir, needles)).toEqual([]);
    expect(occurrences(dataDir, [DEMO_SETTINGS.institution.name])).toEqual([]);
    expectAllSealed(dataDir);
    expect(meta(dataDir)).toMatchObject({ schemaVersion: 3, encryption: 'aes-256-gcm' });
    expect(meta(dataDir)).not.toHaveProperty('migrating');
    // Issue 16: the key's slots, the passphrase's and the recovery key's made with the directory.
    const keys = JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')) as { slots: Record<string, unknown>[] };
    expect(keys.slots).toEqual([
      expect.objectContaining({ kind: 'passphrase', kdf: 'scrypt', N: 2 ** 15, r: 8, p: 1 }),
      expect.objectContaining({ kind: 'recovery', kdf: 'scrypt', N: 2 ** 15, r: 8, p: 1 }),
    ]);

    expect(await listOf({ dataDir, key: { kind: 'passphrase', passphrase: PASSPHRASE } })).toEqual(cases);
  });

  it('a wrong passphrase is refused and changes nothing: every file keeps its bytes and its time', async () => {
    const dataDir = tempDataDir();
    await withCases({ dataDir }, 3);
    const before = fingerprint(dataDir);
    for (const passphrase of ['neteisinga slaptafrazė', 'short', PASSPHRASE.toUpperCase()]) {
      await expect(openServices({ dataDir, key: { kind: 'passphrase', passphrase } })).rejects.toMatchObject({
        code: 'WRONG_PASSPHRASE',
        message: expect.stringContaining('Neteisinga slaptafrazė'),
      });
    }
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('asks for a key when none is given, and refuses to create one under a short passphrase', async () => {
    const dataDir = tempDataDir();
    const saved = process.env.PUSIAUKELE_PASSPHRASE;
    delete process.env.PUSIAUKELE_PASSPHRASE;
    try {
      await expect(openServices({ dataDir })).rejects.toMatchObject({ code: 'KEY_REQUIRED', message: expect.stringContaining('PUSIAUKELE_PASSPHRASE') });
    } finally {
      process.env.PUSIAUKELE_PASSPHRASE = saved;
    }
    expect(existsSync(dataDir)).toBe(false);
    await expect(openServices({ dataDir, key: { kind: 'passphrase', passphrase: 'trumpa' } })).rejects.toMatchObject({ code: 'PASSPHRASE_TOO_SHORT' });
    expect(existsSync(join(dataDir, 'keys.json'))).toBe(false);
    // nothing was encrypted under a key yet: the next open creates it
    await (await openServices({ dataDir })).close();
    expect(existsSync(join(dataDir, 'keys.json'))).toBe(true);
  });

  it('without a sound keys.json an encrypted directory cannot be opened, and is left as it is', async () => {
    const dataDir = tempDataDir();
    await withCases({ dataDir }, 2);
    const keysPath = join(dataDir, 'keys.json');
    const keys = JSON.parse(readFileSync(keysPath, 'utf8')) as { slots: { N: number }[] };
    // a planted cost that would take minutes and gigabytes is refused, not run
    keys.slots[0]!.N = 2 ** 24;
    writeFileSync(keysPath, JSON.stringify(keys));
    await expect(openServices({ dataDir })).rejects.toMatchObject({ code: 'KEY_FILE_DAMAGED' });
    rmSync(keysPath);
    const before = fingerprint(dataDir);
    await expect(openServices({ dataDir })).rejects.toMatchObject({ code: 'KEY_FILE_MISSING' });
    expect(fingerprint(dataDir)).toEqual(before);
  });

  it('a case file with one byte changed shows as damaged; the other cases work', async () => {
    const dataDir = tempDataDir();
    const { views } = await withCases({ dataDir }, 4);
    const victim = views[1]!.record;
    const file = join(dataDir, 'cases', `${victim.id}.json`);
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x20;
    writeFileSync(file, bytes);

    const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect((await refused(services.dispatch, 'cases.get', { id: victim.id })).code).toBe('CASE_DAMAGED');
    const { cases } = await ok(services.dispatch, 'cases.list', {});
    expect(cases.find((c) => c.id === victim.id)?.damaged).toBeDefined();
    expect(cases.filter((c) => c.damaged)).toHaveLength(1);
    for (const other of views.filter((v) => v.record.id !== victim.id)) {
      expect((await ok(services.dispatch, 'cases.get', { id: other.record.id })).record).toEqual(other.record);
    }
    await services.close();
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('migrates an unencrypted (schema 1) directory in one step: the same cases, nothing readable left', async () => {
    const dataDir = tempDataDir();
    const { views, cases } = await withCases({ dataDir }, 8);
    await asSchema1(dataDir);
    const needles = personalData(views);
    expect(occurrences(dataDir, needles).length).toBeGreaterThan(needles.length); // the control: plain before

    expect(await listOf({ dataDir })).toEqual(expect.arrayContaining(cases));
    expect(await listOf({ dataDir })).toHaveLength(cases.length);
    // Schema 2 (sealed) and then 3 (issue 16: every record sealed for its path, with a manifest) in the same start.
    expect(meta(dataDir)).toEqual({ format: 'pusiaukele-data', schemaVersion: 3, encryption: 'aes-256-gcm', createdAt: '2026-11-01T08:00:00.000Z' });
    expectAllSealed(dataDir);
    expect(occurrences(dataDir, needles)).toEqual([]);
  });

  it('after the migration a plain file counts as damaged', async () => {
    const dataDir = tempDataDir();
    const { views } = await withCases({ dataDir }, 2);
    const victim = views[0]!.record;
    writeFileSync(join(dataDir, 'cases', `${victim.id}.json`), JSON.stringify(victim));
    const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect((await refused(services.dispatch, 'cases.get', { id: victim.id })).code).toBe('CASE_DAMAGED');
    expect((await ok(services.dispatch, 'cases.get', { id: views[1]!.record.id })).record.id).toBe(views[1]!.record.id);
    await services.close();
  });

  it('a migration killed at any moment (SIGKILL, 20 times) is finished by the next start, losing nothing', async () => {
    const pristine = tempDataDir();
    const { views, cases } = await withCases({ dataDir: pristine }, 30);
    await asSchema1(pristine);
    const needles = personalData(views);

    /** The moments a kill is aimed at: soon after start (the key being made), keys.json written, files being rewritten. */
    const phases = {
      started: () => true,
      keyWritten: (dir: string) => existsSync(join(dir, 'keys.json')),
      rewriting: (dir: string) => meta(dir).migrating !== undefined,
    };
    /** Open the services on `dataDir` in a child process, SIGKILLed `afterMs` after `phase` is reached. */
    const killedMigration = (dataDir: string, phase: keyof typeof phases, afterMs: number) =>
      new Promise<boolean>((resolve, reject) => {
        const script = `const { openServices } = await import(${JSON.stringify(SERVICES)});
          process.stdout.write('ready\\n');
          const s = await openServices({ dataDir: ${JSON.stringify(dataDir)}, verifyOnOpen: false });
          await s.close();`;
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let watch: NodeJS.Timeout | undefined;
        let stderr = '';
        child.stdout.once('data', () => {
          watch = setInterval(() => {
            if (!phases[phase](dataDir)) return;
            clearInterval(watch);
            setTimeout(() => child.kill('SIGKILL'), afterMs);
          }, 1);
        });
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code, signal) => {
          clearInterval(watch);
          if (signal === 'SIGKILL' || code === 0) resolve(signal === 'SIGKILL');
          else reject(new Error(`the migration failed (${code}): ${stderr}`));
        });
      });

    const names = Object.keys(phases) as (keyof typeof phases)[];
    const dirs = Array.from({ length: 10 }, (_, i) => {
      const dir = join(pristine, '..', `killed-${i}`);
      cpSync(pristine, dir, { recursive: true });
      return dir;
    });
    const states: string[] = [];
    // Each copy is killed twice, the second time while the restarted run finishes the first.
    for (let round = 0; round < 2; round++) {
      await Promise.all(
        dirs.map(async (dir, i) => {
          const killed = await killedMigration(dir, names[(i + round) % names.length]!, Math.random() * 40);
          const m = meta(dir);
          states.push(!killed ? 'finished' : m.migrating ? 'rewriting' : m.schemaVersion === 2 ? 'migrated' : existsSync(join(dir, 'keys.json')) ? 'key written' : 'not started');
        }),
      );
    }
    expect(states).toHaveLength(20);
    expect(states.filter((s) => s === 'rewriting').length).toBeGreaterThanOrEqual(3);

    for (const dir of dirs) {
      const after = await listOf({ dataDir: dir });
      expect(after).toHaveLength(cases.length);
      expect(after).toEqual(expect.arrayContaining(cases));
      expect(meta(dir)).toMatchObject({ schemaVersion: 3, encryption: 'aes-256-gcm' });
      expect(meta(dir)).not.toHaveProperty('migrating');
      expectAllSealed(dir);
      expect(occurrences(dir, needles), relative(pristine, dir)).toEqual([]);
    }
  }, 180_000);

  it("a directory created under the OS secret store opens with it, not with a passphrase nor another computer's store", async () => {
    const computer = randomBytes(32);
    const dataDir = tempDataDir();
    const { cases } = await withCases({ dataDir, key: osStore(computer) }, 3);
    const keys = JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')) as { slots: Record<string, unknown>[] };
    expect(keys.slots).toEqual([expect.objectContaining({ kind: 'os', blob: expect.any(String) }), expect.objectContaining({ kind: 'recovery' })]);
    expect(await listOf({ dataDir, key: osStore(computer) })).toEqual(cases);

    const before = fingerprint(dataDir);
    await expect(openServices({ dataDir, key: { kind: 'passphrase', passphrase: PASSPHRASE } })).rejects.toMatchObject({
      code: 'KEY_NOT_AVAILABLE',
      message: expect.stringContaining('darbalaukio programa'),
    });
    await expect(openServices({ dataDir, key: osStore(randomBytes(32)) })).rejects.toMatchObject({
      code: 'KEY_NOT_AVAILABLE',
      message: expect.stringContaining('kitame kompiuteryje'),
    });
    expect(fingerprint(dataDir)).toEqual(before);

    const byPassphrase = tempDataDir();
    await withCases({ dataDir: byPassphrase }, 1);
    await expect(openServices({ dataDir: byPassphrase, key: osStore(computer) })).rejects.toMatchObject({
      code: 'KEY_NOT_AVAILABLE',
      message: expect.stringContaining('slaptafraze'),
    });
  });
});
