/**
 * Issue 17, "rough edges found in use, each fixed and covered by a test", on the case page: what a
 * change did is said next to the control that caused it, not at the top of a long page (the dossier's
 * folder and extension, an item's facts, a step, an after-decision form); an opened dossier item comes
 * into view; the folder review shows each file before it is placed, fits its panel at 1280×720 and
 * writes sizes with a decimal comma; the dossier says which documents and which facts are missing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../electron/cli/demo';
import { largePdf, writeDossierFolder } from '../helpers/documents';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { expectAccessible } from './axe';
import { closeSessions, ensureRendererBuilt, invoke, openApp, SETTINGS, signIn, tempDir, TODAY, type Dispatch } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

const WIDTH = 1280;
const HEIGHT = 720;
/** How far (CSS px) a message may be from the control that caused it. */
const NEAR = 80;

async function seed(dispatch: Dispatch): Promise<void> {
  await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
  await invoke(dispatch, 'cases.register', DOSSIER_CASE_REQUEST);
}

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

/** The vertical gap between two boxes (0 when they overlap). */
async function gapBetween(a: Locator, b: Locator): Promise<number> {
  const [p, q] = [await boxOf(a), await boxOf(b)];
  return Math.max(0, q.y - (p.y + p.height), p.y - (q.y + q.height));
}

/** Where the scrolling page starts: below the app's header. */
async function mainTop(page: Page): Promise<number> {
  return (await boxOf(page.locator('main'))).y;
}

/** Whether the element is on screen: within the page's scrolling area, below the header (its top and bottom). */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await boxOf(locator);
  return box.y >= (await mainTop(locator.page())) - 1 && box.y + box.height <= HEIGHT;
}

/** The notice said at the top of the page: none, when every change says its outcome where it happened. */
const topNotices = (page: Page) => page.locator('[data-notice-spot="page"] .notice');

