import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

/** The app needs no camera, microphone, notifications, geolocation, …: refuse every request and check. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/**
 * Every web contents (the window and anything it might spawn) stays on app://pusiaukele:
 * no navigation elsewhere, no new windows, no <webview>.
 */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (details) => {
      if (!isAppUrl(details.url)) details.preventDefault();
    });
    contents.on('will-redirect', (details) => {
      if (!isAppUrl(details.url)) details.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
