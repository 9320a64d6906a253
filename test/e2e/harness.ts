import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { openServices } from '../../electron/services/index';
import type { KeyProvider } from '../../electron/services/store/encryption';
import { accessOf, isMethodName, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract/methods';
import type { InvokeResult } from '../../shared/contract/result';
import type { Role } from '../../shared/contract/roles';
import type { RequestInput, Settings } from '../../shared/contract/schemas';

/** Every e2e run lives on this day, so that terms and "days left" are the same on any machine. */
export const TODAY = '2026-11-23';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

/** A convict serving in this institution, which runs the halfway house (V-77 p. 10.1/10.2). */
export const OWN_REQUEST: RequestInput = {
  firstName: 'Tomas',
  lastName: 'Vaitkus',
  personalFileNo: 'P-2001',
  birthDate: '1988-02-03',
  servingInstitutionId: 'own',
  halfwayHouseInstitutionId: 'own',
  requestDate: '2026-11-02',
  possibleTransferDate: '2026-12-20',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2027-12-31',
};

export const SETTINGS: Settings = {
  institution: {
    name: 'Pravieniškių pataisos namai-atviroji kolonija',
    runsHalfwayHouse: true,
    halfwayHouseName: 'Pravieniškių pusiaukelės namai',
    places: 20,
  },
  otherInstitutions: [
    { id: 'marijampole', name: 'Marijampolės pataisos namai', halfwayHouseName: '' },
    { id: 'vilnius', name: 'Vilniaus pataisos namai', halfwayHouseName: 'Vilniaus pusiaukelės namai' },
  ],
};

/** `npm test` builds the renderer first; a bare e2e run builds it when it is missing. */
export async function ensureRendererBuilt(): Promise<void> {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'renderer'), logLevel: 'warn' });
}

const tempDirs: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pusiaukele-e2e-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A fresh Chromium profile per session (its own temporary --user-data-dir, so no storage leaks from
 * one test to the next). Playwright takes the profile directory as a parameter, not as the flag.
 */
function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('chromium'), {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1280, height: 800 },
    locale: 'lt-LT',
  });
}

export type Dispatch = (method: string, input: unknown) => Promise<InvokeResult>;

/** The back end's own dispatch, which takes the caller's session. */
export type SessionDispatch = (method: string, input: unknown, session?: string) => Promise<InvokeResult>;

/** The data directory of every e2e run is encrypted under this passphrase (the users-and-roles issue). */
export const KEY: KeyProvider = { kind: 'passphrase', passphrase: 'e2e-slaptafraze-pusiaukele' };