describe('issue 17: the rough edges of the case page and the dossier', () => {
  it('V-77 p. 6–7: the folder review previews each file and fits at 1280×720; messages stand by their controls; the opened item comes into view; the summary says what is missing', async () => {
    const folder = join(tempDir('folder'), 'Čepulis byla');
    mkdirSync(folder);
    await writeDossierFolder(folder);
    // A heavy scan of 1.5 MB for 6.5: its size is written "1,5 MB".
    writeFileSync(join(folder, '6.5 skolų pažyma.pdf'), await largePdf(1.5 * 1024 * 1024));
    const session = await openApp(tempDir('rough'), seed);
    const { page } = session;
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.getByRole('link', { name: 'Čepulis Žydrūnas' }).click();
    await page.getByRole('heading', { name: 'Bylos medžiaga (V-77 6 p.)' }).waitFor();

    // V-77 p. 6: nothing received yet: nine documents to ask for, and the p. 6.7 question for the secretary.
    const shortfall = page.locator('.dossier-shortfall');
    expect(await shortfall.textContent()).toBe('Trūksta 9 dokumentų: 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.8, 6.9, 6.10; trūksta 1 punkto duomenų: 6.7');

    // V-77 p. 7: the extension is confirmed under the dossier's buttons, not at the top of the page.
    const extend = page.getByRole('button', { name: 'Pratęsti terminą (V-77 7 p.)' });
    await extend.click();
    await page.getByLabel('Darbo dienų (1–10)').fill('3');
    await page.getByLabel('Objektyvi priežastis').fill('Laukiama socialinio tyrimo išvados');
    await page.getByRole('button', { name: 'Pratęsti', exact: true }).click();
    const extended = page.getByRole('status').filter({ hasText: 'Terminas pratęstas.' });
    await extended.waitFor();
    expect(await gapBetween(extend, extended)).toBeLessThan(NEAR);
    expect(await inViewport(extended)).toBe(true);
    expect(await topNotices(page).count()).toBe(0);

    // The folder: the review comes into view, with a preview of every file before it is placed.
    await page.getByTestId('folder-input').setInputFiles(folder);
    const review = page.locator('.folder-review');
    await review.getByRole('heading', { name: 'Įkeliamo aplanko peržiūra' }).waitFor();
    const previews = review.locator('[data-preview]');
    expect(await previews.count()).toBe(12);
    await expect.poll(() => review.locator('[data-preview="drawn"]').count(), { timeout: 20_000 }).toBe(12);
    // The PDF's first page is drawn (ink on its canvas); the scans are shown as images.
    const inked = await review
      .locator('tr[data-file="6.1 rizikos vertinimas.pdf"] canvas')
      .evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
        return dark;
      });
    expect(inked).toBeGreaterThan(20);
    expect(await review.getByRole('img', { name: 'Pirmasis failo „6.1 rizikos vertinimas.pdf“ puslapis' }).count()).toBe(1);
    const scan = review.getByRole('img', { name: 'Failo „6.10 asmens dokumentas.jpg“ vaizdas' });
    expect(await scan.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
    // Sizes with a decimal comma (Intl.NumberFormat), small ones in KB.
    expect(await review.locator('tr[data-file="6.5 skolų pažyma.pdf"] td').nth(1).textContent()).toBe('PDF, 1,5 MB');
    expect(await review.locator('tr[data-file="6.1 rizikos vertinimas.pdf"] td').nth(1).textContent()).toMatch(/^PDF, \d+ KB$/);

    // Every control of the review lies inside its panel, and the page does not scroll sideways.
    const panelBox = await boxOf(review);
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(WIDTH);
    const controls = review.locator('select, button');
    expect(await controls.count()).toBe(14); // 12 selects, confirm, cancel
    for (const box of await controls.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(panelBox.x - 0.5);
      expect(box.right).toBeLessThanOrEqual(panelBox.x + panelBox.width + 0.5);
    }
    expect(await page.locator('main').evaluate((main) => main.scrollWidth <= main.clientWidth)).toBe(true);
    await expectAccessible(page, 'the folder review');

    // Confirmed: said under the folder button; the summary now names the facts still to record.
    await review.getByLabel('Punktas: nuosprendzio israsas.pdf').selectOption('6.7');
    await review.getByRole('button', { name: /Patvirtinti ir išsaugoti/ }).click();
    const attached = page.getByRole('status').filter({ hasText: 'Pridėta dokumentų: 12.' });
    await attached.waitFor();
    expect(await gapBetween(page.getByRole('button', { name: 'Įkelti aplanką…' }), attached)).toBeLessThan(NEAR);
    expect(await inViewport(attached)).toBe(true);
    expect(await shortfall.textContent()).toBe('Gauti visi 11 dokumentų; trūksta 10 punktų duomenų: 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.7, 6.8, 6.9, 6.10');

    // The first item opened from the checklist: its panel (below the eleven rows) comes into view with the focus.
    await page.getByRole('button', { name: 'Atverti 6.1 punktą' }).click();
    const item = page.locator('.item-panel[data-item="6.1"]');
    await item.waitFor();
    const top = await mainTop(page);
    await expect.poll(async () => (await boxOf(item)).y).toBeGreaterThanOrEqual(top - 1); // scrolled by whole pixels
    expect((await boxOf(item)).y - top).toBeLessThan(NEAR);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('item-6.1-title');

    // Its facts saved: said under the save button, in view, not at the top.
    await item.getByLabel('Vertinimo priemonė').fill('OASys');
    await item.getByLabel('Vertinimo data').fill('2026-11-10');
    await item.getByLabel('Rizikos lygis', { exact: true }).selectOption('low');
    const save = item.getByRole('button', { name: 'Išsaugoti duomenis' });
    await save.click();
    const saved = page.getByRole('status').filter({ hasText: '6.1 punkto duomenys išsaugoti.' });
    await saved.waitFor();
    expect(await gapBetween(save, saved)).toBeLessThan(NEAR);
    expect(await inViewport(saved)).toBe(true);
    expect(await topNotices(page).count()).toBe(0);
    expect(await shortfall.textContent()).toBe('Gauti visi 11 dokumentų; trūksta 9 punktų duomenų: 6.2, 6.3, 6.4, 6.5, 6.6, 6.7, 6.8, 6.9, 6.10');
    await expectAccessible(page, 'the case page with a dossier item open');

    // 6.5: the heavy scan's size in the item's list of documents.
    await page.getByRole('button', { name: 'Atverti 6.5 punktą' }).click();
    expect(await page.locator('.item-panel[data-item="6.5"] .document-list').textContent()).toContain('PDF, 1,5 MB');
    expect(session.problems).toEqual([]);
  });

  it('a step and an after-decision record are confirmed next to their buttons (V-77 p. 6, 28–35)', async () => {
    const session = await openApp(join(tempDir('rough-demo'), 'data'), { fresh: true, as: null });
    const { page } = session;
    await page.locator('main h1').waitFor();
    await seedDemo(session.host.services.dispatch, TODAY, 14, () => {});
    const secretaryUser = DEMO_USERS.find((u) => u.username === 'sekretore')!;
    const { session: token } = await invoke(session.host.services.dispatch, 'auth.login', { username: secretaryUser.username, password: secretaryUser.password });
    const secretary: Dispatch = (method, input) => session.host.services.dispatch(method, input, token);
    const { cases } = await invoke(secretary, 'cases.list', {});
    const collecting = cases.find((c) => c.state === 'request_received');
    const transferred = cases.find((c) => c.state === 'transferred');
    if (!collecting || !transferred) throw new Error('the demo has no case waiting for its dossier or living in the halfway house');
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.reload();
    await signIn(page, secretaryUser);

    // A step: said under the step buttons, in view.
    await page.evaluate((id) => (location.hash = `#/cases/${id}`), collecting.id);
    const steps = page.locator('section[aria-labelledby="steps-title"] .step-buttons');
    await steps.getByRole('button', { name: 'Renkama medžiaga' }).click();
    await page.getByRole('button', { name: 'Įrašyti žingsnį' }).click();
    const moved = page.getByRole('status').filter({ hasText: 'Būsena pakeista: „Renkama medžiaga“.' });
    await moved.waitFor();
    expect(await gapBetween(steps, moved)).toBeLessThan(NEAR);
    expect(await inViewport(moved)).toBe(true);
    expect(await topNotices(page).count()).toBe(0);

    // V-77 p. 32: a review of the plan recorded far down the page: said under the section's buttons.
    await page.evaluate((id) => (location.hash = `#/cases/${id}`), transferred.id);
    const buttons = page.locator('.after-decision .after-buttons');
    await buttons.getByRole('button', { name: 'Registruoti planą, peržiūrą ar pastabą' }).click();
    const form = page.locator('form[data-form="life"]');
    await form.getByRole('radio', { name: 'Mėnesinė plano peržiūra (V-77 32 p.)' }).check();
    await form.getByLabel('Data').fill(TODAY);
    await form.getByLabel('Kas nustatyta').fill('Planas vykdomas, darbas išlaikytas.');
    await form.getByRole('button', { name: 'Išsaugoti įrašą' }).click();
    const recorded = page.getByRole('status').filter({ hasText: 'Įrašas apie gyvenimą pusiaukelės namuose išsaugotas.' });
    await recorded.waitFor();
    expect(await gapBetween(buttons, recorded)).toBeLessThan(NEAR);
    expect(await inViewport(recorded)).toBe(true);
    expect(await topNotices(page).count()).toBe(0);
    await expectAccessible(page, 'the case page after a record of life in the halfway house');
    expect(session.problems).toEqual([]);
  });
});
