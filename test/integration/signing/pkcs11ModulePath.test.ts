// Issue 16, "The card module runs apart": the module path accepts only a file in a system location
// not writable by the user. A link is judged by its target; the file and every folder above it must
// be root's and writable by no group and no other user. Checked by the rule itself, again before
// every load (openPkcs11 and the card process itself), with real files under /usr/lib.
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs11 } from '../../../electron/services/signing/pkcs11';
import { checkModulePath, insideFolder, POSIX_SYSTEM_LIBRARY_FOLDERS, windowsModuleAllowed } from '../../../electron/services/signing/pkcs11ModulePath';
import { SOFTHSM_MODULE, softHsmForSuite } from '../../helpers/softhsm';
import { systemFolder, type SystemFolder } from '../../helpers/systemFolder';

const refusal = (path: string): { code: string; params?: unknown; message: string } => {
  try {
    checkModulePath(path);
  } catch (e) {
    return e as { code: string; params?: unknown; message: string };
  }
  throw new Error(`${path} was accepted`);
};

describe('which card module may be loaded (issue 16)', () => {
  let system: SystemFolder;
  let outside: string;

  beforeAll(() => {
    system = systemFolder();
    // A user's folder: the place an administrator of the app could write a library of their own.
    outside = mkdtempSync(join(tmpdir(), 'pusiaukele-module-'));
    copyFileSync(SOFTHSM_MODULE, join(outside, 'libkortele.so'));
  });
  afterAll(() => {
    system.remove();
    rmSync(outside, { recursive: true, force: true });
  });
  afterEach(() => {
    chmodSync(system.dir, 0o755);
    chownSync(system.dir, 0, 0);
    chmodSync(system.module, 0o644);
    chownSync(system.module, 0, 0);
  });

  it("accepts SoftHSM2's module as installed, and names the real file behind its link", () => {
    expect(checkModulePath(SOFTHSM_MODULE)).toBe('/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so');
    expect(checkModulePath(system.module)).toBe(system.module);
  });

  it('refuses a library in a folder the user may write (a temp folder), naming the system folders', () => {
    const error = refusal(join(outside, 'libkortele.so'));
    expect(error.code).toBe('PKCS11_MODULE_OUTSIDE_SYSTEM');
    expect(error.message).toContain('sistemos bibliotekų aplanke');
    expect(error.message).toContain('/usr/lib');
  });

  it('judges a link in /usr/lib by its target: a link to /tmp is outside', () => {
    const link = join(system.dir, 'libnuoroda.so');
    symlinkSync(join(outside, 'libkortele.so'), link);
    const error = refusal(link);
    expect(error.code).toBe('PKCS11_MODULE_OUTSIDE_SYSTEM');
    expect(error.params).toMatchObject({ modulePath: link, resolved: join(outside, 'libkortele.so') });
    expect(error.message).toContain(`veda į „${join(outside, 'libkortele.so')}“`);
  });

  it('refuses a path climbing out of /usr/lib with ..', () => {
    expect(refusal(`/usr/lib/../..${outside}/libkortele.so`).code).toBe('PKCS11_MODULE_OUTSIDE_SYSTEM');
  });

  it('refuses a relative path, a missing file and a folder', () => {
    expect(refusal('libsofthsm2.so').code).toBe('PKCS11_MODULE_NOT_ABSOLUTE');
    expect(refusal('/usr/lib/nera/libpkcs11.so')).toMatchObject({ code: 'PKCS11_MODULE_MISSING', message: expect.stringContaining('/usr/lib/nera/libpkcs11.so') });
    expect(refusal(system.dir).code).toBe('PKCS11_MODULE_NOT_FILE');
  });

  it('refuses a module another user owns, or a group or everyone may write', () => {
    chownSync(system.module, 1000, 1000);
    expect(refusal(system.module)).toMatchObject({ code: 'PKCS11_MODULE_WRITABLE', params: { path: system.module, by: 'owner' } });
    chownSync(system.module, 0, 0);
    chmodSync(system.module, 0o664);
    expect(refusal(system.module)).toMatchObject({ code: 'PKCS11_MODULE_WRITABLE', params: { by: 'group' } });
    chmodSync(system.module, 0o646);
    const error = refusal(system.module);
    expect(error).toMatchObject({ code: 'PKCS11_MODULE_WRITABLE', params: { by: 'others' } });
    expect(error.message).toContain('gali keisti bet kuris naudotojas');
  });

  it('refuses a root-owned module in a folder someone else may change (they could swap the file)', () => {
    chmodSync(system.dir, 0o757);
    expect(refusal(system.module)).toMatchObject({ code: 'PKCS11_MODULE_WRITABLE', params: { path: system.dir, by: 'others' } });
    chmodSync(system.dir, 0o755);
    chownSync(system.dir, 1000, 1000);
    expect(refusal(system.module)).toMatchObject({ code: 'PKCS11_MODULE_WRITABLE', params: { path: system.dir, by: 'owner' } });
  });

  it('a nested folder of the user under /usr/lib is refused too: every folder up to the root is looked at', () => {
    const nested = join(system.dir, 'vendor', 'lib');
    mkdirSync(nested, { recursive: true, mode: 0o755 });
    chownSync(join(system.dir, 'vendor'), 1000, 1000);
    const module = join(nested, 'libkortele.so');
    writeFileSync(module, 'x', { mode: 0o644 });
    try {
      expect(refusal(module)).toMatchObject({ code: 'PKCS11_MODULE_WRITABLE', params: { path: join(system.dir, 'vendor') } });
    } finally {
      rmSync(join(system.dir, 'vendor'), { recursive: true, force: true });
    }
  });

  it('the folders the rule allows are system ones, and a sibling with a longer name is not inside one', () => {
    expect(POSIX_SYSTEM_LIBRARY_FOLDERS).toEqual(expect.arrayContaining(['/usr/lib', '/usr/lib64', '/lib', '/lib64', '/usr/local/lib', '/opt']));
    expect(insideFolder('/usr/lib/x.so', '/usr/lib', 'linux')).toBe(true);
    expect(insideFolder('/usr/libevil/x.so', '/usr/lib', 'linux')).toBe(false);
    expect(insideFolder('/usr/lib', '/usr/lib', 'linux')).toBe(false);
    // Windows compares without case, as its file system does.
    expect(insideFolder('C:\\Program Files\\OpenSC\\opensc-pkcs11.dll', 'c:\\program files', 'win32')).toBe(true);
    expect(insideFolder('C:\\Users\\ona\\opensc-pkcs11.dll', 'C:\\Program Files', 'win32')).toBe(false);
  });

  it('on Windows, under the system folder only System32 and SysWOW64 themselves: its folders every user may write to are refused', () => {
    const env = { SystemRoot: 'C:\\Windows' };
    expect(windowsModuleAllowed('C:\\Windows\\System32\\opensc-pkcs11.dll', env)).toBe(true);
    expect(windowsModuleAllowed('c:\\windows\\syswow64\\opensc-pkcs11.dll', env)).toBe(true);
    for (const planted of ['C:\\Windows\\Tasks\\evil.dll', 'C:\\Windows\\Temp\\evil.dll', 'C:\\Windows\\System32\\spool\\drivers\\color\\evil.dll', 'C:\\Windows\\tracing\\evil.dll']) {
      expect(windowsModuleAllowed(planted, env), planted).toBe(false);
    }
    expect(windowsModuleAllowed('C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll', env)).toBe(true);
  });

  describe('checked again before every load', () => {
    const hsm = softHsmForSuite(beforeAll, afterAll);

    it('a module that was fine when saved and became writable since is not loaded', async () => {
      const signer = await openPkcs11({ modulePath: system.module, pin: hsm.token.pin, keyLabel: 'ec' });
      await signer.close();
      chmodSync(system.module, 0o666);
      await expect(openPkcs11({ modulePath: system.module, pin: hsm.token.pin, keyLabel: 'ec' })).rejects.toMatchObject({ code: 'PKCS11_MODULE_WRITABLE' });
    });

    it('a library outside the system folders is not loaded, with a clear Lithuanian refusal', async () => {
      await expect(openPkcs11({ modulePath: join(outside, 'libkortele.so'), pin: hsm.token.pin })).rejects.toMatchObject({
        code: 'PKCS11_MODULE_OUTSIDE_SYSTEM',
        message: expect.stringContaining('Kortelės tvarkyklė turi būti sistemos bibliotekų aplanke'),
      });
    });
  });
});
