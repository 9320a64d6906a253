// Issue 16, "keys you cannot lose": the data key has slots, like LUKS — the OS secret store of each
// enrolled workstation, passphrases, and a recovery key shown once at first setup — each able to
// open the directory. Losing one (a new computer, a reinstalled system) leaves the others; adding or
// removing a slot needs an existing one and is audited; keys.json of version 1 opens and is
// upgraded without losing a wrapping; a damaged one is refused as before.
//
// The OS secret store cannot exist here: `osStore` stands in for it (AES under a key of "this
// computer"), the one fake this test allows. Everything else is real: data directories, services,
// keys.json, the audit trail.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { osStore as fakeOsStore } from '../helpers/osStore';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { terminalKey } from '../../electron/cli/terminalKey';
import { describe, expect, it } from 'vitest';
import { openServices, type Services, type ServicesOptions } from '../../electron/services/index';
import { RECOVERY_GROUPS, listSlots, newRecoveryKey, parseRecoveryKey, type OsKeyProvider } from '../../electron/services/store/keySlots';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { ADMIN, as, signedIn, staffSession } from '../helpers/users';

const PASSPHRASE = process.env.PUSIAUKELE_PASSPHRASE!;
const TODAY = '2026-11-23';

/** A computer's OS secret store (test/helpers/osStore.ts), its key made from its name. */
function osStore(computer: string, computerKey: Buffer = createHash('sha256').update(computer).digest()): OsKeyProvider {
  return fakeOsStore(computerKey, { computer, user: 'sekretore' });
}

const keysJson = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')) as { version: number; slots: Record<string, unknown>[]; wrappings?: unknown };

/** Every file under `root` with its content hash: what "nothing changed" compares. */
function fingerprint(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((p) => statSync(join(root, p)).isFile())
    .sort()
    .map((p) => `${p} ${createHash('sha256').update(readFileSync(join(root, p))).digest('hex')}`);
}

/** Whether `text` occurs in any file of the directory, raw bytes. */
function foundIn(root: string, text: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((p) => statSync(join(root, p)).isFile() && readFileSync(join(root, p)).includes(Buffer.from(text)));
}

async function open(options: ServicesOptions): Promise<Services & { admin: ReturnType<typeof as> }> {
  const services = await openServices({ today: TODAY, verifyOnOpen: false, ...options });
  const session = await staffSession(services);
  return Object.assign(services, { admin: as(services, session) });
}

/** Open, read the case list and close: the directory opens with this key. */
async function opensWith(dataDir: string, key: ServicesOptions['key']): Promise<number> {
  const services = await open({ dataDir, key });
  try {
    return (await ok(services.admin, 'cases.list', {})).cases.length;
  } finally {
    await services.close();
  }
}

/** A new directory made on computer A's desktop, with one case; the recovery key its administrator was shown. */
async function desktopDirectory() {
  const dataDir = tempDataDir();
  const computerA = osStore('KOMPIUTERIS-A');
  const services = await open({ dataDir, key: computerA, workstation: computerA });
  const { recoveryKey } = await ok(services.admin, 'keys.takeRecoveryKey', {});
  await ok(services.admin, 'settings.save', { ...(await import('../../electron/cli/demoData')).DEMO_SETTINGS, revision: 0 });
  await services.close();
  return { dataDir, computerA, recoveryKey: recoveryKey! };
}

