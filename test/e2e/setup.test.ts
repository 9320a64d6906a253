import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ensureRendererBuilt, invokeAs, openApp, closeSessions, signIn, signInAt, signOut, tempDir, userMenu } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

describe('first run', () => {
  it('users-and-roles issue, V-77 p. 5: creates the administrator, signs in, sets up the institution and the institutions requests come from', async () => {
    const session = await openApp(tempDir('setup'), { fresh: true, as: null });
    const { page } = session;

    // A new data directory asks for the administrator first.
    await page.getByRole('heading', { name: 'Administratoriaus paskyra' }).waitFor();
    // The access token has left the address bar (it stays in this tab's session storage).
    expect(page.url()).not.toContain('token');
    expect(await page.getByRole('navigation').count()).toBe(0);

    // Checked as the contract checks it: the user name's form, the password's length, typed twice.
    await page.getByLabel('Naudotojo vardas').fill('Ona Admin');
    await page.getByLabel('Vardas ir pavardė').fill(ADMIN.displayName);
    await page.getByLabel('Slaptažodis', { exact: true }).fill('trumpas');
    await page.getByLabel('Pakartokite slaptažodį').fill('kitoks');
    await page.getByRole('button', { name: 'Sukurti administratorių' }).click();
    await page.getByText('Ištaisykite pažymėtus laukus.').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Naudotojo vardas – mažosios raidės' }).count()).toBe(1);
    expect(await page.getByRole('alert').filter({ hasText: 'Slaptažodis turi būti bent 10 simbolių.' }).count()).toBe(1);
    expect(await page.getByRole('alert').filter({ hasText: 'Slaptažodžiai nesutampa.' }).count()).toBe(1);

    await page.getByLabel('Naudotojo vardas').fill(ADMIN.username);
    await page.getByLabel('Slaptažodis', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Pakartokite slaptažodį').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sukurti administratorių' }).click();

    // Issue 16: the new directory's recovery key, shown this once, to be written down before going on.
    await page.getByRole('heading', { name: 'Atkūrimo raktas' }).waitFor();
    await page.getByLabel('Užsirašiau atkūrimo raktą ir padėjau jį saugiai').check();
    await page.getByRole('button', { name: 'Tęsti' }).click();

    // Signed in at once, the administrator sets the institution up.
    await page.getByRole('heading', { name: 'Įstaigos nustatymas' }).waitFor();
    await userMenu(page, ADMIN).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);

    // Saving an empty form names what is missing.
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    await page.getByText('Ištaisykite pažymėtus laukus.').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Privalomas laukas.' }).count()).toBe(1);
    // The idle lock starts at its default.
    expect(await page.getByLabel('Automatinis užrakinimas po (min.)').inputValue()).toBe('10');

    await page.getByLabel('Įstaigos pavadinimas').fill('Pravieniškių pataisos namai-atviroji kolonija');
    await page.getByLabel('Įstaiga turi pusiaukelės namus').check();
    await page.getByLabel('Pusiaukelės namų pavadinimas').fill('Pravieniškių pusiaukelės namai');
    await page.getByLabel('Vietų skaičius', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Pridėti įstaigą' }).click();
    await page.getByRole('button', { name: 'Pridėti įstaigą' }).click();
    await page.getByLabel('Įstaiga 1: pavadinimas').fill('Marijampolės pataisos namai');
    await page.getByLabel('Įstaiga 2: pavadinimas').fill('Vilniaus pataisos namai');
    await page.getByLabel('Įstaiga 2: pusiaukelės namai (jei yra)').fill('Vilniaus pusiaukelės namai');
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();

    // The administrator holds no case role: they land on their start page (issue 17), with no case list to open.
    await page.getByRole('heading', { name: 'Pradžia', level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/home$/);
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Pradžia', 'Komisija', 'Archyvas', 'Nustatymai', 'Naudotojai', 'Audito žurnalas']);
    await nav.getByRole('link', { name: 'Naudotojai' }).click();
    await page.getByRole('heading', { name: 'Naudotojai', level: 1 }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Pravieniškių pataisos namai-atviroji kolonija');
    expect(await page.locator('tr[data-username="admin"]').textContent()).toContain('Administratorius');

    // Signed out and in again, the administrator finds it all as left.
    await signOut(page, ADMIN);
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: 'Pradžia', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Nustatymai' }).click();
    await page.getByRole('heading', { name: 'Nustatymai' }).waitFor();
    expect(await page.getByLabel('Įstaiga 2: pavadinimas').inputValue()).toBe('Vilniaus pataisos namai');

    const admin = await signInAt(session.host.services.dispatch, ADMIN);
    const saved = await invokeAs(session.host.services.dispatch, admin, 'settings.get', {});
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
    expect(saved?.security).toEqual({ idleMinutes: 10 });
    // A second administrator cannot be created over the first.
    const again = await session.host.services.dispatch('auth.createAdministrator', { username: 'kitas', displayName: 'Kitas', password: 'Kitas-slaptazodis-1' });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect(session.problems).toEqual([]);
  });
});
