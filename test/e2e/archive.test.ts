import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../shared/contract/schemas';
import { pdfDocument } from '../helpers/documents';
import { DOSSIER_CASE_REQUEST, loadCompleteDossier } from '../helpers/dossier';
import { closeSessions, ensureRendererBuilt, invoke, openApp, SECRETARY, SETTINGS, tempDir, TODAY, type Account, type Dispatch } from './harness';

/**
 * Issue 15 through the UI: the archivist exports a case from its page as one package (a zipped BagIt
 * bag, RFC 8493) written into the exports folder of this machine, checks that package on the Archive
 * page (intact, its case already here) and imports it as a new case, which opens; the secretary sends
 * a dossier to another institution as a package (V-77 p. 7) and downloads any version of a dossier
 * document (V-77 p. 6) exactly as it was uploaded.
 */

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

const ARCHIVIST: Account = { username: 'archyvaras', displayName: 'Laima Archyvarė', password: 'Archyvaras-slaptazodis-1', roles: ['archivist'] };
const ACCOUNTS = [SECRETARY, ARCHIVIST] as const;

/** Serves in this institution, asks for Vilnius' halfway house: Vilnius decides, the dossier is sent (V-77 p. 7–8). */
const SENDS: RequestInput = { ...DOSSIER_CASE_REQUEST, firstName: 'Saulius', lastName: 'Pocius', personalFileNo: 'B-4001', servingInstitutionId: 'own', halfwayHouseInstitutionId: 'vilnius' };

interface Seeded {
  caseId: string;
  /** The two versions of item 6.1's document, as uploaded. */
  first: Uint8Array;
  second: Uint8Array;
}

/**
 * A case with item 6.1's document in two versions (the second replaces the first; both are kept);
 * `closed`: then withdrawn, as the cases an archive receives are (an open case may not be copied in
 * as a new case: the convict would have two open cases).
 */
async function seedCase(d: Dispatch, closed = false): Promise<Seeded> {
  await invoke(d, 'settings.save', { ...SETTINGS, revision: 0 });
  let view = await invoke(d, 'cases.register', DOSSIER_CASE_REQUEST);
  const first = await pdfDocument({ text: 'Rizikos vertinimas, pirmoji versija' });
  const second = await pdfDocument({ pages: 2, text: 'Rizikos vertinimas, pataisyta versija' });
  const staged1 = await invoke(d, 'dossier.stage', { caseId: view.record.id, name: 'rizikos vertinimas.pdf', bytes: first });
  view = await invoke(d, 'dossier.attach', { caseId: view.record.id, revision: view.record.revision, files: [{ stagedId: staged1.stagedId, item: '6.1' }] });
  const documentId = view.dossier.items.find((i) => i.id === '6.1')!.documents[0]!.id;
  const staged2 = await invoke(d, 'dossier.stage', { caseId: view.record.id, name: 'rizikos vertinimas.pdf', bytes: second });
  view = await invoke(d, 'dossier.attach', {
    caseId: view.record.id,
    revision: view.record.revision,
    files: [{ stagedId: staged2.stagedId, item: '6.1', replaces: documentId, note: 'Pataisyta data' }],
  });
  if (closed) view = await invoke(d, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'withdrawn', on: TODAY, note: 'Nuteistasis prašymą atsiėmė.' });
  return { caseId: view.record.id, first, second };
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** `unzip -t`: every entry of the zip reads back whole and matches its CRC (the zip format itself, no software of ours). */
function unzipTest(path: string): string {
  return execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
}

async function openCaseFromList(page: Page, request: RequestInput): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Bylos' }).click();
  await page.getByRole('link', { name: `${request.lastName} ${request.firstName}` }).first().click();
  await page.getByRole('heading', { name: `${request.lastName} ${request.firstName}`, level: 1 }).waitFor();
}