describe('the data key has slots (issue 16)', () => {
  it('a new directory gets its opener\'s slot and a recovery key shown once, then never again and never written in clear', async () => {
    const dataDir = tempDataDir();
    const computerA = osStore('KOMPIUTERIS-A');
    const services = await open({ dataDir, key: computerA, workstation: computerA });
    const first = await ok(services.admin, 'keys.takeRecoveryKey', {});
    expect(first.recoveryKey).toMatch(/^\d{6}(-\d{6}){7}$/);
    expect((await ok(services.admin, 'keys.takeRecoveryKey', {})).recoveryKey).toBeNull();
    const view = await ok(services.admin, 'keys.list', {});
    expect(view.slots).toEqual([
      { id: view.openedBy, kind: 'os', addedAt: expect.any(String), computer: 'KOMPIUTERIS-A', user: 'sekretore' },
      { id: expect.any(String), kind: 'recovery', addedAt: expect.any(String) },
    ]);
    expect(view.workstation).toEqual({ available: true, slotId: view.openedBy });
    await services.close();
    // Only as a scrypt wrapping: neither the digits nor the groups are anywhere on disk.
    expect(foundIn(dataDir, first.recoveryKey!)).toEqual([]);
    expect(foundIn(dataDir, first.recoveryKey!.replace(/-/g, ''))).toEqual([]);
    expect(keysJson(dataDir).version).toBe(2);
  });

  it('each slot alone opens the directory: the workstation, a passphrase added by the administrator, the recovery key', async () => {
    const { dataDir, computerA, recoveryKey } = await desktopDirectory();
    const services = await open({ dataDir, key: computerA, workstation: computerA });
    await ok(services.admin, 'keys.addPassphrase', { current: { kind: 'thisWorkstation' }, passphrase: PASSPHRASE, repeat: PASSPHRASE });
    await services.close();
    expect(listSlots(dataDir).map((s) => s.kind)).toEqual(['os', 'recovery', 'passphrase']);
    expect(await opensWith(dataDir, computerA)).toBe(0);
    expect(await opensWith(dataDir, { kind: 'passphrase', passphrase: PASSPHRASE })).toBe(0);
    expect(await opensWith(dataDir, { kind: 'recovery', recoveryKey })).toBe(0);
    // Typed with spaces instead of dashes, as a person reads it off the sheet.
    expect(await opensWith(dataDir, { kind: 'recovery', recoveryKey: recoveryKey.replace(/-/g, ' ') })).toBe(0);
  });

  it('a new computer (another OS store) cannot open it; the recovery key can, then enrols that computer, which opens it alone from then on', async () => {
    const { dataDir, recoveryKey } = await desktopDirectory();
    const computerB = osStore('KOMPIUTERIS-B');
    const before = fingerprint(dataDir);
    await expect(openServices({ dataDir, key: computerB, workstation: computerB })).rejects.toMatchObject({ code: 'KEY_NOT_AVAILABLE', params: { why: 'otherSecretStore' } });
    expect(fingerprint(dataDir)).toEqual(before);

    // What the desktop's unlock page does: open with the recovery key, this computer's store beside it, then accept the offer.
    const unlocked = await openServices({ dataDir, key: { kind: 'recovery', recoveryKey }, workstation: computerB, verifyOnOpen: false });
    const enrolled = await ok(unlocked.dispatch, 'keys.enrolAtUnlock', { enrol: true });
    expect(enrolled.slot).toMatchObject({ kind: 'os', computer: 'KOMPIUTERIS-B' });
    // The offer is made once.
    expect((await refused(unlocked.dispatch, 'keys.enrolAtUnlock', { enrol: true })).code).toBe('KEY_ENROL_NOT_OFFERED');
    await unlocked.close();

    expect(await opensWith(dataDir, computerB)).toBe(0);
    expect(listSlots(dataDir).filter((s) => s.kind === 'os').map((s) => s.computer)).toEqual(['KOMPIUTERIS-A', 'KOMPIUTERIS-B']);
  });

  it('the workstation\'s slot removed (a reinstalled system): the passphrase opens the directory, and the administrator enrols the computer again', async () => {
    const { dataDir, computerA } = await desktopDirectory();
    let services = await open({ dataDir, key: computerA, workstation: computerA });
    await ok(services.admin, 'keys.addPassphrase', { current: { kind: 'thisWorkstation' }, passphrase: PASSPHRASE, repeat: PASSPHRASE });
    const { openedBy } = await ok(services.admin, 'keys.list', {});
    // The slot that opened this run goes only when that is said explicitly.
    expect((await refused(services.admin, 'keys.remove', { current: { kind: 'passphrase', passphrase: PASSPHRASE }, id: openedBy })).code).toBe('KEY_SLOT_OPENED_THIS_RUN');
    await ok(services.admin, 'keys.remove', { current: { kind: 'passphrase', passphrase: PASSPHRASE }, id: openedBy, confirmOpening: true });
    await services.close();

    await expect(openServices({ dataDir, key: computerA })).rejects.toMatchObject({ code: 'KEY_NOT_AVAILABLE', params: { why: 'keptByPassphrase' } });
    services = await open({ dataDir, key: { kind: 'passphrase', passphrase: PASSPHRASE }, workstation: computerA });
    // This computer's store proves nothing now; the passphrase does.
    expect((await refused(services.admin, 'keys.enrol', { current: { kind: 'thisWorkstation' } })).code).toBe('KEY_PROOF_NOT_THIS_WORKSTATION');
    const slot = await ok(services.admin, 'keys.enrol', { current: { kind: 'passphrase', passphrase: PASSPHRASE } });
    expect(slot).toMatchObject({ kind: 'os', computer: 'KOMPIUTERIS-A' });
    expect((await refused(services.admin, 'keys.enrol', { current: { kind: 'passphrase', passphrase: PASSPHRASE } })).code).toBe('KEY_WORKSTATION_ENROLLED');
    await services.close();
    expect(await opensWith(dataDir, computerA)).toBe(0);
  });

  it('a mistyped recovery key is caught by its group\'s check (not by a failed unwrapping), with the group named', async () => {
    const key = newRecoveryKey();
    expect(parseRecoveryKey(key)).toBe(key);
    const groups = key.split('-');
    expect(groups).toHaveLength(RECOVERY_GROUPS);
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      for (let i = 0; i < group.length; i++) {
        // Every other digit at every place: one wrong digit is always caught.
        for (let d = 0; d <= 9; d++) {
          if (String(d) === group[i]) continue;
          const typed = groups.map((x, k) => (k === g ? x.slice(0, i) + d + x.slice(i + 1) : x)).join('-');
          expect(() => parseRecoveryKey(typed), typed).toThrow(expect.objectContaining({ code: 'RECOVERY_KEY_MISTYPED', params: { group: g + 1 } }));
        }
        // Two neighbouring digits swapped, when they differ.
        if (i + 1 < group.length && group[i] !== group[i + 1]) {
          const swapped = group.slice(0, i) + group[i + 1] + group[i] + group.slice(i + 2);
          expect(() => parseRecoveryKey(groups.map((x, k) => (k === g ? swapped : x)).join('-'))).toThrow(expect.objectContaining({ code: 'RECOVERY_KEY_MISTYPED', params: { group: g + 1 } }));
        }
      }
    }
    expect(() => parseRecoveryKey(key.slice(0, -1))).toThrow(expect.objectContaining({ code: 'RECOVERY_KEY_MALFORMED' }));
    expect(() => parseRecoveryKey(`${key}-123456`)).toThrow(expect.objectContaining({ code: 'RECOVERY_KEY_MALFORMED' }));

    // Opening with a mistyped key: the group's refusal; a well-formed key of another directory is merely wrong.
    const { dataDir, recoveryKey } = await desktopDirectory();
    const typo = `${recoveryKey.slice(0, 7)}${(Number(recoveryKey[7]) + 1) % 10}${recoveryKey.slice(8)}`;
    await expect(openServices({ dataDir, key: { kind: 'recovery', recoveryKey: typo } })).rejects.toMatchObject({
      code: 'RECOVERY_KEY_MISTYPED',
      params: { group: 2 },
      message: expect.stringContaining('2-oje grupėje'),
    });
    await expect(openServices({ dataDir, key: { kind: 'recovery', recoveryKey: newRecoveryKey() } })).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
  });

  it('a new recovery key replaces the old one: the old one opens nothing any more; the new one is shown once in the answer only', async () => {
    const { dataDir, computerA, recoveryKey } = await desktopDirectory();
    const services = await open({ dataDir, key: computerA, workstation: computerA });
    // The old recovery key is a proof too.
    const made = await ok(services.admin, 'keys.newRecoveryKey', { current: { kind: 'recovery', recoveryKey } });
    expect(made.recoveryKey).not.toBe(recoveryKey);
    expect(made.removed).toHaveLength(1);
    expect((await ok(services.admin, 'keys.list', {})).slots.filter((s) => s.kind === 'recovery').map((s) => s.id)).toEqual([made.slot.id]);
    await services.close();
    await expect(openServices({ dataDir, key: { kind: 'recovery', recoveryKey } })).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    expect(await opensWith(dataDir, { kind: 'recovery', recoveryKey: made.recoveryKey })).toBe(0);
    expect(foundIn(dataDir, made.recoveryKey)).toEqual([]);
  });

  it('a slot change needs an existing slot\'s secret and the administrator\'s role; the last slot is never removed; keys.json is untouched by a refusal', async () => {
    const dataDir = tempDataDir();
    const services = await open({ dataDir, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
    const admin = services.admin;
    const { recoveryKey } = await ok(admin, 'keys.takeRecoveryKey', {});
    const before = readFileSync(join(dataDir, 'keys.json'));
    const wrong = { kind: 'passphrase', passphrase: 'ne ta slaptafrazė' };
    expect((await refused(admin, 'keys.addPassphrase', { current: wrong, passphrase: 'nauja-slaptafraze-1', repeat: 'nauja-slaptafraze-1' })).code).toBe('WRONG_PASSPHRASE');
    expect((await refused(admin, 'keys.addPassphrase', { current: { kind: 'passphrase', passphrase: PASSPHRASE }, passphrase: 'nauja-slaptafraze-1', repeat: 'nauja-slaptafraze-2' })).code).toBe('PASSPHRASE_MISMATCH');
    expect((await refused(admin, 'keys.addPassphrase', { current: { kind: 'passphrase', passphrase: PASSPHRASE }, passphrase: 'trumpa', repeat: 'trumpa' })).code).toBe('PASSPHRASE_TOO_SHORT');
    // The browser host and the command line have no OS store: nothing proves "this workstation", nothing can be enrolled.
    expect((await refused(admin, 'keys.newRecoveryKey', { current: { kind: 'thisWorkstation' } })).code).toBe('KEY_PROOF_NOT_THIS_WORKSTATION');
    expect((await refused(admin, 'keys.enrol', { current: { kind: 'passphrase', passphrase: PASSPHRASE } })).code).toBe('KEY_WORKSTATION_UNAVAILABLE');
    expect((await refused(services.dispatch, 'keys.enrolAtUnlock', { enrol: true })).code).toBe('KEY_ENROL_NOT_OFFERED');
    expect((await refused(services.dispatch, 'keys.unlock', { secret: { kind: 'passphrase', passphrase: PASSPHRASE } })).code).toBe('DATA_KEY_ALREADY_OPEN');
    // Unknown fields are refused at the boundary (a typo must not drop the confirmation silently).
    expect((await refused(admin, 'keys.remove', { current: { kind: 'passphrase', passphrase: PASSPHRASE }, id: 'abcdef012345', confirm: true })).code).toBe('INVALID_INPUT');

    // A secretary may not touch the keys, even knowing the passphrase; nobody signed in may not either.
    const secretary = as(services, await signedIn(services, (await ok(services.dispatch, 'auth.login', { username: 'admin', password: 'Admin-slaptazodis-1' })).session, 'sekretore', ['secretary']));
    expect((await refused(secretary, 'keys.addPassphrase', { current: { kind: 'passphrase', passphrase: PASSPHRASE }, passphrase: 'nauja-slaptafraze-1', repeat: 'nauja-slaptafraze-1' })).code).toBe('FORBIDDEN');
    expect((await refused(secretary, 'keys.list', {})).code).toBe('FORBIDDEN');
    expect((await refused(services.dispatch, 'keys.takeRecoveryKey', {})).code).toBe('UNAUTHENTICATED');
    expect(readFileSync(join(dataDir, 'keys.json')).equals(before)).toBe(true);

    // Down to one slot: the recovery slot goes (proved by the passphrase), the passphrase's cannot.
    const { slots, openedBy } = await ok(admin, 'keys.list', {});
    const recoverySlot = slots.find((s) => s.kind === 'recovery')!;
    await ok(admin, 'keys.remove', { current: { kind: 'recovery', recoveryKey: recoveryKey! }, id: recoverySlot.id });
    const last = await refused(admin, 'keys.remove', { current: { kind: 'passphrase', passphrase: PASSPHRASE }, id: openedBy, confirmOpening: true });
    expect(last.code).toBe('KEY_SLOT_LAST');
    expect(last.message).toContain('Paskutinės rakto vietos pašalinti negalima');
    expect((await refused(admin, 'keys.remove', { current: { kind: 'passphrase', passphrase: PASSPHRASE }, id: recoverySlot.id })).code).toBe('KEY_SLOT_UNKNOWN');
    await services.close();
    expect(await opensWith(dataDir, { kind: 'passphrase', passphrase: PASSPHRASE })).toBe(0);
  });

  it('every slot change is in the audit trail, naming the slots and never a secret', async () => {
    const { dataDir, computerA, recoveryKey } = await desktopDirectory();
    const services = await open({ dataDir, key: computerA, workstation: computerA });
    const added = await ok(services.admin, 'keys.addPassphrase', { current: { kind: 'recovery', recoveryKey }, passphrase: PASSPHRASE, repeat: PASSPHRASE });
    const renewed = await ok(services.admin, 'keys.newRecoveryKey', { current: { kind: 'passphrase', passphrase: PASSPHRASE } });
    await ok(services.admin, 'keys.remove', { current: { kind: 'thisWorkstation' }, id: added.id });
    const entries = (await ok(services.admin, 'audit.list', {})).filter((e) => e.subject?.kind === 'keys').sort((a, b) => a.seq - b.seq);
    expect(entries.map((e) => [e.method, e.subject?.id])).toEqual([
      ['keys.addPassphrase', added.id],
      ['keys.newRecoveryKey', renewed.slot.id],
      ['keys.remove', added.id],
    ]);
    const { openedBy } = await ok(services.admin, 'keys.list', {});
    expect(entries[0]!.summary).toContain(`Pridėta rakto vieta ${added.id} (slaptafrazė)`);
    expect(entries[1]!.summary).toContain(`pašalinta ankstesnė ${renewed.removed[0]} (atkūrimo raktas)`);
    expect(entries[2]!.summary).toBe(`Pašalinta rakto vieta ${added.id} (slaptafrazė); patvirtinta vieta ${openedBy} (kompiuterio saugykla)`);
    expect(entries.every((e) => e.actor?.username === 'admin')).toBe(true);
    const trail = JSON.stringify(entries);
    for (const secret of [PASSPHRASE, recoveryKey, renewed.recoveryKey]) expect(trail).not.toContain(secret);
    expect((await ok(services.admin, 'audit.verify', {})).ok).toBe(true);
    await services.close();
  });

  it('a keys.json of version 1 opens as before and is upgraded at the first slot change, keeping its wrapping byte for byte', async () => {
    // The file the app wrote before issue 16: one passphrase wrapping, no ids, no recovery key.
    const dataDir = tempDataDir();
    await (await openServices({ dataDir, verifyOnOpen: false })).close();
    const passphraseSlot = keysJson(dataDir).slots.find((s) => s.kind === 'passphrase')!;
    const { id: _id, addedAt: _addedAt, ...wrapping } = passphraseSlot;
    const v1 = { format: 'pusiaukele-keys', version: 1, check: (keysJson(dataDir) as unknown as { check: string }).check, wrappings: [wrapping] };
    writeFileSync(join(dataDir, 'keys.json'), JSON.stringify(v1, null, 2));

    const derivedId = listSlots(dataDir)[0]!.id;
    expect(listSlots(dataDir)).toEqual([{ id: derivedId, kind: 'passphrase' }]);
    // Opening reads only: the file stays version 1 until a slot changes.
    const services = await open({ dataDir, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
    expect(keysJson(dataDir)).toEqual(v1);
    expect((await ok(services.admin, 'keys.list', {})).openedBy).toBe(derivedId);
    const made = await ok(services.admin, 'keys.newRecoveryKey', { current: { kind: 'passphrase', passphrase: PASSPHRASE } });
    await services.close();

    const upgraded = keysJson(dataDir);
    expect(upgraded.version).toBe(2);
    expect(upgraded.wrappings).toBeUndefined();
    expect(upgraded.slots).toEqual([{ id: derivedId, ...wrapping }, expect.objectContaining({ kind: 'recovery', id: made.slot.id })]);
    expect(await opensWith(dataDir, { kind: 'passphrase', passphrase: PASSPHRASE })).toBe(0);
    expect(await opensWith(dataDir, { kind: 'recovery', recoveryKey: made.recoveryKey })).toBe(0);
  });

  it('a damaged keys.json is refused as before (KEY_FILE_DAMAGED), and the directory is left as it is', async () => {
    const dataDir = tempDataDir();
    await (await openServices({ dataDir, verifyOnOpen: false })).close();
    const good = keysJson(dataDir);
    const damaged: unknown[] = [
      '{ not json',
      { ...good, slots: [] },
      { ...good, slots: [good.slots[0], { ...good.slots[1], id: good.slots[0]!.id }] },
      { ...good, slots: [{ ...good.slots[0], kind: 'fingerprint' }] },
      { ...good, slots: [{ ...good.slots[0], N: 2 ** 24 }] },
      { ...good, version: 3 },
      { ...good, version: 1 },
    ];
    for (const content of damaged) {
      writeFileSync(join(dataDir, 'keys.json'), typeof content === 'string' ? content : JSON.stringify(content));
      const before = fingerprint(dataDir);
      await expect(openServices({ dataDir, verifyOnOpen: false }), JSON.stringify(content).slice(0, 80)).rejects.toMatchObject({ code: 'KEY_FILE_DAMAGED' });
      expect(fingerprint(dataDir)).toEqual(before);
    }
  });
});

/** The command line as a user runs it: `npm run cli -- keys …`, a real process. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const { PUSIAUKELE_PASSPHRASE: _p, ...rest } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { env: { ...rest, PUSIAUKELE_PASSWORD: ADMIN.password, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the key slots on the command line (issue 16: npm run cli -- keys)', () => {
  it('lists the slots, makes a new recovery key, opens with it and removes the passphrase\'s slot; enrol is the desktop\'s', async () => {
    const dataDir = tempDataDir();
    await (await open({ dataDir, key: { kind: 'passphrase', passphrase: PASSPHRASE } })).close();
    const byPassphrase = { PUSIAUKELE_PASSPHRASE: PASSPHRASE };

    const listed = await cli(['keys', 'list', '--data', dataDir, '--user', 'admin'], byPassphrase);
    expect(listed.code, listed.stderr).toBe(0);
    const [passphraseSlot, recoverySlot] = listSlots(dataDir);
    expect(listed.stdout).toContain(`${passphraseSlot!.id}  slaptafrazė`);
    expect(listed.stdout).toContain('(atidarė šį kartą)');
    expect(listed.stdout).toContain(`${recoverySlot!.id}  atkūrimo raktas`);

    const made = await cli(['keys', 'add-recovery', '--data', dataDir, '--user', 'admin'], byPassphrase);
    expect(made.code, made.stderr).toBe(0);
    const recoveryKey = /(\d{6}(?:-\d{6}){7})/.exec(made.stdout)![1]!;
    expect(made.stdout).toContain(`senasis ${recoverySlot!.id} nebegalioja`);

    // Opened by the recovery key, the passphrase's slot is not the opening one: removed without --confirm.
    const removed = await cli(['keys', 'remove', passphraseSlot!.id, '--data', dataDir, '--user', 'admin'], { PUSIAUKELE_RECOVERY_KEY: recoveryKey });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Pašalinta rakto vieta ${passphraseSlot!.id} (slaptafrazė)`);
    await expect(openServices({ dataDir, key: { kind: 'passphrase', passphrase: PASSPHRASE } })).rejects.toMatchObject({ code: 'KEY_NOT_AVAILABLE' });

    // The last slot stays, whatever is asked.
    const last = await cli(['keys', 'remove', listSlots(dataDir)[0]!.id, '--confirm', '--data', dataDir, '--user', 'admin'], { PUSIAUKELE_RECOVERY_KEY: recoveryKey });
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('Klaida KEY_SLOT_LAST');

    const enrol = await cli(['keys', 'enrol'], {});
    expect(enrol.code).toBe(2);
    expect(enrol.stderr).toContain('KEY_WORKSTATION_UNAVAILABLE');
    expect(listSlots(dataDir).map((s) => s.kind)).toEqual(['recovery']);
  }, 60_000);

  it('the terminal takes the recovery key typed instead of the passphrase, and names a mistyped group', async () => {
    const dataDir = tempDataDir();
    await (await openServices({ dataDir, verifyOnOpen: false })).close();
    const typing = (answer: string) => {
      const input = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode: (mode: boolean) => ((input.isRaw = mode), input) });
      const output = new PassThrough();
      output.on('data', (chunk: Buffer) => chunk.toString().endsWith(': ') && setImmediate(() => input.write(`${answer}\r`)));
      return { input, output };
    };
    const key = newRecoveryKey();
    expect(await terminalKey(dataDir, {}, typing(key.replace(/-/g, ' ')))).toEqual({ kind: 'recovery', recoveryKey: key.replace(/-/g, ' ') });
    expect(await terminalKey(dataDir, {}, typing('slapta frazė 2026'))).toEqual({ kind: 'passphrase', passphrase: 'slapta frazė 2026' });
    const typo = `${key.slice(0, -1)}${(Number(key.at(-1)) + 1) % 10}`;
    await expect(openServices({ dataDir, key: await terminalKey(dataDir, {}, typing(typo)) })).rejects.toMatchObject({ code: 'RECOVERY_KEY_MISTYPED', params: { group: 8 } });
  });
});
