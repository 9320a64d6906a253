import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, invoke, openApp, closeSessions, seedDataDir, SETTINGS, tempDir } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

const request = (firstName: string, lastName: string, personalFileNo: string) => ({
  firstName,
  lastName,
  personalFileNo,
  birthDate: '1988-02-02',
  servingInstitutionId: 'marijampole',
  halfwayHouseInstitutionId: 'own',
  requestDate: '2026-11-10',
  possibleTransferDate: '2026-12-20',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2027-12-31',
});

describe('a damaged case file', () => {
  it('V-77 p. 7: is listed as damaged with the reason, cannot be opened, and the other cases and their terms still work', async () => {
    const dataDir = tempDir('damaged');
    let damagedId = '';
    await seedDataDir(dataDir, async (dispatch) => {
      await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
      damagedId = (await invoke(dispatch, 'cases.register', request('Kęstutis', 'Sugadintas', 'S-1'))).record.id;
      await invoke(dispatch, 'cases.register', request('Ona', 'Sveikutė', 'S-2'));
    });
    // The case files are sealed (AES-256-GCM): one byte changed in the middle fails the integrity check.
    const file = join(dataDir, 'cases', `${damagedId}.json`);
    const sealed = readFileSync(file);
    const middle = Math.floor(sealed.length / 2);
    sealed[middle] = (sealed[middle] ?? 0) ^ 0xff;
    writeFileSync(file, sealed);

    const session = await openApp(dataDir);
    const { page } = session;
    const damagedRow = page.locator('tbody tr[data-damaged]');
    await damagedRow.waitFor();
    expect(await damagedRow.textContent()).toMatch(/Sugadinta byla: failas neperskaitomas/i);
    expect(await damagedRow.getByRole('link').count()).toBe(0);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => damagedRow.textContent()).toMatch(/Damaged case: the file cannot be read/i);
    await page.getByRole('button', { name: 'LT', exact: true }).click();

    // Opened by its address all the same, it shows why instead of a broken page.
    await page.evaluate((id) => {
      location.hash = `#/cases/${id}`;
    }, damagedId);
    await page.getByRole('heading', { name: 'Byla neatidaroma' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('CASE_DAMAGED');

    // The other case opens, with its V-77 p. 7 term.
    await page.getByRole('link', { name: 'Atgal į bylų sąrašą' }).click();
    await page.getByRole('link', { name: 'Sveikutė Ona' }).click();
    await page.getByRole('heading', { name: 'Sveikutė Ona' }).waitFor();
    expect(await page.getByRole('row', { name: /Medžiaga turi būti gauta/ }).textContent()).toContain('V-77 7 p.');
    expect(session.problems).toEqual([]);
  });
});
