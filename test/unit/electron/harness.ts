// Starts the real Electron shell (electron/main) against the 'electron' stub, with the real
// services on a fresh data directory and a small built renderer in a temporary app path.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { vi } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../../../shared/contract/channel';
import { startApp, type StartOptions } from '../../../electron/main/lifecycle';
import { BrowserWindow, app, ipcMain, protocol, resetElectronStub, stubEvent } from '../../stubs/electron';

export const SECRET = 'not for the renderer';

/** Files of the fake app path: a renderer under dist/renderer and secrets outside it. */
const APP_FILES: Readonly<Record<string, string>> = {
  'dist/renderer/index.html': '<!doctype html><title>Pusiaukelė</title><script type="module" src="./assets/index.js"></script>',
  'dist/renderer/assets/index.js': 'console.log("renderer");',
  'dist/renderer/assets/index.css': 'body { margin: 0; }',
  'dist/renderer/assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'dist/renderer/assets/font.woff2': 'wOF2',
  'dist/renderer/assets/blob.bin': 'binary',
  'dist/renderer-old/index.html': SECRET,
  'dist/electron/main.cjs': SECRET,
  'dist/secret.txt': SECRET,
  'secret.txt': SECRET,
};

const temporary: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `pusiaukele-${prefix}-`));
  temporary.push(dir);
  return dir;
}

export interface Launched {
  appPath: string;
  dataDir: string;
}

/**
 * Runs startApp() as Electron would: first the synchronous pre-ready part, then 'ready'; resolves
 * when startApp() has finished (window loaded, or startup refused). `lock: false` makes this the
 * second instance.
 */
export async function launch(
  options: { lock?: boolean; dataDir?: string; openServices?: StartOptions['openServices'] } = {},
): Promise<Launched> {
  const appPath = await tempDir('app');
  for (const [file, content] of Object.entries(APP_FILES)) {
    await mkdir(dirname(join(appPath, file)), { recursive: true });
    await writeFile(join(appPath, file), content);
  }
  const dataDir = options.dataDir ?? join(await tempDir('data'), 'data');
  app.appPath = appPath;
  app.grantSingleInstanceLock = options.lock ?? true;
  const started = startApp({ argv: ['electron', '.', '--data', dataDir], env: {}, openServices: options.openServices });
  app.becomeReady();
  await started;
  return { appPath, dataDir };
}

export function mainWindow(): BrowserWindow {
  const [window] = BrowserWindow.created;
  if (window === undefined) throw new Error('no window was created');
  return window;
}

/** Calls the IPC handler as a renderer frame at `senderUrl` would (null: the frame is gone). */
export async function invokeFrom(senderUrl: string | null, method: unknown, input: unknown = {}, session?: string): Promise<unknown> {
  const handler = ipcMain.handlers.get(IPC_INVOKE_CHANNEL);
  if (handler === undefined) throw new Error(`no handler on ${IPC_INVOKE_CHANNEL}`);
  return handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, method, input, session);
}

/** Requests `url` from the app:// protocol handler. */
export async function fetchApp(url: string, init?: RequestInit): Promise<Response> {
  const handler = protocol.handlers.get('app');
  if (handler === undefined) throw new Error('app:// is not handled');
  return handler(new Request(url, init));
}

/** Quits as Electron does: 'will-quit', which the shell holds until the services are closed, then again. */
export async function quit(): Promise<void> {
  const quitsBefore = app.quitCount;
  const first = stubEvent();
  app.emit('will-quit', first);
  if (!first.defaultPrevented) return;
  await vi.waitFor(() => {
    if (app.quitCount === quitsBefore) throw new Error('the shell has not asked to quit yet');
  });
  app.emit('will-quit', stubEvent());
}

/** After each test: release the data directory and delete the temporary folders. */
export async function cleanUp(): Promise<void> {
  if (app.listenerCount('will-quit') > 0) await quit();
  resetElectronStub();
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