describe("the archivist's desk (issue 15)", () => {
  it('exports a case from its page after the personal-data warning (RFC 8493 bag in a zip), checks it on the Archive page and imports it as a new case', async () => {
    const dataDir = tempDir('archive');
    let seeded: Seeded | undefined;
    const session = await openApp(dataDir, {
      accounts: ACCOUNTS,
      as: ARCHIVIST,
      seed: async (d) => {
        seeded = await seedCase(d, true);
      },
    });
    const { page } = session;
    const exportsDir = `${dataDir}.exports`;
    const caseId = seeded!.caseId;

    await openCaseFromList(page, DOSSIER_CASE_REQUEST);
    const panel = page.locator('section.case-archive');
    await panel.getByRole('button', { name: 'Eksportuoti bylos paketą' }).click();
    // The package holds personal data in clear: nothing is written until the user says they understand.
    await panel.getByRole('button', { name: 'Įrašyti bylos paketą' }).click();
    await panel.getByText('Pažymėkite, kad supratote įspėjimą apie asmens duomenis.').waitFor();
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
    // A password shorter than 8 characters is refused before the call.
    await panel.getByLabel('Paketo slaptažodis', { exact: true }).fill('trumpas');
    await panel.getByRole('button', { name: 'Įrašyti bylos paketą' }).click();
    await panel.getByText('Slaptažodis turi būti ne trumpesnis kaip 8 ženklai.').waitFor();
    await panel.getByLabel('Paketo slaptažodis', { exact: true }).fill('');
    await panel.getByLabel(/^Suprantu, kad pakete asmens duomenys neužšifruoti/).check();
    await panel.getByRole('button', { name: 'Įrašyti bylos paketą' }).click();

    const result = panel.locator('.archive-result[data-written="export"]');
    await result.waitFor();
    expect(await result.locator('.notice-ok').textContent()).toBe('Bylos paketas įrašytas.');
    const path = (await result.locator('.written-path').textContent()) ?? '';
    const shownSha = (await result.locator('.written-sha256').textContent()) ?? '';
    // Written into the exports folder of this machine, at the path shown; the digest shown is the file's.
    expect(path.startsWith(exportsDir)).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04])); // a zip's local file header
    expect(sha256Of(path)).toBe(shownSha);
    const listing = unzipTest(path);
    expect(listing).toContain('No errors detected');
    // RFC 8493 §2.1: bagit.txt, the payload manifest and the tag manifest, and the case record in the payload.
    expect(listing).toMatch(/\/bagit\.txt\s/);
    expect(listing).toMatch(/\/manifest-sha256\.txt\s/);
    expect(listing).toMatch(/\/tagmanifest-sha256\.txt\s/);
    expect(listing).toMatch(/\/data\/case\.json\s/);

    // The Archive page: check the package; the case is here already, so only a new case is offered.
    await page.getByRole('navigation').getByRole('link', { name: 'Archyvas' }).click();
    await page.getByRole('heading', { name: 'Archyvas', level: 1 }).waitFor();
    const name = path.split('/').pop()!;
    await page.getByLabel('Tikrinamas paketas (.zip)').setInputFiles(path);
    const report = page.locator('section.package-report');
    await page.getByRole('heading', { name: `Patikrinimo ataskaita: ${name}` }).waitFor();
    expect(await report.getAttribute('data-intact')).toBe('true');
    expect(await report.getAttribute('data-exists')).toBe('true');
    expect(await report.locator('[data-verdict="intact"]').textContent()).toBe('Paketas vientisas: sandara, kontrolinės sumos ir bylos įrašas tvarkingi.');
    expect(await report.locator('[data-verdict="exists"]').textContent()).toContain('Ši byla jau yra šiame kataloge');
    expect(await report.getByRole('definition').filter({ hasText: shownSha }).count()).toBe(1);
    expect(await report.textContent()).toContain('Čepulis Žydrūnas, asmens bylos Nr. A-1001');
    expect(await report.textContent()).toContain(ARCHIVIST.displayName);
    // Two versions of one dossier document (V-77 p. 6: every version kept), the audit entries proved.
    expect(await report.locator('.report-counts').textContent()).toContain('Bylos medžiagos failų (su versijomis)2');
    expect(await report.locator('.report-audit').getAttribute('data-proof')).toBe('valid');
    expect(await report.getByText('Problemų nerasta.').count()).toBe(1);
    const check = page.locator('section.archive-check');
    expect(await check.getByRole('button', { name: 'Importuoti', exact: true }).count()).toBe(0);

    await check.getByRole('button', { name: 'Importuoti kaip naują bylą' }).click();
    const imported = check.locator('[data-imported]');
    await imported.waitFor();
    const newId = (await imported.getAttribute('data-imported')) ?? '';
    expect(newId).not.toBe('');
    expect(newId).not.toBe(caseId);
    await check.getByRole('link', { name: 'Atverti importuotą bylą' }).click();
    await page.getByRole('heading', { name: 'Čepulis Žydrūnas', level: 1 }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`#/cases/${encodeURIComponent(newId)}`);
    // The original case is untouched, and both are listed.
    const list = await invoke(session.staff.dispatch, 'cases.list', {});
    expect(list.cases.map((c) => c.id).sort()).toEqual([caseId, newId].sort());
    expect(session.problems).toEqual([]);
  });

  it('V-77 p. 6: the secretary downloads the current and the earlier version of a dossier document, byte for byte as uploaded', async () => {
    const dataDir = tempDir('archive-download');
    let seeded: Seeded | undefined;
    const session = await openApp(dataDir, {
      accounts: ACCOUNTS,
      seed: async (d) => {
        seeded = await seedCase(d);
      },
    });
    const { page } = session;
    await openCaseFromList(page, DOSSIER_CASE_REQUEST);
    await page.getByRole('button', { name: 'Atverti 6.1 punktą' }).click();
    const item = page.locator('.item-panel[data-item="6.1"]');

    const [current] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Atsisiųsti originalą rizikos vertinimas.pdf (dabartinė, 2 versija)' }).click(),
    ]);
    expect(current.suggestedFilename()).toBe('rizikos vertinimas.pdf');
    expect(new Uint8Array(readFileSync(await current.path()))).toEqual(seeded!.second);

    await item.getByText('Ankstesnės versijos').click();
    const [earlier] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Atsisiųsti originalą rizikos vertinimas.pdf (1 versija)' }).click(),
    ]);
    expect(earlier.suggestedFilename()).toBe('rizikos vertinimas_v1.pdf');
    expect(new Uint8Array(readFileSync(await earlier.path()))).toEqual(seeded!.first);
    expect(session.problems).toEqual([]);
  });

  it('V-77 p. 7: the secretary sends the dossier to the other institution as a package; the case records it as sent with the package digest', async () => {
    const dataDir = tempDir('archive-send');
    const session = await openApp(dataDir, {
      accounts: ACCOUNTS,
      seed: async (d) => {
        await invoke(d, 'settings.save', { ...SETTINGS, revision: 0 });
        await loadCompleteDossier(d, await invoke(d, 'cases.register', SENDS));
      },
    });
    const { page } = session;
    const exportsDir = `${dataDir}.exports`;
    await openCaseFromList(page, SENDS);
    const panel = page.locator('section.case-archive');
    await panel.getByRole('button', { name: 'Siųsti medžiagą (V-77 7 p.)' }).click();
    expect(await panel.getByLabel('Išsiuntimo data').inputValue()).toBe(TODAY);
    await panel.getByLabel(/^Suprantu, kad pakete asmens duomenys neužšifruoti/).check();
    await panel.getByRole('button', { name: 'Įrašyti paketą ir pažymėti, kad išsiųsta' }).click();

    await page.locator('.notice-ok[role="status"]').filter({ hasText: 'Medžiagos paketas įrašytas; byloje pažymėta, kad medžiaga išsiųsta.' }).waitFor();
    expect(await page.locator('.case-summary .state-badge').textContent()).toBe('Medžiaga išsiųsta kitai įstaigai');
    const result = panel.locator('.archive-result[data-written="send"]');
    const path = (await result.locator('.written-path').textContent()) ?? '';
    expect(path.startsWith(exportsDir)).toBe(true);
    expect(unzipTest(path)).toContain('No errors detected');
    const digest = sha256Of(path);
    expect(await result.locator('.written-sha256').textContent()).toBe(digest);
    // The case keeps the package that carried the dossier: its name and digest.
    const sent = panel.locator('.dossier-sent-package');
    expect(await sent.textContent()).toContain(path.split('/').pop()!);
    expect(await sent.locator('.written-sha256').textContent()).toBe(digest);
    // Sent once: the action is not offered again.
    expect(await panel.getByRole('button', { name: 'Siųsti medžiagą (V-77 7 p.)' }).count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
  it('exports every case closed in the year into a new folder, with a progress bar fed by the run\'s events; a cancel keeps only whole packages', async () => {
    const dataDir = tempDir('archive-closed');
    const closed: string[] = [];
    const session = await openApp(dataDir, {
      accounts: ACCOUNTS,
      as: ARCHIVIST,
      seed: async (d) => {
        await invoke(d, 'settings.save', { ...SETTINGS, revision: 0 });
        for (let n = 1; n <= 6; n++) {
          const view = await invoke(d, 'cases.register', { ...DOSSIER_CASE_REQUEST, firstName: `Vardas${n}`, personalFileNo: `W-${n}` });
          const done = await invoke(d, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'withdrawn', on: TODAY, note: 'Nuteistasis prašymą atsiėmė.' });
          closed.push(done.record.id);
        }
        await invoke(d, 'cases.register', { ...DOSSIER_CASE_REQUEST, personalFileNo: 'OPEN-1' }); // still open: not exported
      },
    });
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Archyvas' }).click();
    const panel = page.locator('section.archive-closed');
    expect(await panel.getByLabel('Metai').inputValue()).toBe(TODAY.slice(0, 4));
    // Every state the bar went through, as the page showed it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.archive-progress progress');
        const text = document.querySelector('.archive-progress-text')?.textContent ?? '';
        if (bar) seen.push(`${bar.getAttribute('aria-valuenow') ?? ''}/${bar.getAttribute('aria-valuemax') ?? ''} ${text}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const progressSeen = () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.splice(0));

    // Cancelled as soon as the bar knows how many cases there are: the packages written stay, whole.
    await panel.getByLabel(/^Suprantu, kad pakete asmens duomenys neužšifruoti/).check();
    await panel.getByRole('button', { name: 'Pradėti eksportą' }).click();
    await panel.locator('.archive-progress[data-total="6"]').waitFor();
    await panel.getByRole('button', { name: 'Nutraukti eksportą' }).click();
    let result = panel.locator('.archive-result');
    await result.waitFor();
    expect(await result.getAttribute('data-cancelled')).toBe('true');
    const written = Number(await result.getAttribute('data-packages'));
    expect(written).toBeLessThan(6);
    expect(await result.locator('.notice').textContent()).toBe(`Nutraukta. Iki nutraukimo įrašyta paketų: ${written}.`);
    const firstFolder = (await result.locator('.written-path').first().textContent()) ?? '';
    expect(firstFolder.startsWith(`${dataDir}.exports`)).toBe(true);
    // No half-written file: only the whole packages the page lists.
    expect(readdirSync(firstFolder).sort()).toEqual((await result.locator('.archive-packages tbody th').allTextContents()).sort());
    expect((await progressSeen()).some((s) => / iš 6$/.test(s) && s.includes('/6'))).toBe(true);

    // The whole year: six packages into a new folder, each listed with its size and its file's SHA-256.
    await panel.getByRole('button', { name: 'Pradėti eksportą' }).click();
    result = panel.locator('.archive-result[data-cancelled="false"]');
    await result.waitFor();
    expect(await result.locator('.notice').textContent()).toBe('Eksportas baigtas. Įrašyta paketų: 6.');
    const folder = (await result.locator('.written-path').first().textContent()) ?? '';
    expect(folder).not.toBe(firstFolder);
    const rows = result.locator('.archive-packages tbody tr');
    expect(await rows.count()).toBe(6);
    const listed = new Set<string>();
    for (let n = 0; n < 6; n++) {
      const row = rows.nth(n);
      const file = join(folder, (await row.locator('th').textContent()) ?? '');
      expect(await row.locator('.written-sha256').textContent()).toBe(sha256Of(file));
      listed.add((await row.locator('td a').textContent()) ?? '');
    }
    expect([...listed].sort()).toEqual([...closed].sort());
    expect(await result.locator('.archive-failed').count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});
