import { BrowserWindow } from 'electron';
import { join } from 'node:path';

export const WINDOW_TITLE = 'Pusiaukelė';

/** The one application window: sandboxed, isolated, no Node, only the preload's bridge. */
export function createMainWindow(appPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
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
      // A link or file dropped on the window does not navigate to it (security.ts refuses it too).
      navigateOnDragDrop: false,
      // No auxclick event for the page's scripts (Electron's checklist: a middle-click may open a
      // link in a new window). The click's default action, opening the link in a background tab,
      // reaches the window-open handler in security.ts, which refuses it whatever this switch does.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/** A second launch brings the running window forward instead of opening another. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
