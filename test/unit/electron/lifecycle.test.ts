import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openServices } from '../../../electron/services/index';
import { osSecretStoreKey } from '../../../electron/main/secretStore';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, resetElectronStub, safeStorage, stubEvent } from '../../stubs/electron';
import { cleanUp, invokeFrom, launch, mainWindow, quit, tempDir } from './harness';

afterEach(cleanUp);

describe('Electron shell lifecycle', () => {
  it('enables the sandbox for every renderer before the app is ready', async () => {
    await launch();
    // the stub throws if enableSandbox() comes after 'ready', so reaching here proves the order
    expect(app.sandboxEnabled).toBe(true);
  });

  it('opens one window titled Pusiaukelė on app://pusiaukele/index.html, shown once ready', async () => {
    await launch();
    expect(BrowserWindow.created).toHaveLength(1);
    const window = mainWindow();
    expect(window.options.title).toBe('Pusiaukelė');
    expect(window.options.show).toBe(false);
    expect(window.loadedUrls).toEqual(['app://pusiaukele/index.html']);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('installs a Lithuanian application menu', async () => {
    await launch();
    const labels = Menu.applicationMenu?.template.map((item) => item.label);
    expect(labels).toEqual(['Failas', 'Taisa', 'Rodinys', 'Langas']);
    const quitItem = Menu.applicationMenu?.template[0]?.submenu?.[0];
    expect(quitItem).toEqual({ role: 'quit', label: 'Išeiti' });
  });

  describe('single instance', () => {
    it('takes the single-instance lock', async () => {
      await launch();
      expect(app.singleInstanceLockRequested).toBe(true);
      expect(app.quitCount).toBe(0);
    });

    it('a second instance quits at once: no window, no protocol, no services', async () => {
      await launch({ lock: false });
      expect(app.quitCount).toBe(1);
      expect(BrowserWindow.created).toHaveLength(0);
      expect(protocol.handlers.size).toBe(0);
      expect(ipcMain.handlers.size).toBe(0);
      expect(app.listenerCount('will-quit')).toBe(0);
    });

    it('when a second instance starts, the running window is restored, shown and focused', async () => {
      await launch();
      const window = mainWindow();
      window.minimized = true;
      app.emit('second-instance', stubEvent(), ['electron', '.'], '/');
      expect(window.minimized).toBe(false);
      expect(window.visible).toBe(true);
      expect(window.focusCount).toBe(1);
    });

    it('a second instance arriving after the window closed does nothing', async () => {
      await launch();
      const window = mainWindow();
      window.close();
      app.emit('second-instance', stubEvent(), ['electron', '.'], '/');
      expect(window.focusCount).toBe(0);
    });
  });

  describe('data directory and services', () => {
    it('opens the services on the --data directory', async () => {
      const { dataDir } = await launch();
      const info = await invokeFrom('app://pusiaukele/index.html', 'app.info');
      expect(info).toMatchObject({ ok: true, value: { dataDir } });
    });

    it('when the data directory is locked by another process: error box in Lithuanian with the code, then quit', async () => {
      const dataDir = join(await tempDir('locked'), 'data');
      const owner = await openServices({ dataDir });
      try {
        await launch({ dataDir });
        expect(dialog.errorBoxes).toHaveLength(1);
        const [box] = dialog.errorBoxes;
        expect(box?.title).toBe('Pusiaukelė — nepavyko paleisti');
        expect(box?.content).toContain('Šį duomenų katalogą jau naudoja');
        expect(box?.content).toContain('Klaidos kodas: DATA_DIR_LOCKED');
        expect(app.quitCount).toBe(1);
        expect(BrowserWindow.created).toHaveLength(0);
        expect(ipcMain.handlers.size).toBe(0);
      } finally {
        await owner.close();
      }
    });

    it('a data directory that cannot be created is reported with the services\' code', async () => {
      const blocker = join(await tempDir('blocked'), 'file');
      await writeFile(blocker, 'not a directory');
      await launch({ dataDir: join(blocker, 'data') });
      const [box] = dialog.errorBoxes;
      expect(box?.content).toContain('Klaidos kodas: DATA_DIR_UNAVAILABLE');
      expect(app.quitCount).toBe(1);
    });

    it('any other startup failure (here: the page does not load) is reported in Lithuanian as STARTUP_FAILED, then quit', async () => {
      BrowserWindow.loadFailure = new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://pusiaukele/index.html'");
      await launch();
      const [box] = dialog.errorBoxes;
      expect(box?.content).toBe(
        'Programos nepavyko paleisti dėl vidinės klaidos. Duomenys nepakeisti. Pabandykite dar kartą; jei kartojasi, praneškite administratoriui.\n\n' +
          'Klaidos kodas: STARTUP_FAILED',
      );
      expect(box?.content).not.toContain('ERR_FILE_NOT_FOUND');
      expect(app.quitCount).toBe(1);
    });

    it('holds the quit until the services are closed, and the data directory is free again', async () => {
      const { dataDir } = await launch();
      const first = stubEvent();
      app.emit('will-quit', first);
      expect(first.defaultPrevented).toBe(true);
      await vi.waitFor(() => expect(app.quitCount).toBe(1));
      const after = stubEvent();
      app.emit('will-quit', after);
      expect(after.defaultPrevented).toBe(false);
      const reopened = await openServices({ dataDir, key: await osSecretStoreKey() });
      await reopened.close();
    });
  });

  // Issue 16: the desktop app opens a directory its OS secret store does not (made by the browser
  // host, or on another computer) with a passphrase or the recovery key, then offers to enrol this
  // workstation. The stub's safeStorage is this computer's store.
  describe('a directory this workstation is not enrolled in', () => {
    const PASSPHRASE = process.env.PUSIAUKELE_PASSPHRASE!;
    const APP = 'app://pusiaukele/index.html';

    /** A directory the browser host made: a passphrase slot and a recovery slot, no slot of this computer. */
    async function passphraseDirectory(): Promise<string> {
      const dataDir = join(await tempDir('passphrase'), 'data');
      await (await openServices({ dataDir, verifyOnOpen: false })).close();
      return dataDir;
    }

    it('opens the window on the unlock page: every call is refused with DATA_KEY_LOCKED until the passphrase opens it; then it offers to enrol', async () => {
      const dataDir = await passphraseDirectory();
      await launch({ dataDir });
      expect(dialog.errorBoxes).toEqual([]);
      expect(mainWindow().loadedUrls).toEqual([APP]);
      for (const method of ['auth.status', 'app.info', 'keys.enrolAtUnlock']) {
        expect(await invokeFrom(APP, method)).toMatchObject({ ok: false, error: { code: 'DATA_KEY_LOCKED', params: { why: 'notEnrolled' }, message: expect.stringContaining('neįtrauktas') } });
      }
      expect(await invokeFrom(APP, 'keys.unlock', { secret: { kind: 'passphrase', passphrase: 'ne ta slaptafrazė' } })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
      expect(await invokeFrom(APP, 'keys.unlock', { secret: { kind: 'recovery', recoveryKey: '111111-222222' } })).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_MALFORMED' } });
      expect(await invokeFrom(APP, 'keys.unlock', { secret: { kind: 'passphrase', passphrase: PASSPHRASE }, extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      // Only the app's own window may unlock.
      expect(await invokeFrom('https://evil.example/', 'keys.unlock', { secret: { kind: 'passphrase', passphrase: PASSPHRASE } })).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });

      expect(await invokeFrom(APP, 'keys.unlock', { secret: { kind: 'passphrase', passphrase: PASSPHRASE } })).toEqual({ ok: true, value: { enrolOffered: true } });
      expect(await invokeFrom(APP, 'app.info')).toMatchObject({ ok: true, value: { dataDir } });
      expect(await invokeFrom(APP, 'keys.unlock', { secret: { kind: 'passphrase', passphrase: PASSPHRASE } })).toMatchObject({ ok: false, error: { code: 'DATA_KEY_ALREADY_OPEN' } });
      expect(await invokeFrom(APP, 'keys.enrolAtUnlock', { enrol: true })).toMatchObject({ ok: true, value: { slot: { kind: 'os' } } });
      await quit();
      resetElectronStub();

      // Enrolled: the next start opens without asking.
      await launch({ dataDir });
      expect(await invokeFrom(APP, 'app.info')).toMatchObject({ ok: true, value: { dataDir } });
    });

    it('declining the offer leaves the computer out: the next start asks again', async () => {
      const dataDir = await passphraseDirectory();
      await launch({ dataDir });
      await invokeFrom(APP, 'keys.unlock', { secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
      expect(await invokeFrom(APP, 'keys.enrolAtUnlock', { enrol: false })).toEqual({ ok: true, value: { slot: null } });
      await quit();
      resetElectronStub();
      await launch({ dataDir });
      expect(await invokeFrom(APP, 'auth.status')).toMatchObject({ ok: false, error: { code: 'DATA_KEY_LOCKED' } });
    });

    it('without a secret store at all, an existing directory still opens with its passphrase (nothing to enrol); quitting while locked quits at once', async () => {
      const dataDir = await passphraseDirectory();
      safeStorage.available = false;
      await launch({ dataDir });
      expect(dialog.errorBoxes).toEqual([]);
      expect(await invokeFrom(APP, 'auth.status')).toMatchObject({ ok: false, error: { code: 'DATA_KEY_LOCKED', params: { why: 'noSecretStore' } } });
      const first = stubEvent();
      app.emit('will-quit', first);
      expect(first.defaultPrevented).toBe(false);
      resetElectronStub();
      safeStorage.available = false;
      await launch({ dataDir });
      expect(await invokeFrom(APP, 'keys.unlock', { secret: { kind: 'passphrase', passphrase: PASSPHRASE } })).toEqual({ ok: true, value: { enrolOffered: false } });
      expect(await invokeFrom(APP, 'keys.enrolAtUnlock', { enrol: true })).toMatchObject({ ok: false, error: { code: 'KEY_ENROL_NOT_OFFERED' } });
      // The services opened by the unlock are closed on quit like any others: the directory is free again.
      await quit();
      await (await openServices({ dataDir, verifyOnOpen: false })).close();
    });
  });
});
