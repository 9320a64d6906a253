import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SECRETARY, ensureRendererBuilt, invoke, openApp, closeSessions, seedDataDir, SETTINGS, tempDir } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

const request = (firstName: string, lastName: string, personalFileNo: string) => ({
  firstName,
  lastName,
  personalFileNo,
  birthDate: '1987-07-07',
  servingInstitutionId: 'marijampole',
  halfwayHouseInstitutionId: 'own',
  requestDate: '2026-11-12',
  possibleTransferDate: '2026-12-28',
  possibleParoleDate: '2027-05-01',
  sentenceEnd: '2027-11-30',
});

describe('a damaged settings file', () => {
  it('V-77 p. 5: opens the set-up screen with the SETTINGS_DAMAGED notice; saving there repairs the settings and the cases come back', async () => {
    const dataDir = tempDir('settings');
    await seedDataDir(dataDir, async (dispatch) => {
      await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
      await invoke(dispatch, 'cases.register', request('Arūnas', 'Pirmasis', 'P-1'));
      await invoke(dispatch, 'cases.register', request('Birutė', 'Antroji', 'P-2'));
    });
    writeFileSync(join(dataDir, 'settings.json'), '{"institution": garbage');

    // Repaired by someone who both sets the app up and works with the cases.
    const session = await openApp(dataDir, { as: ADMIN_SECRETARY });
    const { page } = session;
    let listLoads = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/invoke') && r.postData()?.includes('"cases.list"')) listLoads += 1;
    });
    await page.getByRole('heading', { name: 'Įstaigos nustatymas' }).waitFor();
    const notice = page.getByRole('alert').filter({ hasText: 'SETTINGS_DAMAGED' });
    expect(await notice.textContent()).toContain('Įstaigos nustatymų failas (settings.json) sugadintas.');
    expect(await page.getByText('Įstaigos nustatymų nepavyko perskaityti.').count()).toBe(1);
    // Nothing to navigate to until the settings are there again.
    expect(await page.getByRole('navigation').count()).toBe(0);

    // The notice speaks the UI language.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    expect(await notice.textContent()).toContain('The institution settings file (settings.json) is damaged.');
    await page.getByRole('button', { name: 'LT', exact: true }).click();
    expect(await notice.textContent()).toContain('Įstaigos nustatymų failas (settings.json) sugadintas.');

    await page.getByLabel('Įstaigos pavadinimas').fill(SETTINGS.institution.name);
    await page.getByLabel('Įstaiga turi pusiaukelės namus').check();
    await page.getByLabel('Pusiaukelės namų pavadinimas').fill(SETTINGS.institution.halfwayHouseName);
    await page.getByLabel('Vietų skaičius', { exact: true }).fill(String(SETTINGS.institution.places));
    await page.getByRole('button', { name: 'Pridėti įstaigą' }).click();
    await page.getByLabel('Įstaiga 1: pavadinimas').fill('Marijampolės pataisos namai');
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();

    // The app works as usual again, from the start page (issue 17): the case list with the cases registered before.
    await page.getByRole('heading', { name: 'Pradžia', level: 1 }).waitFor();
    const beforeList = listLoads;
    await page.getByRole('navigation').getByRole('link', { name: 'Bylos', exact: true }).click();
    await page.getByRole('heading', { name: 'Bylos', exact: true }).waitFor();
    await expect.poll(() => page.locator('.list-count').textContent()).toBe('Rodoma bylų: 2 iš 2');
    expect(await page.locator('tbody tr[data-row] td:first-child').allTextContents()).toEqual(['Antroji Birutė', 'Pirmasis Arūnas']);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('banner').textContent()).toContain(SETTINGS.institution.name);
    // Shown, the list is loaded once.
    expect(listLoads - beforeList).toBe(1);

    // Shown again, the list is loaded again (its days left come from the back end's today), once.
    await page.getByRole('link', { name: 'Pirmasis Arūnas' }).click();
    await page.getByRole('heading', { name: 'Pirmasis Arūnas' }).waitFor();
    expect(listLoads - beforeList).toBe(1);
    await page.getByRole('link', { name: 'Atgal į bylų sąrašą' }).click();
    await page.getByRole('heading', { name: 'Bylos', exact: true }).waitFor();
    await expect.poll(() => listLoads - beforeList).toBe(2);

    // The damaged file was kept aside, not overwritten; the new settings are read back.
    expect(readdirSync(dataDir).filter((f) => f.startsWith('settings.json.damaged-'))).toHaveLength(1);
    expect((await invoke(session.staff.dispatch, 'settings.get', {}))?.institution.name).toBe(SETTINGS.institution.name);
    expect(session.problems).toEqual([]);
  });
});
