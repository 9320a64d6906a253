import { app, session, type BrowserWindow, type WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

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
 *   telling them apart; it refuses them all, whatever the address. 'did-create-window' is not
 *   emitted for a refused window: should one ever be created, it is destroyed before it shows.
 * - <webview>: the window has no webview tag (webviewTag: false); were one attached anyway, its
 *   guest page is destroyed before it loads.
 */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (details) => stayInApp(details));
    contents.on('will-frame-navigate', (details) => stayInApp(details));
    contents.on('will-redirect', (details) => stayInApp(details));
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('did-create-window', (window: BrowserWindow) => window.destroy());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
