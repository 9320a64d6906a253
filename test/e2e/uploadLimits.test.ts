// Issue 16, "Uploads": in a real browser, a file the host refuses as too large is shown on its row
// as "too large" with its code, not as "no connection": the host answers 413 and lets Chromium read
// it before the connection ends, even while Chromium is still sending the file.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { largePdf } from '../helpers/documents';
import { ensureRendererBuilt, ensureStaff, invoke, KEY, removeTempDirs, SECRETARY, SETTINGS, signIn, tempDir, TODAY } from './harness';

const RENDERER_DIR = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist', 'renderer');

beforeAll(ensureRendererBuilt);

let host: BrowserHost | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await host?.close();
  browser = undefined;
  host = undefined;
  removeTempDirs();
});

describe('a file over the host’s limit, in the browser (issue 16)', () => {
  it('the dossier row says the file is too large (REQUEST_TOO_LARGE), and nothing is stored', async () => {
    // The host takes at most 2 MB with a call; the settings' own limit (50 MB) lets the page send 8 MB.
    host = await startBrowserHost({ dataDir: tempDir('limits'), rendererDir: RENDERER_DIR, today: TODAY, key: KEY, maxUploadBytes: 2 * 1024 * 1024 });
    const staff = await ensureStaff(host.services.dispatch, [SECRETARY]);
    await invoke(staff.dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
    await invoke(staff.dispatch, 'cases.register', DOSSIER_CASE_REQUEST);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
    const page = await browser.newPage({ locale: 'lt-LT', viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await signIn(page, SECRETARY);
    await page.getByRole('navigation').getByRole('link', { name: 'Bylos' }).click();
    await page.getByRole('link', { name: 'Čepulis Žydrūnas' }).click();
    await page.getByRole('button', { name: 'Atverti 6.1 punktą' }).click();
    const big = await largePdf(8 * 1024 * 1024);
    await page.getByTestId('pick-6.1').setInputFiles({ name: '6.1 vertinimas.pdf', mimeType: 'application/pdf', buffer: Buffer.from(big) });
    const row = page.locator('.folder-review tr[data-file="6.1 vertinimas.pdf"]');
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/REQUEST_TOO_LARGE.*per didelis: programa priima iki 2 MB/s);
    expect(text).not.toMatch(/susisiekti/);
    await page.getByRole('button', { name: 'Atšaukti įkėlimą' }).click();
    expect(await page.locator('.dossier-checklist tr[data-item="6.1"]').getAttribute('data-status')).toBe('waiting');
    expect(readdirSync(host.uploadDir)).toEqual([]);
  });
});
