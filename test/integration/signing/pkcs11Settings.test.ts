// Issue 16, "The card module runs apart": the module path is an administrator setting, and changing
// it needs the administrator's password again (checked with the users' hashing, a wrong one counted
// like a failed sign-in) and is audited from what to what. Only a file in a system location is
// accepted. Through the real dispatch, on a real data directory.
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../../electron/cli/demoData';
import { openServices, type Services } from '../../../electron/services/index';
import { MAX_FAILED_ATTEMPTS } from '../../../electron/services/users/app';
import { ok, refused } from '../../helpers/dataDir';
import { SOFTHSM_MODULE } from '../../helpers/softhsm';
import { systemFolder, type SystemFolder } from '../../helpers/systemFolder';
import { ADMIN, as, firstAdministrator, signedIn } from '../../helpers/users';

const TODAY = '2026-11-23';
const SIGNING = { pkcs11Module: '', timestampUrl: '', trustedRoots: '' };

describe('changing the card module needs the password again and is audited (issue 16)', () => {
  let services: Services;
  let admin: ReturnType<typeof as>;
  let adminSession: string;
  let system: SystemFolder;
  let dataRoot: string;

  const current = async () => (await ok(admin, 'settings.get', {}))!;
  const withModule = async (pkcs11Module: string, extra: object = {}) => {
    const settings = await current();
    return { ...settings, signing: { ...SIGNING, ...settings.signing, pkcs11Module }, ...extra };
  };
  const storedModule = async () => (await current()).signing?.pkcs11Module ?? '';
  /** The wrong passwords left before the lockout, as a wrong one now is told (it spends one). */
  const attemptsLeftAfterOneMore = async () => {
    const error = await refused(admin, 'settings.save', await withModule(SOFTHSM_MODULE, { modulePassword: 'dar-vienas-spejimas' }));
    expect(error.code).toBe('MODULE_PASSWORD_WRONG');
    return (error.params as { attemptsLeft: number }).attemptsLeft;
  };

  beforeAll(async () => {
    system = systemFolder();
    // One data directory for the whole file (tempDataDir's are removed after each test).
    dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-module-setting-'));
    services = await openServices({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
    adminSession = await firstAdministrator(services);
    admin = as(services, adminSession);
    await ok(admin, 'settings.save', { ...DEMO_SETTINGS, revision: 0, signing: SIGNING });
  });
  afterAll(async () => {
    await services?.close();
    system.remove();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('a change without the password is refused, under the password field, and nothing is saved', async () => {
    const error = await refused(admin, 'settings.save', await withModule(SOFTHSM_MODULE));
    expect(error.code).toBe('MODULE_PASSWORD_REQUIRED');
    expect(error.message).toContain('dar kartą įvedus savo slaptažodį');
    expect(error.params).toMatchObject({ fields: [{ path: 'modulePassword' }] });
    expect(await storedModule()).toBe('');
  });

  it('a wrong password is refused, counted like a failed sign-in, and nothing is saved', async () => {
    const error = await refused(admin, 'settings.save', await withModule(SOFTHSM_MODULE, { modulePassword: 'ne-tas-slaptazodis' }));
    expect(error.code).toBe('MODULE_PASSWORD_WRONG');
    expect(error.params).toMatchObject({ attemptsLeft: MAX_FAILED_ATTEMPTS - 1 });
    expect(error.message).toContain(`Liko bandymų: ${MAX_FAILED_ATTEMPTS - 1}`);
    expect(await storedModule()).toBe('');
    // The count is the sign-in's own: a wrong password to unlock the screen counts on from it.
    const unlock = await refused(admin, 'auth.unlock', { password: 'ne-tas-slaptazodis' });
    expect(unlock).toMatchObject({ code: 'WRONG_CREDENTIALS', params: { attemptsLeft: MAX_FAILED_ATTEMPTS - 2 } });
  });

  it('the right password saves the change, clears the count, and the audit trail says from what to what', async () => {
    const saved = await ok(admin, 'settings.save', await withModule(SOFTHSM_MODULE, { modulePassword: ADMIN.password }));
    expect(saved.signing?.pkcs11Module).toBe(SOFTHSM_MODULE);
    // The password is not a setting: it is neither stored nor given back.
    expect(JSON.stringify(saved)).not.toContain(ADMIN.password);
    expect(JSON.stringify(await current())).not.toContain(ADMIN.password);

    const entries = await ok(admin, 'audit.list', {});
    const entry = entries.find((e) => e.method === 'settings.save' && e.summary?.includes('kortelės tvarkyklė'));
    expect(entry?.summary).toContain(`nenurodyta → „${SOFTHSM_MODULE}“`);
    expect(JSON.stringify(entries)).not.toContain(ADMIN.password);

    // From one module to another: both named.
    await ok(admin, 'settings.save', await withModule(system.module, { modulePassword: ADMIN.password }));
    const again = (await ok(admin, 'audit.list', {})).filter((e) => e.method === 'settings.save' && e.summary?.includes('kortelės tvarkyklė'));
    expect(again.some((e) => e.summary?.includes(`„${SOFTHSM_MODULE}“ → „${system.module}“`))).toBe(true);
  });

  it('a save that leaves the module as it is needs no password', async () => {
    const settings = await current();
    const saved = await ok(admin, 'settings.save', { ...settings, institution: { ...settings.institution, places: settings.institution.places + 1 } });
    expect(saved.signing?.pkcs11Module).toBe(system.module);
  });

  it('a path outside the system folders is refused even with the right password, and spends no attempt', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pusiaukele-module-'));
    const copied = join(outside, 'libkortele.so');
    copyFileSync(SOFTHSM_MODULE, copied);
    const link = join(system.dir, 'libnuoroda.so');
    symlinkSync(copied, link);
    const save = async (pkcs11Module: string) => refused(admin, 'settings.save', await withModule(pkcs11Module, { modulePassword: ADMIN.password }));
    try {
      // A library a user could have written: in a temp folder, or behind a link in /usr/lib.
      const error = await save(copied);
      expect(error.code).toBe('PKCS11_MODULE_OUTSIDE_SYSTEM');
      expect(error.message).toContain('sistemos bibliotekų aplanke');
      expect((await save(link)).code).toBe('PKCS11_MODULE_OUTSIDE_SYSTEM');
      expect((await save(join(outside, 'nera.so'))).code).toBe('PKCS11_MODULE_MISSING');
      expect((await save('libsofthsm2.so')).code).toBe('PKCS11_MODULE_NOT_ABSOLUTE');
      expect((await save(system.dir)).code).toBe('PKCS11_MODULE_NOT_FILE');
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(link, { force: true });
    }
    expect(await storedModule()).toBe(system.module);
    // The right password cleared the count, and none of the refused paths spent an attempt.
    expect(await attemptsLeftAfterOneMore()).toBe(MAX_FAILED_ATTEMPTS - 1);
  });

  it('clearing the module is a change too: it needs the password', async () => {
    expect((await refused(admin, 'settings.save', await withModule(''))).code).toBe('MODULE_PASSWORD_REQUIRED');
    await ok(admin, 'settings.save', await withModule('', { modulePassword: ADMIN.password }));
    expect(await storedModule()).toBe('');
  });

  it('another administrator cannot change it with the first one’s password, nor guess on: five wrong ones sign them out and lock the account', async () => {
    const secondSession = await signedIn(services, adminSession, 'administratore', ['administrator']);
    const second = as(services, secondSession);
    const input = async (modulePassword: string) => {
      const settings = (await ok(second, 'settings.get', {}))!;
      return { ...settings, signing: { ...SIGNING, ...settings.signing, pkcs11Module: SOFTHSM_MODULE }, modulePassword };
    };
    // Their own password is 'Naujas-administratore-2' (test/helpers/users.ts); the first one's is not theirs.
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const error = await refused(second, 'settings.save', await input(ADMIN.password));
      expect(error).toMatchObject({ code: 'MODULE_PASSWORD_WRONG', params: { attemptsLeft: MAX_FAILED_ATTEMPTS - i } });
    }
    const last = await refused(second, 'settings.save', await input('spejimas'));
    expect(last).toMatchObject({ code: 'MODULE_PASSWORD_WRONG', params: { attemptsLeft: 0 } });
    expect(last.message).toContain('jūs atjungtas');
    // Signed out: the session no longer works.
    expect((await refused(second, 'settings.get', {})).code).toBe('UNAUTHENTICATED');
    // And the next sign-in, even with the right password, finds the account locked.
    const signIn = await refused(services.dispatch, 'auth.login', { username: 'administratore', password: 'Naujas-administratore-2' });
    expect(signIn.code).toBe('ACCOUNT_LOCKED');
    expect(await storedModule()).toBe('');
  });

  it('a stale save is refused as stale before any password is asked for or counted', async () => {
    const settings = await current();
    await ok(admin, 'settings.save', { ...settings, institution: { ...settings.institution, places: settings.institution.places + 1 } });
    const error = await refused(admin, 'settings.save', { ...settings, signing: { ...SIGNING, pkcs11Module: SOFTHSM_MODULE }, modulePassword: 'ne-tas' });
    expect(error.code).toBe('STALE_REVISION');
    expect(await attemptsLeftAfterOneMore()).toBe(MAX_FAILED_ATTEMPTS - 1);
  });
});
