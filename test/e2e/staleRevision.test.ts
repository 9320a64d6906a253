// Issue 13, in Chromium: two administrators, each in their own browser, edit the same settings (and
// the same user). The one who saves second is refused (STALE_REVISION), told calmly what the other
// changed, keeps what they typed, and can load the latest version and save both changes.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, SECRETARY, closeSessions, ensureRendererBuilt, invoke, openApp, openWindow, SETTINGS, tempDir, type Account } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

/** A second administrator, working at the same time as the first. */
const OTHER_ADMIN: Account = { username: 'administratore', displayName: 'Rūta Administratorė', password: 'Administratore-slaptazodis-1', roles: ['administrator'] };

const NEW_NAME = 'Pravieniškių pataisos namai-atviroji kolonija (pervadinta)';

describe('no silent overwrites (issue 13)', () => {
  it('the settings page refuses a save based on settings another administrator has since saved, names what changed and keeps the typed value', async () => {
    const session = await openApp(tempDir('stale-settings'), {
      as: ADMIN,
      accounts: [OTHER_ADMIN],
      seed: async (d) => {
        await invoke(d, 'settings.save', { ...SETTINGS, revision: 0 });
      },
    });
    const first = session.page;
    const second = (await openWindow(session, OTHER_ADMIN)).page;
    for (const page of [first, second]) {
      await page.getByRole('link', { name: 'Nustatymai' }).click();
      await page.getByRole('heading', { name: 'Nustatymai' }).waitFor();
    }

    // The first administrator renames the institution and saves.
    await first.getByLabel('Įstaigos pavadinimas').fill(NEW_NAME);
    await first.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    await first.getByRole('status').filter({ hasText: 'Nustatymai išsaugoti.' }).waitFor();

    // The second, on the settings as they were loaded, changes the number of places.
    await second.getByLabel('Vietų skaičius', { exact: true }).fill('33');
    await second.getByLabel('Automatinis užrakinimas po (min.)').fill('15');
    await second.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    await second.getByRole('alert').filter({ hasText: 'Nustatymus ką tik pakeitė kitas naudotojas arba kitas langas.' }).waitFor();
    const notice = second.getByRole('alert').filter({ has: second.getByRole('button', { name: /naujausią versiją|latest version/ }) });
    expect(await notice.locator('li').allTextContents()).toEqual(['Įstaigos pavadinimas']);
    expect(await notice.textContent()).toContain('Ką įvedėte, liko formoje.');
    expect(await second.getByRole('status').filter({ hasText: 'Nustatymai išsaugoti.' }).count()).toBe(0);
    // What the second administrator typed is still in the form; the first one's name is not overwritten.
    expect(await second.getByLabel('Vietų skaičius', { exact: true }).inputValue()).toBe('33');
    expect(await second.getByLabel('Automatinis užrakinimas po (min.)').inputValue()).toBe('15');
    expect(await second.getByLabel('Įstaigos pavadinimas').inputValue()).toBe(SETTINGS.institution.name);
    expect((await invoke(session.staff.dispatch, 'settings.get', {}))).toMatchObject({ revision: 2, institution: { name: NEW_NAME, places: 20 } });

    // The notice speaks the UI language.
    await second.getByRole('button', { name: 'EN', exact: true }).click();
    expect(await notice.locator('li').allTextContents()).toEqual(['Name of the institution']);
    await second.getByRole('button', { name: 'LT', exact: true }).click();

    // Loading the latest version takes the other administrator's name and keeps the typed places.
    await notice.getByRole('button', { name: 'Įkelti naujausią versiją' }).click();
    await second.getByRole('status').filter({ hasText: 'Įkelta naujausia versija' }).waitFor();
    expect(await notice.count()).toBe(0);
    expect(await second.getByLabel('Įstaigos pavadinimas').inputValue()).toBe(NEW_NAME);
    expect(await second.getByLabel('Vietų skaičius', { exact: true }).inputValue()).toBe('33');
    expect(await second.getByLabel('Automatinis užrakinimas po (min.)').inputValue()).toBe('15');
    await second.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    await second.getByRole('status').filter({ hasText: 'Nustatymai išsaugoti.' }).waitFor();
    expect(await invoke(session.staff.dispatch, 'settings.get', {})).toMatchObject({
      revision: 3,
      institution: { name: NEW_NAME, places: 33 },
      security: { idleMinutes: 15 },
    });
    expect(session.problems).toEqual([]);
  });

  it('the users page refuses a change of a user another administrator has since changed, and names the field', async () => {
    const session = await openApp(tempDir('stale-user'), {
      as: ADMIN,
      accounts: [SECRETARY, OTHER_ADMIN],
      seed: async (d) => {
        await invoke(d, 'settings.save', { ...SETTINGS, revision: 0 });
      },
    });
    const first = session.page;
    const second = (await openWindow(session, OTHER_ADMIN)).page;
    const editOf = (page: typeof first) => page.getByRole('region', { name: 'Naudotojo „sekretore“ duomenys' });
    for (const page of [first, second]) {
      await page.getByRole('heading', { name: 'Naudotojai' }).waitFor();
      await page.getByRole('button', { name: 'Taisyti „sekretore“' }).click();
      await editOf(page).waitFor();
    }
    await editOf(first).getByLabel('Vardas ir pavardė').fill('Rasa Sekretorė-Pervardyta');
    await editOf(first).getByRole('button', { name: 'Išsaugoti' }).click();
    await first.getByRole('status').filter({ hasText: 'Naudotojo „sekretore“ duomenys išsaugoti.' }).waitFor();

    await editOf(second).getByLabel('Komisijos narys').check();
    await editOf(second).getByRole('button', { name: 'Išsaugoti' }).click();
    const notice = editOf(second).getByRole('alert').filter({ hasText: 'Naudotoją „sekretore“ ką tik pakeitė kitas naudotojas arba kitas langas.' });
    await notice.waitFor();
    expect(await notice.locator('li').allTextContents()).toEqual(['Vardas ir pavardė']);
    expect(await editOf(second).getByLabel('Komisijos narys').isChecked()).toBe(true);

    await notice.getByRole('button', { name: 'Įkelti naujausią versiją' }).click();
    await editOf(second).getByRole('status').filter({ hasText: 'Įkelta naujausia versija' }).waitFor();
    expect(await editOf(second).getByLabel('Vardas ir pavardė').inputValue()).toBe('Rasa Sekretorė-Pervardyta');
    expect(await editOf(second).getByLabel('Komisijos narys').isChecked()).toBe(true);
    await editOf(second).getByRole('button', { name: 'Išsaugoti' }).click();
    await second.getByRole('status').filter({ hasText: 'Naudotojo „sekretore“ duomenys išsaugoti.' }).waitFor();
    const users = await invoke(session.staff.dispatch, 'users.list', {});
    expect(users.find((u) => u.username === 'sekretore')).toMatchObject({ displayName: 'Rasa Sekretorė-Pervardyta', roles: ['secretary', 'member'] });
    expect(session.problems).toEqual([]);
  });
});
