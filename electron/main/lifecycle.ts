import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { DomainError } from '../../shared/domain/errors';
import { resolveDataDir } from '../services/dataDir';
import { openServices, type Services } from '../services/index';
import type { KeyProvider } from '../services/store/encryption';
import { APP_START_URL } from './appOrigin';
import { forwardEvents, handleInvocations } from './ipc';
import { installApplicationMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { osSecretStoreKey } from './secretStore';
import { denyAllPermissions, lockDownWebContents } from './security';
import { WINDOW_TITLE, bringToFront, createMainWindow } from './window';

export interface StartOptions {
  /** Where the data directory comes from (`--data DIR`, PUSIAUKELE_DATA, or the OS default). */
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** The back end to open on it: the real services unless a test wraps them. */
  openServices?: (options: { dataDir: string; key: KeyProvider; fontsDir: string }) => Promise<Services>;
}

/**
 * The main process from launch to quit: one instance, sandbox everywhere, app:// for the renderer,
 * the services on the data directory, one window, IPC to the services, services closed on quit.
 */
export async function startApp(options: StartOptions = {}): Promise<void> {
  app.enableSandbox();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (mainWindow !== null) bringToFront(mainWindow);
  });
  lockDownWebContents();

  await app.whenReady();
  try {
    denyAllPermissions();
    installApplicationMenu();
    const appPath = app.getAppPath();
    serveRenderer(join(appPath, 'dist', 'renderer'));
    const services = await (options.openServices ?? openServices)({
      dataDir: resolveDataDir(options.argv ?? process.argv, options.env ?? process.env),
      // The fonts generated documents embed, copied beside the bundle by build/bundle-electron.mjs.
      fontsDir: join(appPath, 'dist', 'electron', 'fonts'),
      key: await osSecretStoreKey(),
    });
    const stopEvents = forwardEvents(services, () => mainWindow?.webContents ?? null);
    closeServicesOnQuit(services, stopEvents);
    handleInvocations(services);
    const window = createMainWindow(appPath);
    mainWindow = window;
    window.on('closed', () => {
      mainWindow = null;
    });
    await window.loadURL(APP_START_URL);
  } catch (error) {
    reportStartupFailure(error);
    app.quit();
  }
}

/** Holds the quit until the services have flushed and released the data directory. */
function closeServicesOnQuit(services: Services, stopEvents: () => void): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    stopEvents();
    services
      .close()
      .catch((error: unknown) => console.error('Closing the services failed', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

function reportStartupFailure(error: unknown): void {
  const { code, message } =
    error instanceof DomainError
      ? error
      : {
          code: 'STARTUP_FAILED',
          message: 'Programos nepavyko paleisti dėl vidinės klaidos. Duomenys nepakeisti. Pabandykite dar kartą; jei kartojasi, praneškite administratoriui.',
        };
  if (!(error instanceof DomainError)) console.error('Startup failed', error);
  dialog.showErrorBox(`${WINDOW_TITLE} — nepavyko paleisti`, `${message}\n\nKlaidos kodas: ${code}`);
}
