import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatMoment } from '../../renderer/i18n/dates';
import { qualifiedCa, signTrustedList, testOperator, trustedListXml } from '../helpers/trustedLists';
import { expectAccessible } from './axe';
import { ADMIN, closeSessions, ensureRendererBuilt, invoke, openApp, SETTINGS, tempDir, type Dispatch } from './harness';

/**
 * Issue 18 through the UI ("Trust from the trusted lists", "Bad input"): the administrator imports an
 * ETSI TS 119 612 list with its operator's certificate in the settings; a tampered list is refused
 * with its code and the Lithuanian reason and nothing is kept; the imported list shows its sequence
 * number, its next update and its granted qualified services, and once its next update is past the
 * settings say it is out of date.
 */

beforeAll(async () => {
  await ensureRendererBuilt();
});
afterEach(closeSessions);

describe('trusted lists in the settings (issue 18)', () => {
  it('a tampered list is refused in Lithuanian; a signed one shows its next update and services; past its next update it is marked out of date', async () => {
    const operator = testOperator();
    const nextUpdate = new Date(Date.now() + 90 * 86400_000);
    const signed = signTrustedList(trustedListXml({ nextUpdate, services: [{ name: 'Bandomoji kvalifikuotų sertifikatų tarnyba', certificate: qualifiedCa().certificate }] }), operator);
    const dir = tempDir('trusted-lists-files');
    const files = { list: join(dir, 'LT-TSL.xml'), tampered: join(dir, 'LT-TSL-pakeistas.xml'), operator: operator.certPath };
    writeFileSync(files.list, signed);
    writeFileSync(files.tampered, signed.replace('Bandomoji kvalifikuotų sertifikatų tarnyba', 'Įsiterpusi tarnyba'));

    const dataDir = tempDir('trusted-lists');
    const seed = async (dispatch: Dispatch) => void (await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 }));
    const session = await openApp(dataDir, { as: ADMIN, accounts: [], seed });
    const { page } = session;
    await page.evaluate(() => (location.hash = '#/settings'));
    const panel = page.getByRole('region', { name: 'Patikimų sąrašai (ETSI TS 119 612)' });
    await panel.getByText('Patikimų sąrašų neimportuota').waitFor();

    await panel.getByLabel('Patikimų sąrašo failas (.xml)').setInputFiles(files.tampered);
    await panel.getByLabel('Sąrašo tvarkytojo sertifikatas (.pem, .crt, .cer)').setInputFiles(files.operator);
    await panel.getByRole('button', { name: 'Importuoti sąrašą' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('TRUSTED_LIST_SIGNATURE_INVALID');
    expect(await alert.textContent()).toContain('Sąrašo parašas netikras su nurodytu tvarkytojo sertifikatu');
    expect(await alert.textContent()).toContain('Nustatymai nepakeisti.');
    expect(await panel.locator('table').count()).toBe(0);
    await expectAccessible(page, 'the settings with a refused trusted list');

    await panel.getByLabel('Patikimų sąrašo failas (.xml)').setInputFiles(files.list);
    await panel.getByLabel('Sąrašo tvarkytojo sertifikatas (.pem, .crt, .cer)').setInputFiles(files.operator);
    await panel.getByRole('button', { name: 'Importuoti sąrašą' }).click();
    await panel.getByRole('status').filter({ hasText: 'Sąrašas importuotas.' }).waitFor();
    const row = panel.getByRole('table', { name: 'Importuoti patikimų sąrašai' }).locator('tbody tr');
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['LT', 'Ryšių reguliavimo tarnyba', '42']);
    expect(cells[4]).toBe(formatMoment(nextUpdate.toISOString(), 'lt'));
    expect(cells[5]).toContain('Suteiktų paslaugų: 1');
    expect(cells[5]).toContain('Bandomoji kvalifikuotų sertifikatų tarnyba');
    expect(await panel.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'the settings with an imported trusted list');
    expect(session.problems).toEqual([]);
    await session.close();

    // The clock past the list's next update.
    const later = await openApp(dataDir, { as: ADMIN, accounts: [], now: () => new Date(nextUpdate.getTime() + 86400_000) });
    await later.page.evaluate(() => (location.hash = '#/settings'));
    const stale = later.page.getByRole('region', { name: 'Patikimų sąrašai (ETSI TS 119 612)' });
    await stale.getByText('pasenęs – importuokite naujesnį').waitFor();
    await stale.getByRole('button', { name: 'Pašalinti sąrašą LT Nr. 42' }).click();
    await stale.getByText('Patikimų sąrašų neimportuota').waitFor();
    expect(later.problems).toEqual([]);
  });
});
