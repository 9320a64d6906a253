import { app, session, type BrowserWindow, type HandlerDetails, type WebContents, type WindowOpenHandlerResponse } from 'electron';
import { join } from 'node:path';
import { APP_START_URL, isAppUrl } from './appOrigin';
import { WINDOW_TITLE } from './window';

/** The app needs no camera, microphone, notifications, geolocation, …: refuse every request and check. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** Cancels a navigation, in any frame, that would leave app://pusiaukele. */
function stayInApp(details: { url: string; preventDefault(): void }): void {
  if (!isAppUrl(details.url)) details.preventDefault();
}

/**
 * Issue 17: the meeting on the projector, the one new window the app opens: exactly the app's own
 * page at #/meetings/<id>/projector (no query, no other path, no other origin).
 */
export function isProjectorUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const parsed = new URL(url);
  const start = new URL(APP_START_URL);
  return parsed.pathname === start.pathname && parsed.search === '' && /^#\/meetings\/[^/?#]+\/projector$/.test(parsed.hash);
}

/**
 * Issue 17: the projector window's options: a plain frame for the shared screen, and the main
 * window's web preferences, stated again here (Electron would inherit them from the opener; this
 * does not rely on it). The main window states its own in window.ts, where the security scan reads
 * them; test/unit/electron/security.test.ts holds the two equal.
 */
function projectorWindowOptions(appPath: string) {
  return {
    title: `${WINDOW_TITLE} – projektorius`,
    width: 1280,
    height: 720,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
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
    },
  };
}

/** Every new window is refused but the projector's, which opens with the main window's secure preferences. */
export function windowOpenResponse(details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse {
  if (!isProjectorUrl(details.url)) return { action: 'deny' };
  return { action: 'allow', overrideBrowserWindowOptions: projectorWindowOptions(app.getAppPath()) };
}

/**
 * Every web contents (the window and anything it might spawn) stays on app://pusiaukele: no
 * navigation elsewhere, no new windows, no <webview> (issue 16, "middle-click and new-window paths
 * disabled"; Electron's security checklist, points 11–13).
 *
 * - Navigation: 'will-navigate' covers the main frame (a link, `location.href = …`, a link or file
 *   dropped on the window, which would go to its https:// or file:// address); 'will-frame-navigate'
 *   covers any frame, so a frame a later page might hold cannot be navigated away either; and
 *   'will-redirect' covers a server redirect of an allowed navigation.
 * - New windows: `window.open`, `target=_blank` (links and forms), a middle-click on a link, a
 *   ctrl-, shift- or ctrl-shift-click all reach the window-open handler, with only the disposition
 *   telling them apart; it refuses them all, whatever the address, but the meeting's projector
 *   (issue 17, isProjectorUrl), which gets the main window's sandboxed, isolated preferences and
 *   the same lock-down (it is a web contents like any other). 'did-create-window' is not emitted
 *   for a refused window: should one ever be created, it is destroyed before it shows.
 * - <webview>: the window has no webview tag (webviewTag: false); were one attached anyway, its
 *   guest page is destroyed before it loads.
 */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (details) => stayInApp(details));
    contents.on('will-frame-navigate', (details) => stayInApp(details));
    contents.on('will-redirect', (details) => stayInApp(details));
    contents.setWindowOpenHandler(windowOpenResponse);
    contents.on('did-create-window', (window: BrowserWindow, details: { url: string }) => {
      if (!isProjectorUrl(details.url)) window.destroy();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
