import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, invoke, openApp, removeTempDirs, tempDir, type AppSession } from './harness';

let session: AppSession | undefined;

beforeAll(ensureRendererBuilt);
afterEach(async () => {
  await session?.close();
  session = undefined;
  removeTempDirs();
});

describe('first run', () => {
  it('V-77 p. 5: sets up the institution, its halfway house and the two institutions requests come from; the list starts empty', async () => {
    session = await openApp(tempDir('setup'));
    const { page } = session;

    await page.getByRole('heading', { name: 'Įstaigos nustatymas' }).waitFor();
    // The access token has left the address bar (it stays in this tab's session storage).
    expect(page.url()).not.toContain('token');
    // Nothing to navigate to before the institution exists.
    expect(await page.getByRole('navigation').count()).toBe(0);

    // Saving an empty form names what is missing.
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    await page.getByText('Ištaisykite pažymėtus laukus.').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Privalomas laukas.' }).count()).toBe(1);

    await page.getByLabel('Įstaigos pavadinimas').fill('Pravieniškių pataisos namai-atviroji kolonija');
    await page.getByLabel('Įstaiga turi pusiaukelės namus').check();
    await page.getByLabel('Pusiaukelės namų pavadinimas').fill('Pravieniškių pusiaukelės namai');
    await page.getByLabel('Vietų skaičius').fill('20');
    await page.getByRole('button', { name: 'Pridėti įstaigą' }).click();
    await page.getByRole('button', { name: 'Pridėti įstaigą' }).click();
    await page.getByLabel('Įstaiga 1: pavadinimas').fill('Marijampolės pataisos namai');
    await page.getByLabel('Įstaiga 2: pavadinimas').fill('Vilniaus pataisos namai');
    await page.getByLabel('Įstaiga 2: pusiaukelės namai (jei yra)').fill('Vilniaus pusiaukelės namai');
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();

    await page.getByRole('heading', { name: 'Bylos' }).waitFor();
    await page.getByText('Bylų dar nėra.').waitFor();
    expect(await page.locator('tbody tr[data-row]').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Naujas prašymas' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Pravieniškių pataisos namai-atviroji kolonija');

    const saved = await invoke(session.host.services.dispatch, 'settings.get', {});
    expect(saved?.institution).toEqual({
      name: 'Pravieniškių pataisos namai-atviroji kolonija',
      runsHalfwayHouse: true,
      halfwayHouseName: 'Pravieniškių pusiaukelės namai',
      places: 20,
    });
    expect(saved?.otherInstitutions.map((o) => [o.name, o.halfwayHouseName])).toEqual([
      ['Marijampolės pataisos namai', ''],
      ['Vilniaus pataisos namai', 'Vilniaus pusiaukelės namai'],
    ]);
    // Ids are made in the browser from the name: a slug and a random suffix.
    expect(saved?.otherInstitutions[0]?.id).toMatch(/^marijampoles-pataisos-namai-[0-9a-z]{6}$/);

    // The settings stay editable: the saved values come back.
    await page.getByRole('link', { name: 'Nustatymai' }).click();
    await page.getByRole('heading', { name: 'Nustatymai' }).waitFor();
    expect(await page.getByLabel('Įstaiga 2: pavadinimas').inputValue()).toBe('Vilniaus pataisos namai');
    expect(session.problems).toEqual([]);
  });
});
