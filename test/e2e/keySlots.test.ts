// Issue 16, "keys you cannot lose", in the browser host: the recovery key shown once at first setup
// (and the key shown really opens the directory), and the administrator's key slot panel in the
// settings: a passphrase added, proved by the current one, and recorded in the audit trail.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { listSlots } from '../../electron/services/store/keySlots';
import { ADMIN, KEY, closeSessions, ensureRendererBuilt, openApp, tempDir } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

describe('key slots in the browser (issue 16)', () => {
  it('first setup shows the recovery key once, with a tick before going on; that key opens the directory', async () => {
    const dataDir = tempDir('keys-setup');
    const session = await openApp(dataDir, { fresh: true, as: null });
    const { page } = session;
    await page.getByRole('heading', { name: 'Administratoriaus paskyra' }).waitFor();
    await page.getByLabel('Naudotojo vardas').fill(ADMIN.username);
    await page.getByLabel('Vardas ir pavardė').fill(ADMIN.displayName);
    await page.getByLabel('Slaptažodis', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Pakartokite slaptažodį').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sukurti administratorių' }).click();

    await page.getByRole('heading', { name: 'Atkūrimo raktas' }).waitFor();
    const shown = (await page.locator('.recovery-key').innerText()).replace(/\s+/g, '-');
    expect(shown).toMatch(/^\d{6}(-\d{6}){7}$/);
    // Not before it is written down.
    expect(await page.getByRole('button', { name: 'Tęsti' }).isDisabled()).toBe(true);
    await page.getByLabel('Užsirašiau atkūrimo raktą ir padėjau jį saugiai').check();
    await page.getByRole('button', { name: 'Tęsti' }).click();
    await page.getByRole('heading', { name: 'Įstaigos nustatymas' }).waitFor();
    // Reloading does not show it again: the app kept it only until it was shown.
    await page.reload();
    await page.getByRole('heading', { name: 'Įstaigos nustatymas' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Atkūrimo raktas' }).count()).toBe(0);

    await session.close();
    const reopened = await openServices({ dataDir, verifyOnOpen: false, key: { kind: 'recovery', recoveryKey: shown } });
    await reopened.close();
  });

  it('the settings list the slots; a passphrase added with the current one (a wrong one refused) opens the directory', async () => {
    const dataDir = tempDir('keys-panel');
    const session = await openApp(dataDir, { as: ADMIN, accounts: [], seed: async (dispatch) => void (await dispatch('settings.save', { ...(await import('../../electron/cli/demoData')).DEMO_SETTINGS, revision: 0 })) });
    const { page } = session;
    await page.goto(`${session.host.url.split('#')[0]}#/settings`);
    const panel = page.getByRole('region', { name: 'Duomenų rakto vietos' });
    await panel.getByRole('table', { name: 'Rakto vietos' }).waitFor();
    expect(await panel.getByRole('row').count()).toBe(3); // header, passphrase, recovery key
    await panel.getByText('(atidarė šį kartą)').waitFor();

    await panel.getByLabel('Dabartinė slaptafrazė').fill('ne ta slaptafrazė');
    await panel.getByLabel('Nauja slaptafrazė').fill('antra-slaptafraze-2026');
    await panel.getByLabel('Pakartokite naują slaptafrazę').fill('antra-slaptafraze-2026');
    await panel.getByRole('button', { name: 'Pridėti slaptafrazę' }).click();
    await panel.getByText('Neteisinga slaptafrazė').waitFor();

    await panel.getByLabel('Dabartinė slaptafrazė').fill(KEY.kind === 'passphrase' ? KEY.passphrase : '');
    await panel.getByRole('button', { name: 'Pridėti slaptafrazę' }).click();
    await panel.getByText('Atlikta.').waitFor();
    expect(await panel.getByRole('row').count()).toBe(4);
    expect(listSlots(dataDir).map((s) => s.kind)).toEqual(['passphrase', 'recovery', 'passphrase']);
    expect(session.problems).toEqual([]);
    await session.close();
    await (await openServices({ dataDir, verifyOnOpen: false, key: { kind: 'passphrase', passphrase: 'antra-slaptafraze-2026' } })).close();
  });
});
