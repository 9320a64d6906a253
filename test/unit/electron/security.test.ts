import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserWindow, StubWebContents, app, protocol, session, stubEvent, type StubHandlerDetails } from '../../stubs/electron';
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
      disableBlinkFeatures: 'Auxclick',
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
    // will-navigate: the main frame; will-frame-navigate: any frame (issue 16); will-redirect: a server redirect.
    it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s away from app://pusiaukele is prevented', async (eventName) => {
      await launch();
      const { webContents } = mainWindow();
      for (const url of OUTSIDE) {
        const event = stubEvent({ url, isMainFrame: true });
        webContents.emit(eventName, event, url);
        expect(event.defaultPrevented, url).toBe(true);
      }
    });

    it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within app://pusiaukele is allowed', async (eventName) => {
      await launch();
      const { webContents } = mainWindow();
      for (const url of ['app://pusiaukele/index.html', 'app://pusiaukele/index.html#/bylos/1']) {
        const event = stubEvent({ url, isMainFrame: true });
        webContents.emit(eventName, event, url);
        expect(event.defaultPrevented, url).toBe(false);
      }
    });

    it('issue 16: a frame inside the page cannot be navigated away either (will-frame-navigate)', async () => {
      await launch();
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'blob:https://evil/1']) {
        const event = stubEvent({ url, isMainFrame: false });
        mainWindow().webContents.emit('will-frame-navigate', event);
        expect(event.defaultPrevented, url).toBe(true);
      }
    });

    it('issue 16: a file or a link dropped on the window does not navigate to it', async () => {
      await launch();
      const window = mainWindow();
      // Chromium's own drop navigation is off …
      expect(window.options.webPreferences?.navigateOnDragDrop).toBe(false);
      // … and the navigation a drop would start, to the file's or the link's address, is refused.
      for (const url of ['file:///home/sekretore/Dokumentai/prasymas.pdf', 'file:///C:/Users/sekretore/prasymas.pdf', 'https://example.com/byla']) {
        for (const eventName of ['will-navigate', 'will-frame-navigate']) {
          const event = stubEvent({ url, isMainFrame: true });
          window.webContents.emit(eventName, event, url);
          expect(event.defaultPrevented, `${eventName} ${url}`).toBe(true);
        }
      }
    });

    it('window.open is denied, whatever the URL', async () => {
      await launch();
      const { webContents } = mainWindow();
      for (const url of ['app://pusiaukele/index.html', ...OUTSIDE]) {
        expect(webContents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
      }
    });

    // What Electron hands the window-open handler for each way a page can ask for a new window:
    // only the disposition (and a form's post body) tells them apart.
    const referrer = { url: 'app://pusiaukele/index.html', policy: 'strict-origin-when-cross-origin' };
    const NEW_WINDOW_PATHS: Array<[string, StubHandlerDetails]> = [
      ["window.open(url)", { url: 'https://example.com/', frameName: '', features: '', disposition: 'foreground-tab', referrer }],
      ["window.open(url, name, 'popup')", { url: 'https://example.com/', frameName: 'x', features: 'popup,width=400', disposition: 'new-window', referrer }],
      ['a link with target=_blank', { url: 'https://example.com/', frameName: '_blank', features: '', disposition: 'foreground-tab', referrer }],
      ['a middle-click (auxclick) on a link', { url: 'https://example.com/', frameName: '', features: '', disposition: 'background-tab', referrer }],
      ['a ctrl-click on a link', { url: 'https://example.com/', frameName: '', features: '', disposition: 'background-tab', referrer }],
      ['a shift-click on a link', { url: 'https://example.com/', frameName: '', features: '', disposition: 'new-window', referrer }],
      ['a ctrl-shift-click on a link', { url: 'https://example.com/', frameName: '', features: '', disposition: 'foreground-tab', referrer }],
      ['a middle-click on a link of the app itself', { url: 'app://pusiaukele/index.html#/bylos/1', frameName: '', features: '', disposition: 'background-tab', referrer }],
      ['a middle-click on a file link', { url: 'file:///etc/passwd', frameName: '', features: '', disposition: 'background-tab', referrer }],
      [
        'a form posted with target=_blank',
        {
          url: 'https://example.com/collect',
          frameName: '_blank',
          features: '',
          disposition: 'foreground-tab',
          referrer,
          postBody: { data: [{ type: 'rawData', bytes: Buffer.from('vardas=Jonas') }], contentType: 'application/x-www-form-urlencoded' },
        },
      ],
    ];

    it.each(NEW_WINDOW_PATHS)('issue 16: no new window for %s', async (_path, details) => {
      await launch();
      expect(mainWindow().webContents.windowOpenHandler?.(details)).toEqual({ action: 'deny' });
    });

    it('issue 16: a window created in spite of the handler is destroyed before it shows, and is locked down meanwhile', async () => {
      await launch();
      const window = mainWindow();
      const spawned = new BrowserWindow({ show: false });
      // Electron applies 'web-contents-created' to the new window's contents before anything loads in it.
      const navigation = stubEvent({ url: 'https://example.com/', isMainFrame: true });
      spawned.webContents.emit('will-navigate', navigation, navigation.url);
      expect(navigation.defaultPrevented).toBe(true);
      window.webContents.emit('did-create-window', spawned, { url: 'https://example.com/', frameName: '', options: {}, disposition: 'new-window' });
      expect(spawned.isDestroyed()).toBe(true);
      expect(spawned.visible).toBe(false);
      // The app's own window is untouched.
      expect(window.isDestroyed()).toBe(false);
    });

    // Issue 17: the meeting on the projector is the one window the app opens itself.
    const PROJECTOR = 'app://pusiaukele/index.html#/meetings/3f2a-11/projector';
    const NOT_PROJECTOR = [
      'app://pusiaukele/index.html#/meetings/3f2a-11',
      'app://pusiaukele/index.html#/meetings/3f2a-11/projector/more',
      'app://pusiaukele/index.html#/meetings//projector',
      'app://pusiaukele/index.html?next=https://example.com/#/meetings/3f2a-11/projector',
      'app://pusiaukele/other.html#/meetings/3f2a-11/projector',
      'app://evil/index.html#/meetings/3f2a-11/projector',
      'app://pusiaukele@evil/index.html#/meetings/3f2a-11/projector',
      'https://example.com/index.html#/meetings/3f2a-11/projector',
      'file:///index.html#/meetings/3f2a-11/projector',
    ];

    it('issue 17: the projector window of a meeting opens, with the main window’s sandboxed, isolated preferences', async () => {
      const { appPath } = await launch();
      const window = mainWindow();
      const answer = window.webContents.windowOpenHandler?.({ url: PROJECTOR, frameName: 'pusiaukele-projector', features: 'popup', disposition: 'new-window', referrer });
      expect(answer).toEqual({
        action: 'allow',
        overrideBrowserWindowOptions: {
          title: 'Pusiaukelė – projektorius',
          width: 1280,
          height: 720,
          autoHideMenuBar: true,
          backgroundColor: '#ffffff',
          webPreferences: window.options.webPreferences,
        },
      });
      expect(window.options.webPreferences?.preload).toBe(join(appPath, 'dist', 'electron', 'preload.cjs'));
    });

    it('issue 17: any other address that looks like the projector is still refused', async () => {
      await launch();
      for (const url of NOT_PROJECTOR) {
        expect(mainWindow().webContents.windowOpenHandler?.({ url, frameName: 'pusiaukele-projector', features: 'popup', disposition: 'new-window', referrer }), url).toEqual({ action: 'deny' });
      }
    });

    it('issue 17: the projector window, once created, is kept and locked down like every other; any other created window is destroyed', async () => {
      await launch();
      const window = mainWindow();
      const projector = new BrowserWindow({ show: false });
      window.webContents.emit('did-create-window', projector, { url: PROJECTOR, frameName: 'pusiaukele-projector', options: {}, disposition: 'new-window' });
      expect(projector.isDestroyed()).toBe(false);
      const away = stubEvent({ url: 'https://example.com/', isMainFrame: true });
      projector.webContents.emit('will-navigate', away, away.url);
      expect(away.defaultPrevented).toBe(true);
      expect(projector.webContents.windowOpenHandler?.({ url: 'https://example.com/', disposition: 'new-window' })).toEqual({ action: 'deny' });
      for (const url of NOT_PROJECTOR) {
        const other = new BrowserWindow({ show: false });
        window.webContents.emit('did-create-window', other, { url, frameName: '', options: {}, disposition: 'new-window' });
        expect(other.isDestroyed(), url).toBe(true);
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
      for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        const navigation = stubEvent({ url: 'https://example.com/', isMainFrame: true });
        spawned.emit(eventName, navigation, navigation.url);
        expect(navigation.defaultPrevented, eventName).toBe(true);
      }
      expect(spawned.windowOpenHandler?.({ url: 'https://example.com/', disposition: 'background-tab' })).toEqual({ action: 'deny' });
      const webview = stubEvent();
      spawned.emit('will-attach-webview', webview, {}, { src: 'https://example.com/' });
      expect(webview.defaultPrevented).toBe(true);
      const window = new BrowserWindow({ show: false });
      spawned.emit('did-create-window', window, { url: 'https://example.com/' });
      expect(window.isDestroyed()).toBe(true);
    });
  });
});
