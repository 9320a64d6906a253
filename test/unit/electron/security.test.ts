import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StubWebContents, app, protocol, session, stubEvent } from '../../stubs/electron';
import { cleanUp, launch, mainWindow } from './harness';

afterEach(cleanUp);

const OUTSIDE = [
  'https://example.com/',
  'http://127.0.0.1:5173/index.html',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://pusiaukele.example.com/index.html',
  'app://pusiaukele@evil/index.html',
  'app://pusiaukele:8080/index.html',
  'javascript:alert(1)',
  'not a url',
];

describe('window security', () => {
  it('the window is sandboxed and isolated, without Node, and loads only the bundled preload', async () => {
    const { appPath } = await launch();
    expect(mainWindow().options.webPreferences).toEqual({
      preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('app:// is registered as a standard, secure scheme with fetch, before the app is ready', async () => {
    await launch();
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('every permission request is refused and every permission check fails', async () => {
    await launch();
    const { permissionRequestHandler, permissionCheckHandler } = session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      const answers: boolean[] = [];
      permissionRequestHandler?.({}, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(permissionCheckHandler?.({}, permission, 'app://pusiaukele', {}), permission).toBe(false);
    }
    expect(permissionRequestHandler).not.toBeNull();
    expect(permissionCheckHandler).not.toBeNull();
  });

  describe('web contents', () => {
    it.each(['will-navigate', 'will-redirect'])('%s away from app://pusiaukele is prevented', async (eventName) => {
      await launch();
      const { webContents } = mainWindow();
      for (const url of OUTSIDE) {
        const event = stubEvent({ url });
        webContents.emit(eventName, event, url);
        expect(event.defaultPrevented, url).toBe(true);
      }
    });

    it.each(['will-navigate', 'will-redirect'])('%s within app://pusiaukele is allowed', async (eventName) => {
      await launch();
      const { webContents } = mainWindow();
      for (const url of ['app://pusiaukele/index.html', 'app://pusiaukele/index.html#/bylos/1']) {
        const event = stubEvent({ url });
        webContents.emit(eventName, event, url);
        expect(event.defaultPrevented, url).toBe(false);
      }
    });

    it('window.open is denied, whatever the URL', async () => {
      await launch();
      const { webContents } = mainWindow();
      for (const url of ['app://pusiaukele/index.html', ...OUTSIDE]) {
        expect(webContents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
      }
    });

    it('<webview> attachment is prevented', async () => {
      await launch();
      const event = stubEvent();
      mainWindow().webContents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
      expect(event.defaultPrevented).toBe(true);
    });

    it('the same rules apply to any web contents created later, not only the main window', async () => {
      await launch();
      const spawned = new StubWebContents();
      app.emit('web-contents-created', stubEvent(), spawned);
      const navigation = stubEvent({ url: 'https://example.com/' });
      spawned.emit('will-navigate', navigation, navigation.url);
      expect(navigation.defaultPrevented).toBe(true);
      expect(spawned.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      const webview = stubEvent();
      spawned.emit('will-attach-webview', webview);
      expect(webview.defaultPrevented).toBe(true);
    });
  });
});
