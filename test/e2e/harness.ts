import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { openServices } from '../../electron/services/index';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';
import type { InvokeResult } from '../../shared/contract/result';
import type { Settings } from '../../shared/contract/schemas';

/** Every e2e run lives on this day, so that terms and "days left" are the same on any machine. */
export const TODAY = '2026-11-23';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

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

/** A typed call straight to the back end (to seed data, not through the UI); throws when refused. */
export async function invoke<M extends MethodName>(dispatch: Dispatch, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** Fill a data directory before the host opens it (e.g. to damage a case file in between). */
export async function seedDataDir(dataDir: string, seed: (dispatch: Dispatch) => Promise<void>): Promise<void> {
  const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false });
  try {
    await seed(services.dispatch);
  } finally {
    await services.close();
  }
}

/** The browser host on `dataDir`, with today fixed. */
export function startHost(dataDir: string): Promise<BrowserHost> {
  return startBrowserHost({ dataDir, rendererDir: RENDERER_DIR, today: TODAY });
}

export interface AppSession {
  host: BrowserHost;
  page: Page;
  dataDir: string;
  /** Console errors, failed requests and uncaught exceptions seen by the page (CSP violations among them). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Start the browser host on `dataDir` and open the app in a fresh browser at 1280×800. `seed` runs
 * on the host's own back end before the page loads.
 */
export async function openApp(dataDir: string, seed?: (dispatch: Dispatch) => Promise<void>): Promise<AppSession> {
  const host = await startHost(dataDir);
  if (seed) await seed(host.services.dispatch);
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
  await page.goto(host.url);
  return {
    host,
    page,
    dataDir,
    problems,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
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
