import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { openAsStaff } from '../helpers/users';
import { DEMO_SETTINGS, demoCases } from '../../electron/cli/demoData';
import { addDemoCases } from '../../electron/cli/demo';
import type { CaseRecord } from '../../shared/contract/schemas';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { storeFiles } from '../helpers/storeFiles';

const TODAY = '2026-11-23';

async function withCases(dataDir: string, count: number) {
  const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  const views = await addDemoCases(services.dispatch, demoCases(TODAY, count));
  return { services, views };
}

async function expectOpenRefused(dataDir: string, code: string) {
  await expect(openServices({ dataDir })).rejects.toMatchObject({ code });
}

describe('the data directory', () => {
  it('keeps every case and meeting across a restart, in one file each', async () => {
    const dataDir = tempDataDir();
    const { services, views } = await withCases(dataDir, 20);
    const before = await ok(services.dispatch, 'cases.list', {});
    const meetings = (await ok(services.dispatch, 'meetings.list', {})).meetings;
    expect(meetings.length).toBeGreaterThan(1); // the decided cases' meetings, and the next one
    await services.close();
    expect(readdirSync(join(dataDir, 'cases')).sort()).toEqual(views.map((v) => `${v.record.id}.json`).sort());
    expect(readdirSync(join(dataDir, 'meetings')).sort()).toEqual(meetings.map((m) => `${m.id}.json`).sort());
    const reopened = await openAsStaff({ dataDir, today: TODAY });
    const after = await ok(reopened.dispatch, 'cases.list', {});
    expect(after.cases).toEqual(expect.arrayContaining(before.cases));
    expect(after.cases).toHaveLength(20);
    expect((await ok(reopened.dispatch, 'meetings.list', {})).meetings).toEqual(meetings);
    await reopened.close();
  });

  it('is owned by one process at a time; a stale lock of a dead process is taken over', async () => {
    const dataDir = tempDataDir();
    const first = await openServices({ dataDir });
    await expectOpenRefused(dataDir, 'DATA_DIR_LOCKED');
    await first.close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dataDir, 'pusiaukele.lock'), JSON.stringify({ pid: Number(dead), host: (await import('node:os')).hostname(), since: 'x' }));
    const second = await openServices({ dataDir });
    await second.close();
    expect(existsSync(join(dataDir, 'pusiaukele.lock'))).toBe(false);
  });

  it('leaves alone a lock it does not own, and an unreadable lock until it is clearly abandoned', async () => {
    const dataDir = tempDataDir();
    const services = await openServices({ dataDir });
    const lock = join(dataDir, 'pusiaukele.lock');
    // Someone else's lock (another computer) replaced ours: closing must not delete it.
    const foreign = JSON.stringify({ pid: 1, host: 'kitas-kompiuteris', since: '2026-11-01T08:00:00.000Z' });
    writeFileSync(lock, foreign);
    await services.close();
    expect(readFileSync(lock, 'utf8')).toBe(foreign);
    const error = await openServices({ dataDir }).catch((e: unknown) => e as { code: string; message: string });
    expect(error).toMatchObject({ code: 'DATA_DIR_LOCKED' });
    expect((error as { message: string }).message).toContain(`ištrinkite failą ${lock}`);

    writeFileSync(lock, '');
    await expectOpenRefused(dataDir, 'DATA_DIR_LOCKED'); // a writer may be mid-way
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, aMinuteAgo, aMinuteAgo);
    await (await openServices({ dataDir })).close();
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses a folder that holds something else, and one written by a newer version, changing nothing', async () => {
    const foreign = tempDataDir();
    mkdirSync(foreign, { recursive: true });
    writeFileSync(join(foreign, 'notes.txt'), 'mano failai');
    await expectOpenRefused(foreign, 'DATA_DIR_FOREIGN');
    expect(readdirSync(foreign)).toEqual(['notes.txt']);

    const newer = tempDataDir();
    await (await openServices({ dataDir: newer })).close();
    const meta = join(newer, 'pusiaukele.json');
    writeFileSync(meta, JSON.stringify({ format: 'pusiaukele-data', schemaVersion: 99, createdAt: 'x' }));
    await expectOpenRefused(newer, 'DATA_DIR_NEWER');
    expect(JSON.parse(readFileSync(meta, 'utf8')).schemaVersion).toBe(99);
  });

  it('shows a damaged case file as damaged with the reason, never writes over it, and everything else works', async () => {
    const dataDir = tempDataDir();
    const { services, views } = await withCases(dataDir, 5);
    await services.close();
    const victim = views[2]!.record;
    const file = join(dataDir, 'cases', `${victim.id}.json`);
    const truncated = readFileSync(file).subarray(0, 40);
    writeFileSync(file, truncated);
    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const error = await refused(reopened.dispatch, 'cases.get', { id: victim.id });
    expect(error.code).toBe('CASE_DAMAGED');
    expect(error.message).toMatch(/šifruotas turinys pakeistas arba sugadintas/);
    const list = await ok(reopened.dispatch, 'cases.list', {});
    expect(list.cases.find((c) => c.id === victim.id)).toMatchObject({
      damaged: {
        lt: 'failas neperskaitomas: šifruotas turinys pakeistas arba sugadintas, arba failas atkeltas iš kitos vietos (nepraėjo vientisumo patikros)',
        en: 'the file cannot be read: the encrypted content was altered or damaged, or the file was moved here from another place (it failed the integrity check)',
      },
      lastName: victim.convict.lastName,
    });
    const write = await refused(reopened.dispatch, 'cases.transition', { id: victim.id, revision: victim.revision, to: 'withdrawn', on: TODAY, note: 'x' });
    expect(write.code).toBe('CASE_DAMAGED');
    expect(readFileSync(file)).toEqual(truncated);
    const other = views[3]!.record;
    expect((await ok(reopened.dispatch, 'cases.get', { id: other.id })).record.id).toBe(other.id);
    await reopened.close();
  });

  it('finds damaged files in the background check after opening, even those the index never knew', async () => {
    const dataDir = tempDataDir();
    const { services, views } = await withCases(dataDir, 3);
    await services.close();
    (await storeFiles(dataDir)).write(['cases', `${views[0]!.record.id}.json`], { ...views[0]!.record, state: 'nonsense' });
    writeFileSync(join(dataDir, 'cases', '00000000-0000-4000-8000-000000000000.json'), 'garbage');
    const reopened = await openAsStaff({ dataDir, today: TODAY });
    const changed = new Promise((resolve) => reopened.onEvent(resolve));
    await changed;
    const list = await ok(reopened.dispatch, 'cases.list', {});
    const damaged = list.cases.filter((c) => c.damaged);
    expect(damaged.map((c) => c.id).sort()).toEqual(['00000000-0000-4000-8000-000000000000', views[0]!.record.id].sort());
    expect(damaged.find((c) => c.id === views[0]!.record.id)?.damaged?.lt).toBe('neatitinka bylos struktūros (state)');
    await reopened.close();
  });

  it('rebuilds a lost or damaged index from the case files, losing nothing', async () => {
    const dataDir = tempDataDir();
    const { services } = await withCases(dataDir, 12);
    const before = (await ok(services.dispatch, 'cases.list', {})).cases;
    await services.close();
    writeFileSync(join(dataDir, 'index', 'snapshot.json'), '[{"broken"');
    const a = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect((await ok(a.dispatch, 'cases.list', {})).cases).toEqual(expect.arrayContaining(before));
    await a.close();
    rmSync(join(dataDir, 'index'), { recursive: true });
    const b = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect((await ok(b.dispatch, 'cases.list', {})).cases).toHaveLength(12);
    await b.close();
  });

  it.each([
    ['a snapshot entry without fields', async (dir: string) => (await storeFiles(dir)).write(['index', 'snapshot.json'], [{}])],
    [
      'a snapshot entry with an impossible date',
      async (dir: string) => {
        const files = await storeFiles(dir);
        const entries = files.read('index', 'snapshot.json') as { request: { requestDate: string } }[];
        entries[0]!.request.requestDate = '2026-13-45';
        files.write(['index', 'snapshot.json'], entries);
      },
    ],
    [
      'a journal line that is not an entry, followed by a good one',
      async (dir: string) => {
        const { line } = await storeFiles(dir);
        appendFileSync(join(dir, 'index', 'journal.log'), line({ op: 'put' }) + line({ op: 'intent', id: '00000000-0000-4000-8000-000000000001' }));
      },
    ],
  ])('rebuilds the index from the case files when it holds %s', async (_what, damage) => {
    const dataDir = tempDataDir();
    const { services } = await withCases(dataDir, 4);
    const before = (await ok(services.dispatch, 'cases.list', {})).cases;
    await services.close();
    await damage(dataDir);
    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    expect((await ok(reopened.dispatch, 'cases.list', {})).cases).toEqual(expect.arrayContaining(before));
    expect((await ok(reopened.dispatch, 'cases.list', {})).cases).toHaveLength(4);
    await reopened.close();
  });

  it('after a crash between writing a case file and indexing it, the file wins; a torn journal line is ignored', async () => {
    const dataDir = tempDataDir();
    const { services, views } = await withCases(dataDir, 2);
    await services.close();
    // Simulate the crash: the journal holds the intent, the case file the new revision, no "put".
    const record: CaseRecord = { ...views[0]!.record, revision: views[0]!.record.revision + 1, convict: { ...views[0]!.record.convict, lastName: 'Naujas' } };
    const files = await storeFiles(dataDir);
    appendFileSync(join(dataDir, 'index', 'journal.log'), files.line({ op: 'intent', id: record.id }));
    files.write(['cases', `${record.id}.json`], record);
    appendFileSync(join(dataDir, 'index', 'journal.log'), 'eyJvcCI6InB1dC');
    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const item = (await ok(reopened.dispatch, 'cases.list', {})).cases.find((c) => c.id === record.id);
    expect(item?.lastName).toBe('Naujas');
    await reopened.close();
  });

  it('keeps a damaged settings file aside instead of writing over it', async () => {
    const dataDir = tempDataDir();
    const services = await openAsStaff({ dataDir });
    writeFileSync(join(dataDir, 'settings.json'), 'not json');
    expect((await refused(services.dispatch, 'settings.get', {})).code).toBe('SETTINGS_DAMAGED');
    await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    expect(readdirSync(dataDir).filter((n) => n.startsWith('settings.json.damaged-'))).toHaveLength(1);
    expect(await ok(services.dispatch, 'settings.get', {})).toEqual({ ...DEMO_SETTINGS, revision: 1 });
    await services.close();
  });
});
