import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { DomainError } from '../../shared/domain/errors';
import { resolveDataDir } from '../services/dataDir';
import { openServices, type Services } from '../services/index';
import { hasDataKey, type KeyProvider, type OsKeyProvider } from '../services/store/encryption';
import { APP_START_URL } from './appOrigin';
import { forwardEvents, handleInvocations } from './ipc';
import { installApplicationMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { osSecretStoreKey } from './secretStore';
import { denyAllPermissions, lockDownWebContents } from './security';
import { unlockGate } from './unlockGate';
import { WINDOW_TITLE, bringToFront, createMainWindow } from './window';

export interface StartOptions {
  /** Where the data directory comes from (`--data DIR`, PUSIAUKELE_DATA, or the OS default). */
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** The back end to open on it: the real services unless a test wraps them. */
  openServices?: (options: { dataDir: string; key: KeyProvider; fontsDir: string; workstation?: OsKeyProvider }) => Promise<Services>;
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
    const dataDir = resolveDataDir(options.argv ?? process.argv, options.env ?? process.env);
    const workstation = await secretStoreOf(dataDir);
    const open = (key: KeyProvider) =>
      (options.openServices ?? openServices)({
        dataDir,
        // The fonts generated documents embed, copied beside the bundle by build/bundle-electron.mjs.
        fontsDir: join(appPath, 'dist', 'electron', 'fonts'),
        key,
        ...(workstation ? { workstation } : {}),
      });
    const services = workstation ? await openedByWorkstation(open, workstation) : undefined;
    // Issue 17: every window of the app follows the back end: the main one and the meeting's projector.
    const serve = (opened: Services) => closeServicesOnQuit(opened, forwardEvents(opened, () => BrowserWindow.getAllWindows().map((w) => w.webContents)));
    if (services !== undefined) {
      serve(services);
      handleInvocations(services);
    } else {
      // Issue 16: this workstation's store does not open the directory (or there is none): the
      // window opens on the unlock page, and the services once a passphrase or the recovery key did.
      const gate = unlockGate({ why: workstation ? 'notEnrolled' : 'noSecretStore', workstation, open });
      void gate.opened.then(serve);
      handleInvocations(gate);
    }
    const window = createMainWindow(appPath);
    mainWindow = window;
    window.on('closed', () => {
      mainWindow = null;
      // Issue 17: the projector's window goes with the main one (it would otherwise keep the app running).
      for (const other of BrowserWindow.getAllWindows()) if (!other.isDestroyed()) other.close();
    });
    await window.loadURL(APP_START_URL);
  } catch (error) {
    reportStartupFailure(error);
    app.quit();
  }
}

/**
 * This computer's OS secret store; none (undefined) when it has no usable one but the directory
 * already has a data key, which a passphrase or the recovery key may open (issue 16). A new
 * directory is not made without the store: the desktop app has nothing else to wrap its key with.
 */
async function secretStoreOf(dataDir: string): Promise<OsKeyProvider | undefined> {
  try {
    return await osSecretStoreKey();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'OS_SECRET_STORE_UNAVAILABLE' && hasDataKey(dataDir)) return undefined;
    throw e;
  }
}

/** The services opened by this workstation's slot; undefined when the directory has none it opens (KEY_NOT_AVAILABLE). */
async function openedByWorkstation(open: (key: KeyProvider) => Promise<Services>, workstation: OsKeyProvider): Promise<Services | undefined> {
  try {
    return await open(workstation);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'KEY_NOT_AVAILABLE') return undefined;
    throw e;
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