/** A user of the app as a test knows them: their sign-in and the roles the administrator gave them. */
export interface Account {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** The first administrator, who holds no case role (the administrator alone does not see cases). */
export const ADMIN: Account = { username: 'admin', displayName: 'Ona Administratorė', password: 'Admin-slaptazodis-1', roles: ['administrator'] };
/** The commission secretary, who registers requests and records the steps. */
export const SECRETARY: Account = { username: 'sekretore', displayName: 'Rasa Sekretorė', password: 'Sekretore-slaptazodis-1', roles: ['secretary'] };
/** A commission member, who reads the cases. */
export const MEMBER: Account = { username: 'narys', displayName: 'Jonas Narys', password: 'Narys-slaptazodis-1', roles: ['member'] };
/** Someone who both administers the app and works as the secretary. */
export const ADMIN_SECRETARY: Account = {
  username: 'vedeja',
  displayName: 'Dalia Vedėja',
  password: 'Vedeja-slaptazodis-1',
  roles: ['administrator', 'secretary'],
};

/** Call the back end as the holder of `session`; throws when refused. */
export async function invokeAs<M extends MethodName>(
  dispatch: SessionDispatch,
  session: string | undefined,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  return invoke((m, i) => dispatch(m, i, session), method, input);
}

/** Sign `account` in straight at the back end; returns the session. */
export async function signInAt(dispatch: SessionDispatch, account: Pick<Account, 'username' | 'password'>): Promise<string> {
  return (await invokeAs(dispatch, undefined, 'auth.login', { username: account.username, password: account.password })).session;
}

export interface Staff {
  /** Sessions by user name. */
  sessions: ReadonlyMap<string, string>;
  /**
   * The calls a test seeds data with: what only the administrator may do (settings, users) as the
   * administrator, everything else as the secretary.
   */
  dispatch: Dispatch;
}

/**
 * The administrator (created on a new data directory) and `accounts`, each created by the
 * administrator with an initial password and past the required change to their own, all signed
 * in. On a directory that already has them, they only sign in.
 */
export async function ensureStaff(dispatch: SessionDispatch, accounts: readonly Account[]): Promise<Staff> {
  const status = await invokeAs(dispatch, undefined, 'auth.status', {});
  const admin = status.setUp
    ? await signInAt(dispatch, ADMIN)
    : (await invokeAs(dispatch, undefined, 'auth.createAdministrator', { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password }))
        .session;
  const sessions = new Map([[ADMIN.username, admin]]);
  const existing = new Set((await invokeAs(dispatch, admin, 'users.list', {})).map((u) => u.username));
  for (const account of accounts) {
    if (account.username === ADMIN.username || sessions.has(account.username)) continue;
    if (existing.has(account.username)) {
      sessions.set(account.username, await signInAt(dispatch, account));
      continue;
    }
    const initial = `Pradinis-${account.password}`;
    await invokeAs(dispatch, admin, 'users.create', { username: account.username, displayName: account.displayName, roles: account.roles, password: initial });
    const session = await signInAt(dispatch, { username: account.username, password: initial });
    await invokeAs(dispatch, session, 'auth.changePassword', { currentPassword: initial, newPassword: account.password });
    sessions.set(account.username, session);
  }
  const secretary = [...accounts].find((a) => a.roles.includes('secretary'));
  const worker = secretary ? sessions.get(secretary.username) : admin;
  const administratorOnly = (method: string) => {
    if (!isMethodName(method)) return false;
    const access = accessOf(method);
    return access !== 'anyone' && access !== 'signedIn' && access.includes('administrator') && !access.includes('secretary');
  };
  return { sessions, dispatch: (method, input) => dispatch(method, input, administratorOnly(method) ? admin : worker) };
}

/** A typed call straight to the back end (to seed data, not through the UI); throws when refused. */
export async function invoke<M extends MethodName>(dispatch: Dispatch, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/**
 * Fill a data directory before the host opens it (e.g. to damage a case file in between), as the
 * staff (the administrator and the secretary, created here). `today` (default TODAY) is the day the
 * seeding happens on, for what the services date by themselves (e.g. a complete dossier going to
 * the commission, V-77 p. 8).
 */
export async function seedDataDir(
  dataDir: string,
  seed: (dispatch: Dispatch) => Promise<void>,
  accounts: readonly Account[] = [SECRETARY],
  today: string = TODAY,
): Promise<void> {
  const services = await openServices({ dataDir, today, verifyOnOpen: false, key: KEY });
  try {
    await seed((await ensureStaff(services.dispatch, accounts)).dispatch);
  } finally {
    await services.close();
  }
}

/** The browser host on `dataDir`, with today fixed (and the services' clock, when given). */
export function startHost(dataDir: string, now?: () => Date): Promise<BrowserHost> {
  // Issue 15: the packages the app exports land beside the data directory (never in the home folder).
  return startBrowserHost({ dataDir, rendererDir: RENDERER_DIR, today: TODAY, key: KEY, exportDir: `${dataDir}.exports`, ...(now ? { now } : {}) });
}

/** Sign in through the sign-in screen as a user would, and wait for the app to open. */
export async function signIn(page: Page, account: Pick<Account, 'username' | 'password' | 'displayName'>): Promise<void> {
  await page.getByRole('heading', { name: 'Prisijungimas' }).waitFor();
  await page.getByLabel('Naudotojo vardas').fill(account.username);
  await page.getByLabel('Slaptažodis', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Prisijungti' }).click();
  await userMenu(page, account).waitFor();
}

/**
 * Issue 17: go where a signed-in user landed before the start pages (the tests written before them
 * begin there): the users page for an administrator alone, the case list for everyone else.
 */
export async function toFormerLanding(page: Page, as: Pick<Account, 'roles'>): Promise<void> {
  const hash = as.roles.some((r) => r !== 'administrator') ? '#/cases' : '#/users';
  await page.evaluate((to) => {
    location.hash = to;
  }, hash);
}

/** The button with the signed-in user's name that opens their menu. */
export function userMenu(page: Page, account: Pick<Account, 'displayName'>) {
  return page.getByRole('button', { name: `Naudotojas ${account.displayName}` });
}

/** Sign out from the user menu in the header. */
export async function signOut(page: Page, account: Pick<Account, 'displayName'>): Promise<void> {
  await userMenu(page, account).click();
  await page.getByRole('button', { name: 'Atsijungti' }).click();
  await page.getByRole('heading', { name: 'Prisijungimas' }).waitFor();
}

/**
 * Call the contract from inside the page, as its own code would: with the run's token and the
 * session this tab holds. Returns the back end's answer as it is.
 */
export function invokeFromPage(page: Page, method: string, input: unknown): Promise<InvokeResult> {
  return page.evaluate(
    async ({ method, input }) => {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${sessionStorage.getItem('pusiaukele.token') ?? ''}`,
      };
      const session = sessionStorage.getItem('pusiaukele.session');
      if (session) headers['X-Pusiaukele-Session'] = session;
      const response = await fetch('/api/invoke', { method: 'POST', headers, body: JSON.stringify({ method, input }) });
      return (await response.json()) as InvokeResult;
    },
    { method, input },
  );
}

export interface AppSession {
  host: BrowserHost;
  page: Page;
  dataDir: string;
  /** The staff's calls to the back end (see ensureStaff); empty sessions for a fresh start. */
  staff: Staff;
  /** Console errors, failed requests and uncaught exceptions seen by the page (CSP violations among them). */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Runs on the host's own back end, as the staff, before the page loads. */
  seed?: (dispatch: Dispatch) => Promise<void>;
  /** Who signs in through the UI once the page is open (default SECRETARY); null: nobody. */
  as?: Account | null;
  /** Users to have besides the administrator (default: the secretary, and `as`). */
  accounts?: readonly Account[];
  /** A new data directory left as it is: no administrator yet (the first run). */
  fresh?: boolean;
  /** The services' clock. */
  now?: () => Date;
  /** Runs on the page before the app is loaded (e.g. to install a fake clock). */
  beforeLoad?: (page: Page) => Promise<void>;
  /**
   * Issue 17: where the test starts once signed in: the start page the user lands on ('home'), or
   * the case list (the default, where the tests written before the start pages begin).
   */
  start?: 'home' | 'cases';
}

/**
 * Start the browser host on `dataDir` and open the app in a fresh browser at 1280×800, signed in
 * as the secretary unless told otherwise. `seed` runs on the host's own back end before the page
 * loads.
 */
export async function openApp(dataDir: string, seedOrOptions?: OpenOptions['seed'] | OpenOptions): Promise<AppSession> {
  const options: OpenOptions = typeof seedOrOptions === 'function' ? { seed: seedOrOptions } : (seedOrOptions ?? {});
  const as = options.as === undefined ? SECRETARY : options.as;
  const host = await startHost(dataDir, options.now);
  let staff: Staff = { sessions: new Map(), dispatch: (method, input) => host.services.dispatch(method, input) };
  if (!options.fresh) {
    const accounts = [...(options.accounts ?? [SECRETARY]), ...(as ? [as] : [])];
    staff = await ensureStaff(host.services.dispatch, accounts);
  }
  if (options.seed) await options.seed(staff.dispatch);
  const { context, page, problems } = await watchedBrowser();
  if (options.beforeLoad) await options.beforeLoad(page);
  await page.goto(host.url);
  if (as) {
    await signIn(page, as);
    if ((options.start ?? 'cases') === 'cases') await toFormerLanding(page, as);
  }
  const session: AppSession = {
    host,
    page,
    dataDir,
    staff,
    problems,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
  openSessions.push(session);
  return session;
}

const openSessions: AppSession[] = [];

/** After each test: close every app it opened (browser and host) and remove its temporary folders. */
export async function closeSessions(): Promise<void> {
  for (const session of openSessions.splice(0)) await session.close();
  removeTempDirs();
}

export interface RequestValues {
  firstName: string;
  lastName: string;
  personalFileNo: string;
  birthDate: string;
  /** The visible name of the institution, as the user picks it. */
  servingInstitution: string;
  /** The halfway house's option as the list shows it: 'House (Institution)'. */
  halfwayHouse: string;
  requestDate: string;
  possibleTransferDate: string;
  possibleParoleDate: string;
  sentenceEnd: string;
}

/** Fill the request form as a user would, field by field. */
export async function fillRequest(page: Page, r: RequestValues): Promise<void> {
  await page.getByLabel('Vardas', { exact: true }).fill(r.firstName);
  await page.getByLabel('Pavardė', { exact: true }).fill(r.lastName);
  await page.getByLabel('Asmens bylos Nr.', { exact: true }).fill(r.personalFileNo);
  await page.getByLabel('Gimimo data', { exact: true }).fill(r.birthDate);
  await page.getByLabel('Įstaiga, kurioje atlieka bausmę', { exact: true }).selectOption({ label: r.servingInstitution });
  await page.getByLabel('Prašomi pusiaukelės namai', { exact: true }).selectOption({ label: r.halfwayHouse });
  await page.getByLabel('Prašymo data', { exact: true }).fill(r.requestDate);
  await page.getByLabel('Galimo perkėlimo data', { exact: true }).fill(r.possibleTransferDate);
  await page.getByLabel('Galimo lygtinio paleidimo data', { exact: true }).fill(r.possibleParoleDate);
  await page.getByLabel('Bausmės pabaiga', { exact: true }).fill(r.sentenceEnd);
}

/** The option of this institution's own halfway house in the request form (with SETTINGS). */
export const OWN_HALFWAY_HOUSE = 'Pravieniškių pusiaukelės namai (Pravieniškių pataisos namai-atviroji kolonija)';

/** A second browser window on a running app: its own Chromium profile, its own session. */
export interface AppWindow {
  page: Page;
  /** Console errors, failed requests and uncaught exceptions seen by this window. */
  problems: string[];
  close(): Promise<void>;
}

/** A new Chromium with its page, collecting console errors, failed requests and uncaught exceptions. */
async function watchedBrowser() {
  const context = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The event stream is cut when the page or the host closes: not a problem of the app.
    if (!request.url().includes('/api/events')) problems.push(`request failed: ${request.url()}`);
  });
  return { context, page, problems };
}

/**
 * Open the app of `session` (the same host and data directory) in another browser, as another user
 * or as the same user again, signed in through the UI unless `as` is null: two people working at
 * once. `url`: the host's address as this browser reaches it (default `session.host.url`); `start`
 * as openApp's. Closed after the test with the session (before its host).
 */
export async function openWindow(session: AppSession, as: Account | null, options: { url?: string; start?: OpenOptions['start'] } = {}): Promise<AppWindow> {
  const { context, page, problems } = await watchedBrowser();
  await page.goto(options.url ?? session.host.url);
  if (as) {
    await signIn(page, as);
    if ((options.start ?? 'cases') === 'cases') await toFormerLanding(page, as);
  }
  const close = () => context.close();
  // First in the list: the window closes before the host it talks to.
  openSessions.unshift({ ...session, page, problems, close });
  return { page, problems, close };
}

/**
 * The contract calls a page makes from now on, by method name, in the order made (to count what a
 * page loads, e.g. that a burst of events makes one reload, or that nothing polls).
 */
export function recordCalls(page: Page): { calls: string[]; of(method: string): number; clear(): void } {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/invoke')) return;
    try {
      const method = (JSON.parse(request.postData() ?? '{}') as { method?: unknown }).method;
      calls.push(typeof method === 'string' ? method : '?');
    } catch {
      calls.push('?'); // an envelope with a file
    }
  });
  return { calls, of: (method) => calls.filter((m) => m === method).length, clear: () => void calls.splice(0) };
}
