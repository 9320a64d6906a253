import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completeFacts, DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { writeDossierFolder } from '../helpers/documents';
import { closeSessions, ensureRendererBuilt, invoke, openApp, SETTINGS, tempDir, type Dispatch } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

async function seed(dispatch: Dispatch): Promise<void> {
  await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
  await invoke(dispatch, 'cases.register', DOSSIER_CASE_REQUEST);
}

describe('loading the dossier (V-77 p. 6–9)', () => {
  it('loads a folder of eleven documents with one misplaced file fixed in the review, reads a PDF page, records the facts, extends the p. 7 term and reaches "ready"', async () => {
    const folder = join(tempDir('folder'), 'Čepulis byla');
    mkdirSync(folder);
    const files = await writeDossierFolder(folder);
    const session = await openApp(tempDir('dossier'), seed);
    const { page } = session;
    await page.getByRole('link', { name: 'Čepulis Žydrūnas' }).click();
    await page.getByRole('heading', { name: 'Bylos medžiaga (V-77 6 p.)' }).waitFor();

    // V-77 p. 6: eleven items, all waiting but the optional 6.11; the list to send names them.
    const rows = page.locator('.dossier-checklist tbody tr');
    expect(await rows.count()).toBe(11);
    expect(await page.locator('.dossier-checklist tr[data-status="waiting"]').count()).toBe(10);
    await page.getByRole('button', { name: 'Trūkstamų dokumentų sąrašas' }).click();
    const missingText = (await page.locator('.missing-text').textContent()) ?? '';
    expect(missingText).toContain('A-1001');
    expect(missingText).toContain('6.10. Galiojančio asmens tapatybę patvirtinančio dokumento kopija');
    expect(missingText).not.toContain('6.7.'); // the question of the personal file is the secretary's
    await page.getByRole('button', { name: 'Uždaryti' }).click();

    // V-77 p. 7: 20 working days from Mon 2026-11-02 → 2026-11-30; extended by 5 → 2026-12-07.
    const p7 = page.getByRole('row', { name: /Medžiaga turi būti gauta/ });
    expect(await p7.textContent()).toContain('2026 m. lapkričio 30 d.');
    await page.getByRole('button', { name: 'Pratęsti terminą (V-77 7 p.)' }).click();
    await page.getByLabel('Darbo dienų (1–10)').fill('5');
    await page.getByRole('button', { name: 'Pratęsti', exact: true }).click();
    await page.getByText('Privalomas laukas.').first().waitFor(); // the reason is required
    await page.getByLabel('Objektyvi priežastis').fill('Laukiama socialinio tyrimo išvados');
    await page.getByRole('button', { name: 'Pratęsti', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Terminas pratęstas.' }).waitFor();
    expect(await p7.textContent()).toContain('2026 m. gruodžio 7 d.');

    // The folder: every file but one is proposed by its name; the unnumbered one waits to be placed.
    await page.getByTestId('folder-input').setInputFiles(folder);
    await page.getByRole('heading', { name: 'Įkeliamo aplanko peržiūra' }).waitFor();
    const confirm = page.getByRole('button', { name: /Patvirtinti ir išsaugoti/ });
    expect(await confirm.isDisabled()).toBe(true);
    const unnumbered = files.find((f) => f.proposed === null)!;
    expect(await page.getByLabel(`Punktas: ${unnumbered.file}`).inputValue()).toBe('');
    for (const f of files.filter((x) => x.proposed !== null)) expect(await page.getByLabel(`Punktas: ${f.file}`).inputValue()).toBe(f.proposed);
    // Nothing is stored before the confirmation.
    expect(await page.locator('.dossier-checklist tr[data-status="received"]').count()).toBe(0);
    await page.getByLabel(`Punktas: ${unnumbered.file}`).selectOption(unnumbered.belongsTo);
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Pridėta dokumentų: 11.' }).waitFor();
    expect(await page.locator('.dossier-checklist tr[data-status="received"]').count()).toBe(11);

    // Read a PDF page inside the app, next to the item's facts.
    await page.getByRole('button', { name: 'Atverti 6.2 punktą' }).click();
    const panel = page.locator('.item-panel[data-item="6.2"]');
    await panel.getByRole('button', { name: files.find((f) => f.belongsTo === '6.2')!.file, exact: true }).click();
    const viewer = panel.locator('[data-rendered-page="1"]');
    await viewer.waitFor();
    expect(await viewer.getAttribute('data-page-count')).toBe('2');
    const inked = await panel.locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(100);

    // Facts: 6.10 expiring before the possible transfer date is flagged (V-77 p. 3.2), then put right.
    await page.getByRole('button', { name: 'Atverti 6.10 punktą' }).click();
    const id = page.locator('.item-panel[data-item="6.10"]');
    await id.getByLabel('Dokumento rūšis').selectOption('id_card');
    await id.getByLabel('Dokumento numeris').fill('39001010000');
    await id.getByLabel('Galioja iki').fill('2026-12-01');
    await id.getByRole('button', { name: 'Išsaugoti duomenis' }).last().click();
    await id.locator('[data-finding="id_expires_before_transfer"]').waitFor();
    await id.getByLabel('Galioja iki').fill('2031-05-01');
    await id.getByRole('button', { name: 'Išsaugoti duomenis' }).last().click();
    await page.getByRole('status').filter({ hasText: '6.10 punkto duomenys išsaugoti.' }).waitFor();
    // The same status stands from the first save: wait for the flag to go, not for the text.
    await expect.poll(() => id.locator('[data-finding]').count()).toBe(0);

    // 6.7: the commission can consult the personal file, so the judgment is not needed.
    await page.getByRole('button', { name: 'Atverti 6.7 punktą' }).click();
    const judgment = page.locator('.item-panel[data-item="6.7"]');
    await judgment.getByRole('radio', { name: 'Taip' }).check();
    await judgment.getByRole('button', { name: 'Išsaugoti duomenis' }).last().click();
    await page.getByRole('status').filter({ hasText: '6.7 punkto duomenys išsaugoti.' }).waitFor();

    // The rest of the facts as the secretary's colleague recorded them meanwhile; the page reloads.
    const list = await invoke(session.staff.dispatch, 'cases.list', {});
    let view = await invoke(session.staff.dispatch, 'cases.get', { id: list.cases[0]!.id });
    const facts = completeFacts(view);
    for (const item of ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.8', '6.9'] as const) {
      view = await invoke(session.staff.dispatch, 'dossier.saveItem', { caseId: view.record.id, revision: view.record.revision, item, facts: facts[item] });
    }
    expect(view.dossier.complete).toBe(true);
    await page.reload();
    await page.getByRole('link', { name: 'Čepulis Žydrūnas' }).click().catch(() => undefined);
    await page.getByText('Medžiaga pilna').waitFor();

    // Marked received: complete, so the case goes to the commission with the p. 9 term.
    await page.getByRole('button', { name: 'Medžiaga gauta', exact: true }).click();
    await page.getByLabel('Žingsnio data').fill('2026-11-23');
    await page.getByRole('button', { name: 'Įrašyti žingsnį' }).click();
    await page.locator('.state-badge').filter({ hasText: 'Parengta komisijai' }).waitFor();
    expect(await page.getByRole('row', { name: /Komisijos posėdis ne vėliau kaip/ }).textContent()).toContain('2026 m. gruodžio 7 d.');
    expect(session.problems).toEqual([]);
  });

  it('refuses an .exe renamed .pdf dropped on an item, naming the file, and stores nothing', async () => {
    const session = await openApp(tempDir('bad'), seed);
    const { page } = session;
    await page.getByRole('link', { name: 'Čepulis Žydrūnas' }).click();
    await page.getByRole('button', { name: 'Atverti 6.1 punktą' }).click();
    const { windowsProgram } = await import('../helpers/documents');
    await page.getByTestId('pick-6.1').setInputFiles({ name: '6.1 vertinimas.pdf', mimeType: 'application/pdf', buffer: Buffer.from(windowsProgram()) });
    const refusedRow = page.locator('.folder-review tr[data-file="6.1 vertinimas.pdf"]');
    await refusedRow.waitFor();
    expect(await refusedRow.textContent()).toMatch(/FILE_NOT_DOCUMENT.*6\.1 vertinimas\.pdf.*Windows programa/s);
    expect(await page.getByRole('button', { name: /Patvirtinti ir išsaugoti \(0\)/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Atšaukti įkėlimą' }).click();
    expect(await page.locator('.dossier-checklist tr[data-item="6.1"]').getAttribute('data-status')).toBe('waiting');

    // A good file picked for the item is stored at once; attached by mistake, it is removed with a reason.
    const { pdfDocument } = await import('../helpers/documents');
    await page.getByTestId('pick-6.1').setInputFiles({ name: 'kito nuteistojo vertinimas.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdfDocument()) });
    await page.getByRole('status').filter({ hasText: 'Pridėta dokumentų: 1.' }).waitFor();
    expect(await page.locator('.dossier-checklist tr[data-item="6.1"]').getAttribute('data-status')).toBe('received');
    const panel = page.locator('.item-panel[data-item="6.1"]');
    await panel.getByRole('button', { name: 'Pašalinti iš bylos' }).click();
    expect(await panel.getByRole('button', { name: 'Pašalinti', exact: true }).isDisabled()).toBe(true);
    await panel.getByLabel('Kodėl dokumentas šalinamas?').fill('Kito nuteistojo dokumentas');
    await panel.getByRole('button', { name: 'Pašalinti', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Dokumentas pašalintas iš bylos.' }).waitFor();
    expect(await page.locator('.dossier-checklist tr[data-item="6.1"]').getAttribute('data-status')).toBe('waiting');
    expect(await page.locator('.timeline').textContent()).toContain('Kito nuteistojo dokumentas');
    expect(session.problems).toEqual([]);
  });
});
