// A stand-in for the 'electron' module in unit tests (vitest aliases 'electron' to this file):
// the real package cannot load outside Electron. Every object records what the shell asked of it,
// and enforces the phase rules Electron enforces (before / after 'ready'), so tests can assert both.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

/** The event object Electron passes to listeners that may cancel the default action. */
export interface StubEvent {
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

export function stubEvent<Params extends object>(params: Params = {} as Params): StubEvent & Params {
  let prevented = false;
  return {
    ...params,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
  };
}

/** What a main-process handler receives; tests call recorded handlers with hand-made events. */
export type RecordedHandler = (event: unknown, ...args: unknown[]) => unknown;

class StubApp extends EventEmitter {
  sandboxEnabled = false;
  grantSingleInstanceLock = true;
  singleInstanceLockRequested = false;
  quitCount = 0;
  appPath = process.cwd();
  private ready = false;
  private readyWaiters: Array<() => void> = [];

  isReady(): boolean {
    return this.ready;
  }

  /** What Electron does once it has initialised: resolves whenReady() and emits 'ready'. */
  becomeReady(): void {
    this.ready = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    this.emit('ready');
  }

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() must be called before the app is ready');
    this.sandboxEnabled = true;
  }

  requestSingleInstanceLock(): boolean {
    this.singleInstanceLockRequested = true;
    return this.grantSingleInstanceLock;
  }

  getAppPath(): string {
    return this.appPath;
  }

  quit(): void {
    this.quitCount++;
  }

  reset(): void {
    this.removeAllListeners();
    this.sandboxEnabled = false;
    this.grantSingleInstanceLock = true;
    this.singleInstanceLockRequested = false;
    this.quitCount = 0;
    this.appPath = process.cwd();
    this.ready = false;
    this.readyWaiters = [];
  }
}

export const app = new StubApp();

export interface WindowOpenResponse {
  action: 'allow' | 'deny';
}

/** What Electron tells the window-open handler: `disposition` tells window.open, target=_blank and the clicks apart. */
export interface StubHandlerDetails {
  url: string;
  frameName?: string;
  features?: string;
  disposition?: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';
  referrer?: { url: string; policy: string };
  postBody?: { data: unknown[]; contentType: string; boundary?: string };
}

export class StubWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: StubHandlerDetails) => WindowOpenResponse) | null = null;
  destroyed = false;

  setWindowOpenHandler(handler: (details: StubHandlerDetails) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** The options the shell passed to `new BrowserWindow(…)`, as far as the tests look at them. */
export interface StubWindowOptions {
  title?: string;
  show?: boolean;
  webPreferences?: Record<string, unknown>;
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  /** When set, loadURL() rejects with it, as Electron does when the page fails to load. */
  static loadFailure: Error | null = null;
  /** The windows not yet closed, as Electron's BrowserWindow.getAllWindows() returns them. */
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.isDestroyed());
  }
  readonly webContents = new StubWebContents();
  readonly loadedUrls: string[] = [];
  minimized = false;
  visible = false;
  focusCount = 0;
  private destroyed = false;

  constructor(readonly options: StubWindowOptions = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    BrowserWindow.created.push(this);
    app.emit('web-contents-created', stubEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return BrowserWindow.loadFailure === null ? Promise.resolve() : Promise.reject(BrowserWindow.loadFailure);
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focusCount++;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** What closing the window does: the window and its web contents are destroyed, then 'closed'. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }

  /** Closing by force (no 'beforeunload' the page could cancel): to the stub, the same as close(). */
  destroy(): void {
    this.close();
  }
}

export interface StubCustomScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

class StubProtocol {
  privilegedSchemes: StubCustomScheme[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: StubCustomScheme[]): void {
    if (app.isReady()) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    this.privilegedSchemes.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!app.isReady()) throw new Error('protocol.handle must be called after the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    this.handlers.set(scheme, handler);
  }

  reset(): void {
    this.privilegedSchemes = [];
    this.handlers.clear();
  }
}

export const protocol = new StubProtocol();

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, origin: string, details: unknown) => boolean;

class StubSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  reset(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
  }
}

export const session = { defaultSession: new StubSession() };

class StubIpcMain extends EventEmitter {
  readonly handlers = new Map<string, RecordedHandler>();

  handle(channel: string, handler: RecordedHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  reset(): void {
    this.removeAllListeners();
    this.handlers.clear();
  }
}

export const ipcMain = new StubIpcMain();

class StubIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  /** What the main process answers to every invoke. */
  reply: unknown = undefined;

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.reply);
  }
}

export const ipcRenderer = new StubIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property "${key}"`);
    contextBridge.exposed.set(key, api);
  },
};

export const dialog = {
  errorBoxes: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
};

export interface StubMenuItem {
  label?: string;
  role?: string;
  type?: string;
  submenu?: StubMenuItem[];
}

export class Menu {
  static applicationMenu: Menu | null = null;

  private constructor(readonly template: StubMenuItem[]) {}

  static buildFromTemplate(template: StubMenuItem[]): Menu {
    return new Menu(template);
  }

  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu;
  }
}

type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/**
 * The OS secret store, really reversible: AES-256-GCM under a fixed key stands in for the key the
 * Keychain, DPAPI or libsecret would hold, so what the app wraps can be unwrapped, and a blob it
 * did not make is refused as Electron refuses it. Available only after 'ready', as on Linux.
 */
class StubSafeStorage {
  /** Set false to act as a machine without a usable secret store. */
  available = true;
  backend: StorageBackend = 'gnome_libsecret';
  private readonly key = Buffer.from('pusiaukele electron stub os key!', 'utf8');

  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available && app.isReady());
  }

  getSelectedStorageBackend(): StorageBackend {
    return this.backend;
  }

  encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available || !app.isReady()) return Promise.reject(new Error('Encryption is not available.'));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([Buffer.from('v10'), iv, body, cipher.getAuthTag()]));
  }

  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    try {
      if (!this.available || !app.isReady()) throw new Error('Decryption is not available.');
      if (encrypted.subarray(0, 3).toString() !== 'v10' || encrypted.length < 3 + 12 + 16) throw new Error('unknown format');
      const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(3, 15)).setAuthTag(encrypted.subarray(encrypted.length - 16));
      const result = Buffer.concat([decipher.update(encrypted.subarray(15, encrypted.length - 16)), decipher.final()]).toString('utf8');
      return Promise.resolve({ shouldReEncrypt: false, result });
    } catch {
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    }
  }

  reset(): void {
    this.available = true;
    this.backend = 'gnome_libsecret';
  }
}

export const safeStorage = new StubSafeStorage();

/** Forget everything recorded, as if Electron had just started (main-process objects only). */
export function resetElectronStub(): void {
  app.reset();
  protocol.reset();
  session.defaultSession.reset();
  ipcMain.reset();
  BrowserWindow.created.length = 0;
  BrowserWindow.loadFailure = null;
  dialog.errorBoxes.length = 0;
  Menu.applicationMenu = null;
  safeStorage.reset();
}
