// Issue 16, in Chromium: the settings page asks for the administrator's password beside the card
// module's path only once the path is changed; a wrong password is told under the field and nothing
// is saved; the right one saves the module, and the field goes away again.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ensureRendererBuilt, invoke, openApp, closeSessions, SETTINGS, tempDir } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

describe('changing the card module on the settings page (issue 16)', () => {
  it('asks for the password only when the module changes, refuses a wrong one under the field, and saves with the right one', async () => {
    const session = await openApp(tempDir('card-module'), {
      as: ADMIN,
      seed: async (d) => {
        await invoke(d, 'settings.save', { ...SETTINGS, revision: 0 });
      },
    });
    const { page } = session;
    await page.getByRole('link', { name: 'Nustatymai' }).click();
    await page.getByRole('heading', { name: 'Nustatymai' }).waitFor();
    const password = page.getByLabel('Jūsų slaptažodis tvarkyklei pakeisti');
    expect(await password.count()).toBe(0);

    await page.getByLabel('Kortelės skaitytuvo tvarkyklė (PKCS#11 modulis)').fill(SOFTHSM_MODULE);
    await password.waitFor();
    expect(await password.getAttribute('type')).toBe('password');

    // Without it, the form says so under the field and sends nothing.
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    expect(await page.locator('#signing-module-password-error').textContent()).toBeTruthy();
    expect((await invoke(session.staff.dispatch, 'settings.get', {}))?.signing?.pkcs11Module ?? '').toBe('');

    // A wrong one: the back end refuses, the field says so, nothing is saved.
    await password.fill('ne-tas-slaptazodis');
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    await page.getByText('Neteisingas slaptažodis.', { exact: true }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'kortelės tvarkyklė nepakeista' }).count()).toBe(1);
    expect((await invoke(session.staff.dispatch, 'settings.get', {}))?.signing?.pkcs11Module ?? '').toBe('');

    // The right one saves the module; the field is gone until the module changes again.
    await password.fill(ADMIN.password);
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    await page.getByRole('status').filter({ hasText: 'Nustatymai išsaugoti.' }).waitFor();
    expect(await password.count()).toBe(0);
    expect((await invoke(session.staff.dispatch, 'settings.get', {}))?.signing?.pkcs11Module).toBe(SOFTHSM_MODULE);
    expect(session.problems).toEqual([]);
  });
});
